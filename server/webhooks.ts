import type Stripe from 'stripe';
import { EventStoreUnavailable, SIGNATURE_TOLERANCE_SECONDS, type EventStore, type StoredEvent } from './event-store.js';
import { errorResponse, json } from './http.js';
import { STRIPE_ID } from './stripe-objects.js';
import { webhookObjectRenders } from './validate-object.js';
import type { WebhookVerifier } from './webhook-signature.js';

export interface WebhookOptions {
  /** Verifies the signature: the `stripe` client, or `webCryptoWebhooks` (no SDK: the simulator's). */
  stripe: WebhookVerifier;
  /** The endpoint's signing secret (`whsec_…`). */
  secret: string;
  /** Dedupes event ids and fans events out to every instance's `GET /events`. */
  store: EventStore;
  /** Seconds a signature's timestamp may be off, either way. Default 300 (Stripe's). */
  toleranceSeconds?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  clock?: () => number;
}


/**
 * `POST /webhooks`: verifies `Stripe-Signature` (and that its timestamp is not from the future),
 * refuses an event id already published inside the dedupe window (on any instance), and publishes
 * `{ type, id, object }` of `data.object` to the event stream. 503 while the store is unreachable, so
 * that Stripe retries.
 */
export function createWebhookHandler(options: WebhookOptions): (request: Request) => Promise<Response> {
  const tolerance = options.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  const clock = options.clock ?? Date.now;
  return async (request) => {
    const signature = request.headers.get('stripe-signature');
    if (!signature) return errorResponse(400, 'Missing Stripe-Signature header');
    const payload = await request.text();
    const receivedAt = clock();
    let event: unknown;
    try {
      event = await options.stripe.webhooks.constructEventAsync(payload, signature, options.secret, tolerance, undefined, receivedAt);
    } catch {
      return errorResponse(400, 'Invalid webhook signature');
    }
    // The SDK refuses only timestamps too old; a future one would let a leaked signature live forever.
    const timestamp = Number(/(?:^|,)\s*t=(\d+)/.exec(signature)?.[1]);
    if (!(timestamp * 1000 <= receivedAt + tolerance * 1000)) return errorResponse(400, 'Webhook timestamp is in the future');
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return errorResponse(400, 'Webhook body is not an event');
    const { id, type, data } = event as Partial<Stripe.Event>;
    if (typeof id !== 'string' || !STRIPE_ID.test(id)) return errorResponse(400, 'Webhook event has no valid id');
    if (typeof type !== 'string') return errorResponse(400, 'Webhook event has no type');

    const object = (data as { object?: unknown } | undefined)?.object as Partial<StoredEvent['object']> | null | undefined;
    if (!object || typeof object !== 'object' || typeof object.id !== 'string') return json({ received: true });
    // An object the widgets could not render is acknowledged (Stripe must not retry it) but never published.
    if (!webhookObjectRenders(object)) return json({ received: true });
    const stored = { ...object, id: object.id, object: typeof object.object === 'string' ? object.object : '' };
    try {
      const streamId = await options.store.publishOnce(id, { type, object: stored });
      return streamId === null ? json({ received: true, duplicate: true }) : json({ received: true });
    } catch (cause) {
      if (cause instanceof EventStoreUnavailable) return errorResponse(503, 'Event store unavailable, retry later', 'api_error');
      throw cause;
    }
  };
}
