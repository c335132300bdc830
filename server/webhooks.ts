import type Stripe from 'stripe';
import { EventStoreUnavailable, SIGNATURE_TOLERANCE_SECONDS, type EventStore, type StoredEvent } from './event-store.js';
import { errorResponse, json } from './http.js';
import { nestedTooDeeply } from './json-depth.js';
import { STRIPE_ID } from './stripe-objects.js';
import { signatureHeaderRefusal } from './stripe-signature-header.js';
import { webhookObjectRenders } from './validate-object.js';

export interface WebhookOptions {
  stripe: Stripe;
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
 * `POST /webhooks`: refuses a `Stripe-Signature` header that cannot be Stripe's (see `signatureHeaderRefusal`)
 * before reading the body, verifies the signature,
 * refuses an event id already published inside the dedupe window (on any instance), and publishes
 * `{ type, id, object }` of `data.object` to the event stream. 503 while the store is unreachable, so
 * that Stripe retries.
 */
export function createWebhookHandler(options: WebhookOptions): (request: Request) => Promise<Response> {
  const tolerance = options.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  const clock = options.clock ?? Date.now;
  return async (request) => {
    const signature = request.headers.get('stripe-signature');
    const refusal = signatureHeaderRefusal(signature, clock(), tolerance);
    if (refusal || signature === null) return errorResponse(400, refusal ?? 'Missing Stripe-Signature header');
    const payload = await request.text();
    if (nestedTooDeeply(payload)) return errorResponse(400, 'Webhook body is nested too deeply');
    let event: unknown;
    try {
      event = await options.stripe.webhooks.constructEventAsync(payload, signature, options.secret, tolerance, undefined, clock());
    } catch {
      return errorResponse(400, 'Invalid webhook signature');
    }
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
