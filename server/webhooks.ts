import type Stripe from 'stripe';
import type { EventHub } from './event-hub.js';
import { errorResponse, json } from './http.js';
import { webhookObjectRenders } from './validate-object.js';

export interface WebhookOptions {
  stripe: Stripe;
  /** The endpoint's signing secret (`whsec_…`). */
  secret: string;
  hub: EventHub;
  /** How many event ids to remember for replay protection. */
  remember?: number;
}

/**
 * `POST /webhooks`: verifies `Stripe-Signature`, ignores an event id already seen, and publishes
 * `{ type, id, object }` of `data.object` to the event stream.
 */
export function createWebhookHandler(options: WebhookOptions): (request: Request) => Promise<Response> {
  const seen = new Set<string>();
  const remember = options.remember ?? 10_000;
  return async (request) => {
    const signature = request.headers.get('stripe-signature');
    if (!signature) return errorResponse(400, 'Missing Stripe-Signature header');
    const payload = await request.text();
    let event: Stripe.Event;
    try {
      event = await options.stripe.webhooks.constructEventAsync(payload, signature, options.secret);
    } catch {
      return errorResponse(400, 'Invalid webhook signature');
    }
    if (seen.has(event.id)) return json({ received: true, duplicate: true });
    seen.add(event.id);
    if (seen.size > remember) seen.delete(seen.values().next().value!);
    const object = (event.data?.object ?? {}) as { id?: unknown; object?: unknown };
    if (typeof object.id === 'string' && webhookObjectRenders(object)) {
      options.hub.publish({ type: event.type, id: object.id, object: typeof object.object === 'string' ? object.object : '' });
    }
    return json({ received: true });
  };
}
