import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBackend } from '../app.js';
import type { PublishedEvent } from '../event-hub.js';
import { SEEDED_PAYMENTS, settlePayment } from '../simulator/payment-intents.js';
import { call, startFakeStripeApi } from '../test-support/fake-stripe-api.js';
import { paymentIntentRoutes } from './payment-intents.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const stripeIntent = {
  id: 'pi_123',
  object: 'payment_intent',
  status: 'succeeded',
  amount: 1000,
  currency: 'usd',
  client_secret: 'pi_123_secret_abc',
  latest_charge: { id: 'ch_123', object: 'charge', captured: true, balance_transaction: null, transfer: null, application_fee: null },
};

/** A card payment as Stripe sends it with the charge and balance transaction expanded: much more than the widget reads. */
const fullIntent = {
  ...stripeIntent,
  id: 'pi_full',
  metadata: { user_id: 'u_1' },
  receipt_email: 'jenny@example.com',
  payment_method: 'pm_123',
  shipping: { name: 'Jenny Rosen', address: { line1: '1 Main St' } },
  last_payment_error: { code: 'card_declined', message: 'Your card was declined.', payment_method: { id: 'pm_123', billing_details: { email: 'jenny@example.com' } } },
  transfer_data: { destination: 'acct_dest' },
  latest_charge: {
    id: 'ch_full',
    object: 'charge',
    amount: 1000,
    amount_captured: 1000,
    currency: 'usd',
    captured: true,
    status: 'succeeded',
    created: 1_700_000_000,
    billing_details: { name: 'Jenny Rosen', email: 'jenny@example.com', address: { line1: '1 Main St' } },
    payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242', fingerprint: 'fp_1' } },
    receipt_url: 'https://pay.stripe.com/receipts/xyz',
    balance_transaction: { id: 'txn_1', object: 'balance_transaction', fee: 59, net: 941, currency: 'usd', source: 'ch_full', fee_details: [{ type: 'stripe_fee' }] },
    transfer: 'tr_1',
    application_fee: null,
    transfer_data: { destination: 'acct_dest' },
  },
};

describe('GET /payment_intents/:id in stripe mode', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  before(async () => {
    fake = await startFakeStripeApi([
      (r) => (r.path === '/v1/payment_intents/pi_123' ? { body: stripeIntent } : undefined),
      (r) => (r.path === '/v1/payment_intents/pi_full' ? { body: fullIntent } : undefined),
      (r) =>
        r.path === '/v1/payment_intents/pi_gone'
          ? { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: "No such payment_intent: 'pi_gone'" } } }
          : undefined,
    ]);
  });
  after(() => fake.close());

  it('retrieves with latest_charge.balance_transaction expanded and drops the client_secret', async () => {
    const backend = fake.backend({}, [paymentIntentRoutes]);
    const response = await call(backend, '/payment_intents/pi_123');
    assert.equal(response.status, 200);
    const request = fake.requests.at(-1)!;
    assert.equal(request.method, 'GET');
    assert.equal(request.path, '/v1/payment_intents/pi_123');
    assert.deepEqual(request.query.getAll('expand[0]'), ['latest_charge.balance_transaction']);
    assert.equal(request.headers['stripe-account'], undefined);
    const body = (await response.json()) as Json;
    assert.equal(body.id, 'pi_123');
    assert.equal(body.latest_charge.id, 'ch_123');
    assert.equal('client_secret' in body, false);
    assert.equal('lastResponse' in body, false);
  });

  it('sends only the fields the widget reads; authorize still sees the whole object', async () => {
    const seen: Json[] = [];
    const backend = fake.backend({ authorize: (_request, object) => (seen.push(object), true) }, [paymentIntentRoutes]);
    const response = await call(backend, '/payment_intents/pi_full');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      id: 'pi_full',
      object: 'payment_intent',
      status: 'succeeded',
      amount: 1000,
      currency: 'usd',
      last_payment_error: { code: 'card_declined', message: 'Your card was declined.' },
      transfer_data: { destination: 'acct_dest' },
      latest_charge: {
        id: 'ch_full',
        object: 'charge',
        created: 1_700_000_000,
        amount: 1000,
        amount_captured: 1000,
        currency: 'usd',
        captured: true,
        status: 'succeeded',
        balance_transaction: { id: 'txn_1', object: 'balance_transaction', fee: 59, net: 941, currency: 'usd' },
        transfer: 'tr_1',
        application_fee: null,
        transfer_data: { destination: 'acct_dest' },
      },
    });
    assert.equal(seen.length, 1);
    assert.deepEqual(seen[0]!.metadata, { user_id: 'u_1' });
    assert.equal('client_secret' in seen[0]!, false);
  });

  it('acts for the connected account resolveStripeAccount names', async () => {
    const backend = fake.backend({ resolveStripeAccount: () => 'acct_connected' }, [paymentIntentRoutes]);
    assert.equal((await call(backend, '/payment_intents/pi_123')).status, 200);
    assert.equal(fake.requests.at(-1)!.headers['stripe-account'], 'acct_connected');
  });

  it("answers Stripe's 404 with the route's own, without Stripe's message (which repeats the id) or request id", async () => {
    const backend = fake.backend({}, [paymentIntentRoutes]);
    const response = await call(backend, '/payment_intents/pi_gone');
    assert.equal(response.status, 404);
    const body = (await response.json()) as Json;
    assert.deepEqual(body.error, { type: 'invalid_request_error', code: 'resource_missing', message: 'No such payment_intent' });
    assert.equal(response.headers.get('request-id'), null);
    assert.equal(fake.requests.at(-1)?.path, '/v1/payment_intents/pi_gone');
  });

  it('answers 404 for an id that is not a PaymentIntent id, without asking Stripe', async () => {
    const backend = fake.backend({}, [paymentIntentRoutes]);
    const before = fake.requests.length;
    for (const id of ['ch_123', 'pi_..%2F..%2Fcustomers', encodeURIComponent('<img src=x onerror=alert(1)>')]) {
      const response = await call(backend, `/payment_intents/${id}`);
      assert.equal(response.status, 404);
      assert.equal(((await response.json()) as Json).error.code, 'resource_missing');
    }
    assert.equal(fake.requests.length, before);
  });

  it('has no simulator controls', async () => {
    const backend = fake.backend({}, [paymentIntentRoutes]);
    const response = await call(backend, '/simulator/payment_intents/async_capture', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(response.status, 404);
  });
});

async function until(predicate: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function simulator() {
  const backend = createBackend({}, [paymentIntentRoutes]);
  const published: PublishedEvent[] = [];
  backend.hub.subscribe((event) => published.push(event));
  return { backend, published };
}

async function intent(backend: ReturnType<typeof createBackend>, id: string): Promise<Json> {
  const response = await call(backend, `/payment_intents/${id}`);
  assert.equal(response.status, 200);
  return (await response.json()) as Json;
}

describe('payment intents in simulator mode', () => {
  it('seeds every outcome the widget shows, without client secrets', async () => {
    const { backend } = simulator();
    const statuses: Record<string, string> = {};
    for (const id of Object.values(SEEDED_PAYMENTS)) {
      const body = await intent(backend, id);
      assert.equal('client_secret' in body, false, id);
      statuses[id] = body.status;
    }
    assert.deepEqual(new Set(Object.values(statuses)), new Set(['succeeded', 'processing', 'requires_capture', 'canceled', 'requires_payment_method']));
    const failed = await intent(backend, SEEDED_PAYMENTS.failed);
    assert.equal(failed.last_payment_error.code, 'card_declined');
    const pending = await intent(backend, SEEDED_PAYMENTS.pendingConnect);
    assert.equal(pending.latest_charge.balance_transaction, null);
    assert.equal(pending.latest_charge.transfer, null);
    assert.equal(pending.latest_charge.application_fee, null);
    assert.equal(pending.latest_charge.transfer_data.destination, 'acct_sim_destination');
    const settled = await intent(backend, SEEDED_PAYMENTS.settledJpy);
    const txn = settled.latest_charge.balance_transaction;
    assert.equal(txn.object, 'balance_transaction');
    assert.equal(txn.currency, 'jpy');
    assert.equal(txn.net, 5000 - txn.fee);
  });

  it('answers 404 in Stripe\'s shape for an unknown payment', async () => {
    const { backend } = simulator();
    const response = await call(backend, '/payment_intents/pi_missing');
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as Json).error.type, 'invalid_request_error');
  });

  it('settles a Connect payment part by part with the signed webhooks Stripe sends', async () => {
    const { backend, published } = simulator();
    const events = (await settlePayment(backend.simulator, SEEDED_PAYMENTS.pendingConnect))!;
    assert.deepEqual(
      events.map((e) => e.type),
      ['charge.updated', 'transfer.created', 'charge.updated', 'application_fee.created', 'charge.updated'],
    );
    const previous = events.filter((e) => e.type === 'charge.updated').map((e) => (e.data as Json).previous_attributes);
    assert.deepEqual(previous, [{ balance_transaction: null }, { transfer: null }, { application_fee: null }]);
    // Every event went through the verified webhook path: the hub only hears verified ones.
    assert.deepEqual(
      published.map((e) => `${e.type} ${e.object}`),
      ['charge.updated charge', 'transfer.created transfer', 'charge.updated charge', 'application_fee.created application_fee', 'charge.updated charge'],
    );
    const chargeId = published[0]!.id;
    assert.equal(published[1]!.id.startsWith('tr_'), true);
    assert.equal(published[3]!.id.startsWith('fee_'), true);
    const body = await intent(backend, SEEDED_PAYMENTS.pendingConnect);
    assert.equal(body.latest_charge.id, chargeId);
    assert.equal(body.latest_charge.balance_transaction.object, 'balance_transaction');
    assert.equal(body.latest_charge.transfer, published[1]!.id);
    assert.equal(body.latest_charge.application_fee, published[3]!.id);
    // Settling again finds nothing missing and sends nothing.
    assert.deepEqual(await settlePayment(backend.simulator, SEEDED_PAYMENTS.pendingConnect), []);
    assert.equal(published.length, 5);
  });

  it('starts a payment whose parts arrive after their delays (control route)', async () => {
    const { backend, published } = simulator();
    const started = await call(backend, '/simulator/payment_intents/async_capture', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ connect: true, delaysMs: [20, 500, 550] }),
    });
    assert.equal(started.status, 200);
    const { id } = (await started.json()) as { id: string };
    const fresh = await intent(backend, id);
    assert.equal(fresh.status, 'succeeded');
    assert.equal(fresh.latest_charge.captured, true);
    assert.equal(fresh.latest_charge.balance_transaction, null);
    // At capture: charge.succeeded and payment_intent.succeeded, the parts still null (seed 003).
    assert.deepEqual(published.map((e) => `${e.type} ${e.id}`), [`charge.succeeded ${fresh.latest_charge.id}`, `payment_intent.succeeded ${id}`]);
    await until(() => published.length > 2, 'the balance transaction');
    assert.deepEqual(published.slice(2).map((e) => e.type), ['charge.updated']);
    assert.equal((await intent(backend, id)).latest_charge.transfer, null);
    await until(() => published.length >= 7, 'the Connect parts');
    assert.deepEqual(published.slice(2).map((e) => e.type), ['charge.updated', 'transfer.created', 'charge.updated', 'application_fee.created', 'charge.updated']);
    const done = await intent(backend, id);
    assert.equal(typeof done.latest_charge.balance_transaction.fee, 'number');
    assert.match(done.latest_charge.transfer, /^tr_/);
  });

  it('sends the whole charge and PaymentIntent at capture, with balance_transaction, transfer and application_fee null', async () => {
    const objects: Record<string, Json> = {};
    const backend = createBackend({ onWebhookEvent: (event) => void (objects[event.type] = event.data.object as Json) }, [paymentIntentRoutes]);
    const started = await call(backend, '/simulator/payment_intents/async_capture', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ connect: true, delaysMs: [600_000] }),
    });
    const { id } = (await started.json()) as { id: string };
    const charge = objects['charge.succeeded']!;
    assert.equal(charge.payment_intent, id);
    assert.equal(charge.captured, true);
    assert.equal(charge.amount_captured, 10_000);
    assert.equal(charge.application_fee_amount, 1_000);
    assert.deepEqual([charge.balance_transaction, charge.transfer, charge.application_fee], [null, null, null]);
    const paymentIntent = objects['payment_intent.succeeded']!;
    assert.equal(paymentIntent.id, id);
    assert.equal(paymentIntent.status, 'succeeded');
    assert.equal(paymentIntent.capture_method, 'automatic_async');
    assert.equal(paymentIntent.latest_charge, charge.id);
  });

  it('a payment without Connect gets only its balance transaction; settle route delivers it now', async () => {
    const { backend, published } = simulator();
    const started = await call(backend, '/simulator/payment_intents/async_capture', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ currency: 'jpy', delaysMs: [600_000] }) });
    const { id } = (await started.json()) as { id: string };
    const response = await call(backend, `/simulator/payment_intents/${id}/settle`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { id, delivered: ['charge.updated'] });
    assert.deepEqual(published.map((e) => e.type), ['charge.succeeded', 'payment_intent.succeeded', 'charge.updated']);
    const body = await intent(backend, id);
    assert.equal(body.currency, 'jpy');
    assert.equal(body.latest_charge.balance_transaction.currency, 'jpy');
    assert.equal('transfer' in body.latest_charge, false);
    assert.equal((await call(backend, '/simulator/payment_intents/pi_nope/settle', { method: 'POST', headers: { 'Content-Type': 'application/json' } })).status, 404);
  });
});
