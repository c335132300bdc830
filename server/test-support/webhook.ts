import Stripe from 'stripe';
import type { Backend } from '../app.js';

export const WEBHOOK_SECRET = 'whsec_test_secret';
const signer = new Stripe('sk_test_unused');

/** An event as Stripe sends it: `data.object` is the whole object. */
export function stripeEvent(id: string, object: Record<string, unknown>, type = `${String(object.object)}.updated`): Record<string, unknown> {
  return {
    id,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    api_version: '2025-10-29.clover',
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  };
}

/** POSTs `payload` (an event or any JSON text) to `/api/webhooks`, validly signed with `timestamp` (s). */
export function postWebhook(backend: Backend, payload: unknown, { timestamp, secret = WEBHOOK_SECRET }: { timestamp?: number; secret?: string } = {}) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const signature = signer.webhooks.generateTestHeaderString({ payload: body, secret, ...(timestamp !== undefined && { timestamp }) });
  return backend.handle(
    new Request('http://test.local/api/webhooks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
      body,
    }),
  );
}
