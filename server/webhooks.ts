import type Stripe from 'stripe';
import { EventStoreUnavailable, SIGNATURE_TOLERANCE_SECONDS, type EventStore, type StoredEvent } from './event-store.js';
import { backendErrorResponse, errorResponse, json } from './http.js';
import { nestedTooDeeply } from './json-depth.js';
import { STRIPE_ID } from './stripe-objects.js';
import { signatureHeaderRefusal } from './stripe-signature-header.js';
import { webhookObjectRenders } from './validate-object.js';
import type { WebhookVerifier } from './webhook-signature.js';
import { hookFor, type VerifiedWebhookEvent, type WebhookHookOptions } from './webhook-hooks.js';

/** How long one instance holds the right to run the site's hook for an event (a slower hook may run twice). */
export const DEFAULT_HOOK_LEASE_SECONDS = 60;

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
  /** The site's hooks (`onWebhookEvent`, `webhookHandlers`), run once per event before it is published. */
  hooks?: WebhookHookOptions;
  /** Seconds an instance may take to run the hooks before another may run them again. Default 60. */
  hookLeaseSeconds?: number;
}


/**
 * `POST /webhooks`: refuses a `Stripe-Signature` header that cannot be Stripe's (see `signatureHeaderRefusal`)
 * before reading the body, verifies the signature,
 * refuses an event id already published inside the dedupe window (on any instance), and publishes
 * `{ type, id, object }` of `data.object` to the event stream. 503 while the store is unreachable, so
 * that Stripe retries.
 *
 * With the site's hooks, an event whose object passed validation first runs them, on exactly one
 * instance (a claim in the store), once: a retry after success skips them, a delivery that arrives
 * while another instance runs them is a 409 (Stripe retries it), and a hook that throws answers 500 and
 * releases the claim, so Stripe's retry runs it again. Only then is the event published.
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
      const hook = options.hooks && hookFor(options.hooks, type);
      if (hook) {
        const refusal = await runHookOnce(options, id, async () => hook(forHook(event as VerifiedWebhookEvent, stored)));
        if (refusal) return refusal;
      }
      const streamId = await options.store.publishOnce(id, { type, object: stored });
      return streamId === null ? json({ received: true, duplicate: true }) : json({ received: true });
    } catch (cause) {
      if (cause instanceof EventStoreUnavailable) return errorResponse(503, 'Event store unavailable, retry later', 'api_error');
      throw cause;
    }
  };
}

/** The event as the hooks get it: Stripe's whole event, `data.object` without a `client_secret`. */
function forHook(event: VerifiedWebhookEvent, object: VerifiedWebhookEvent['data']['object']): VerifiedWebhookEvent {
  const { client_secret: _secret, ...withoutSecret } = object;
  return { ...event, data: { ...event.data, object: withoutSecret as VerifiedWebhookEvent['data']['object'] } };
}

/**
 * Runs `hook` if this instance wins the event's claim and no run succeeded yet. Resolves to the response
 * to send instead of going on (409 while another instance runs it, 500 when it failed), or undefined.
 */
async function runHookOnce(options: WebhookOptions, eventId: string, hook: () => Promise<void>): Promise<Response | undefined> {
  const claim = await options.store.claimHook(eventId, options.hookLeaseSeconds ?? DEFAULT_HOOK_LEASE_SECONDS);
  if (claim.status === 'done') return undefined;
  if (claim.status === 'busy') return backendErrorResponse(409, 'This event is being handled; retry later');
  try {
    await hook();
  } catch (cause) {
    // Only the message, as the app's error path logs: the event's data stays out of the logs.
    console.error(`[stripe-widget-kit] webhook hook failed for ${eventId}:`, cause instanceof Error ? cause.message : String(cause));
    await options.store.settleHook(eventId, claim.token, false).catch(() => {});
    return backendErrorResponse(500, 'Webhook hook failed');
  }
  await options.store.settleHook(eventId, claim.token, true);
  return undefined;
}
