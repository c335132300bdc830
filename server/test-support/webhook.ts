import Stripe from 'stripe';
import type { Backend } from '../app.js';

export const WEBHOOK_SECRET = 'whsec_test_secret';
const signer = new Stripe('sk_test_unused');

/** An event as Stripe sends it: `data.object` is the whole object. */
export function stripeEvent(id: string, object: Record<string, unknown>, type = `${String(object.object)}.created`): Record<string, unknown> {
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

/** When the orders below were created: 2026-01-01 12:00 UTC. */
const ORDER_CREATED = 1_767_268_800;

/**
 * A whole `climate.order` as an event's `data.object` carries it (product not expanded), with the
 * timestamps Stripe sets on the way to `status`; `fields` replace fields.
 */
export function climateOrderObject(id: string, status = 'canceled', fields: Record<string, unknown> = {}): Record<string, unknown> {
  const confirmed = status === 'confirmed' || status === 'delivered';
  return {
    id,
    object: 'climate.order',
    amount_fees: 1500,
    amount_subtotal: 13500,
    amount_total: 15000,
    beneficiary: { public_name: 'Example Coffee' },
    canceled_at: status === 'canceled' ? ORDER_CREATED + 3600 : null,
    cancellation_reason: status === 'canceled' ? 'requested' : null,
    certificate: null,
    confirmed_at: confirmed ? ORDER_CREATED + 60 : null,
    created: ORDER_CREATED,
    currency: 'usd',
    delayed_at: null,
    delivered_at: status === 'delivered' ? ORDER_CREATED + 7200 : null,
    delivery_details: [],
    expected_delivery_year: 2027,
    livemode: false,
    metadata: {},
    metric_tons: '0.5',
    product: 'climsku_frontier',
    product_substituted_at: null,
    status,
    ...fields,
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

/** A `Stripe-Signature` that passes the header checks (now, one v1 of the right shape) but verifies nothing. */
export const wellFormedWrongSignature = () => `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`;
