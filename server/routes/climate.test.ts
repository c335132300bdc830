import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import type { Backend } from '../app.js';
import { CLIMATE_ORDER_IDS } from '../simulator/climate.js';
import { call, startFakeStripeApi, type FakeRoute } from '../test-support/fake-stripe-api.js';
import { climateRoutes } from './climate.js';
import { climateControl as control, climateOrderOf as order, climateSimulator } from '../test-support/climate-simulator.js';

const stripeOrder = (status: string) => ({
  id: 'climorder_1',
  object: 'climate.order',
  status,
  metric_tons: '0.25',
  amount_fees: 1500,
  amount_subtotal: 13500,
  amount_total: 15000,
  currency: 'usd',
  expected_delivery_year: 2027,
  created: 1_700_000_000,
  product: { id: 'climsku_1', object: 'climate.product', name: 'Frontier portfolio' },
});

const fakeClimateApi: FakeRoute = (request) => {
  if (request.method === 'GET' && request.path === '/v1/climate/orders/climorder_1') return { body: stripeOrder('confirmed') };
  if (request.method === 'POST' && request.path === '/v1/climate/orders/climorder_1/cancel') {
    return { body: { ...stripeOrder('canceled'), canceled_at: 1_700_000_100, cancellation_reason: 'requested' } };
  }
  if (request.method === 'POST' && request.path === '/v1/climate/orders/climorder_drift/cancel') {
    // An order the widget's schema would refuse (Stripe changed a field's type).
    return { body: { ...stripeOrder('canceled'), id: 'climorder_drift', amount_total: '15000' } };
  }
  if (request.path === '/v1/climate/orders/climorder_late/cancel') {
    return { status: 400, body: { error: { type: 'invalid_request_error', code: 'order_not_cancelable', message: 'This order can no longer be canceled.' } } };
  }
  return undefined;
};

const cancel = (backend: Backend, id: string, key?: string) =>
  call(backend, `/climate/orders/${id}/cancel`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(key && { 'Idempotency-Key': key }) }, body: '{}' });

describe('climate routes, stripe mode', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  let backend: Backend;
  before(async () => {
    fake = await startFakeStripeApi([fakeClimateApi]);
    backend = fake.backend({}, [climateRoutes]);
  });
  after(() => fake.close());

  it('retrieves the order with its product expanded and returns only the order', async () => {
    fake.requests.length = 0;
    const response = await call(backend, '/climate/orders/climorder_1');
    assert.equal(response.status, 200);
    const [request] = fake.requests;
    assert.equal(request?.method, 'GET');
    assert.equal(request?.path, '/v1/climate/orders/climorder_1');
    assert.equal(request?.query.get('expand[0]'), 'product');
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(body, stripeOrder('confirmed'));
    assert.doesNotMatch(JSON.stringify(body), /sk_test_fake/);
  });

  it('cancels with the browser\'s Idempotency-Key, the same one on a retry', async () => {
    fake.requests.length = 0;
    const first = await cancel(backend, 'climorder_1', 'swk_key_1');
    const retry = await cancel(backend, 'climorder_1', 'swk_key_1');
    assert.equal(first.status, 200);
    assert.equal(retry.status, 200);
    assert.equal(((await first.json()) as { status: string }).status, 'canceled');
    assert.deepEqual(
      fake.requests.map((r) => [r.method, r.path, r.form.get('expand[0]')]),
      [
        ['POST', '/v1/climate/orders/climorder_1/cancel', 'product'],
        ['POST', '/v1/climate/orders/climorder_1/cancel', 'product'],
      ],
    );
    const [firstKey, retryKey] = fake.requests.map((r) => r.headers['idempotency-key']);
    assert.match(String(firstKey), /^climcancel:[0-9a-f]{32}:swk_key_1$/);
    assert.equal(retryKey, firstKey);
  });

  it("scopes the key per user: another customer's or account's same key is another Stripe key", async () => {
    const keyFor = async (options: Parameters<typeof fake.backend>[0]) => {
      fake.requests.length = 0;
      assert.equal((await cancel(fake.backend(options, [climateRoutes]), 'climorder_1', 'swk_shared')).status, 200);
      return fake.requests[0]?.headers['idempotency-key'];
    };
    const keys = [
      await keyFor({ resolveCustomer: () => 'cus_alice' }),
      await keyFor({ resolveCustomer: () => 'cus_bob' }),
      await keyFor({ resolveCustomer: () => 'cus_alice', resolveStripeAccount: () => 'acct_other' }),
    ];
    for (const key of keys) assert.match(String(key), /^climcancel:[0-9a-f]{32}:swk_shared$/);
    assert.equal(new Set(keys).size, 3);
    assert.equal(await keyFor({ resolveCustomer: () => 'cus_alice' }), keys[0]);
  });

  it('refuses a cancel without an Idempotency-Key and never calls Stripe', async () => {
    fake.requests.length = 0;
    const response = await cancel(backend, 'climorder_1');
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'idempotency_key_missing');
    assert.equal(fake.requests.length, 0);
  });

  it("passes Stripe's error body, status and request id through", async () => {
    const response = await cancel(backend, 'climorder_late', 'swk_key_2');
    assert.equal(response.status, 400);
    assert.match(response.headers.get('request-id') ?? '', /^req_fake_/);
    assert.deepEqual(await response.json(), {
      error: { type: 'invalid_request_error', code: 'order_not_cancelable', message: 'This order can no longer be canceled.' },
    });
    const missing = await call(backend, '/climate/orders/climorder_missing');
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'resource_missing');
  });

  it("answers 502, as the GET does, when Stripe's canceled order is one the widget could not render", async () => {
    const logged = mock.method(console, 'error', () => {});
    try {
      const response = await cancel(backend, 'climorder_drift', 'swk_key_drift');
      assert.equal(response.status, 502);
      assert.deepEqual(Object.keys(((await response.json()) as { error: Record<string, unknown> }).error), ['message']);
      assert.match(String(logged.mock.calls[0]?.arguments[0]), /amount_total: /);
    } finally {
      logged.mock.restore();
    }
  });

  it('answers an id that is not an id like an unknown one (404), before calling Stripe', async () => {
    fake.requests.length = 0;
    const response = await call(backend, `/climate/orders/${encodeURIComponent('../customers')}`);
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'resource_missing');
    assert.equal(fake.requests.length, 0);
  });

  it('has no simulator controls', async () => {
    const response = await call(backend, `/simulator/climate/orders/climorder_1/deliver`, { method: 'POST' });
    assert.equal(response.status, 404);
  });
});

const DAY = 24 * 3600;

describe('climate routes, simulator mode', () => {
  it('holds one order in each status, the delayed and the substituted one', async () => {
    const { backend } = climateSimulator();
    const list = (await (await call(backend, '/simulator/climate/orders')).json()) as { data: { status: string }[] };
    assert.deepEqual(new Set(list.data.map((o) => o.status)), new Set(['open', 'awaiting_funds', 'confirmed', 'delivered', 'canceled']));
    assert.equal(typeof (await order(backend, CLIMATE_ORDER_IDS.delayed)).delayed_at, 'number');
    assert.equal(typeof (await order(backend, CLIMATE_ORDER_IDS.substituted)).product_substituted_at, 'number');
    assert.equal((await call(backend, '/climate/orders/climorder_nope')).status, 404);
  });

  it('delivers an order and sends climate.order.delivered through the signed webhook path', async () => {
    const { backend, published } = climateSimulator();
    const response = await control(backend, `${CLIMATE_ORDER_IDS.confirmed}/deliver`);
    assert.equal(response.status, 200);
    const delivered = await order(backend, CLIMATE_ORDER_IDS.confirmed);
    assert.equal(delivered.status, 'delivered');
    assert.equal((delivered.delivery_details as unknown[]).length, 1);
    assert.match(String(delivered.certificate), /^https:\/\//);
    assert.deepEqual(published, [{ type: 'climate.order.delivered', id: CLIMATE_ORDER_IDS.confirmed, object: 'climate.order' }]);
  });

  it('delays an order to a new year and sends climate.order.delayed', async () => {
    const { backend, published } = climateSimulator(1_780_000_000);
    await control(backend, `${CLIMATE_ORDER_IDS.confirmed}/delay`, { expectedDeliveryYear: 2031 });
    const delayed = await order(backend, CLIMATE_ORDER_IDS.confirmed);
    assert.equal(delayed.expected_delivery_year, 2031);
    assert.equal(delayed.delayed_at, 1_780_000_000);
    assert.deepEqual(published.map((e) => e.type), ['climate.order.delayed']);
  });

  it('substitutes the product and sends climate.order.product_substituted', async () => {
    const { backend, published } = climateSimulator();
    await control(backend, `${CLIMATE_ORDER_IDS.confirmed}/substitute`);
    const substituted = await order(backend, CLIMATE_ORDER_IDS.confirmed);
    assert.equal(typeof substituted.product_substituted_at, 'number');
    assert.equal((substituted.product as { id: string }).id, 'climsku_frontier_substitute');
    assert.deepEqual(published.map((e) => e.type), ['climate.order.product_substituted']);
  });

  it('cancels for Frontier (product unavailable) and sends climate.order.canceled; a settled order refuses controls', async () => {
    const { backend, published } = climateSimulator();
    await control(backend, `${CLIMATE_ORDER_IDS.confirmed}/cancel`);
    const canceled = await order(backend, CLIMATE_ORDER_IDS.confirmed);
    assert.equal(canceled.status, 'canceled');
    assert.equal(canceled.cancellation_reason, 'product_unavailable');
    assert.deepEqual(published.map((e) => e.type), ['climate.order.canceled']);
    assert.equal((await control(backend, `${CLIMATE_ORDER_IDS.confirmed}/deliver`)).status, 400);
    assert.equal((await control(backend, `${CLIMATE_ORDER_IDS.delivered}/delay`)).status, 400);
    assert.equal((await control(backend, 'climorder_nope/deliver')).status, 404);
    assert.equal(published.length, 1);
  });

  it("lets the buyer cancel once per Idempotency-Key: a replay answers the same and sends no second webhook", async () => {
    const { backend, published } = climateSimulator();
    const first = await cancel(backend, CLIMATE_ORDER_IDS.open, 'swk_a');
    const replay = await cancel(backend, CLIMATE_ORDER_IDS.open, 'swk_a');
    assert.equal(first.status, 200);
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    const body = (await first.json()) as Record<string, unknown>;
    assert.deepEqual(await replay.json(), body);
    assert.equal(body.cancellation_reason, 'requested');
    assert.deepEqual(published.map((e) => e.type), ['climate.order.canceled']);
    // The key is scoped per order: the same browser key on another order is that order's own cancel.
    assert.equal((await cancel(backend, CLIMATE_ORDER_IDS.awaitingFunds, 'swk_a')).status, 200);
    assert.deepEqual(published.map((e) => e.type), ['climate.order.canceled', 'climate.order.canceled']);
    assert.equal((await cancel(backend, CLIMATE_ORDER_IDS.awaitingFunds)).status, 400);
  });

  it('allows a buyer cancel within 24 hours of creation, in any cancelable status, and not after', async () => {
    const start = 1_780_000_000;
    const { backend, setNow } = climateSimulator(start);
    // Seeded: open (created now), awaiting_funds (12 hours old), confirmed (20 days old, no notice).
    assert.equal((await cancel(backend, CLIMATE_ORDER_IDS.confirmed, 'swk_old')).status, 400);
    setNow(start + 23 * 3600);
    assert.equal((await cancel(backend, CLIMATE_ORDER_IDS.open, 'swk_fresh')).status, 200);
    setNow(start + 13 * 3600);
    const late = await cancel(backend, CLIMATE_ORDER_IDS.awaitingFunds, 'swk_day_old');
    assert.equal(late.status, 400);
    assert.equal(((await late.json()) as { error: { code: string } }).error.code, 'order_not_cancelable');
  });

  it('allows a buyer cancel on day 29 after a delay notice, not on day 31', async () => {
    const { backend, setNow } = climateSimulator(1_780_000_000);
    await control(backend, `${CLIMATE_ORDER_IDS.confirmed}/delay`, { expectedDeliveryYear: 2031 });
    setNow(1_780_000_000 + 31 * DAY);
    const late = await cancel(backend, CLIMATE_ORDER_IDS.confirmed, 'swk_late');
    assert.equal(late.status, 400);
    assert.equal(((await late.json()) as { error: { code: string } }).error.code, 'order_not_cancelable');
    setNow(1_780_000_000 + 29 * DAY);
    const inTime = await cancel(backend, CLIMATE_ORDER_IDS.confirmed, 'swk_in_time');
    assert.equal(inTime.status, 200);
    assert.equal(((await inTime.json()) as { status: string }).status, 'canceled');
  });

  it('refuses a buyer cancel of a confirmed order without a delay or substitution', async () => {
    const { backend, published } = climateSimulator();
    const response = await cancel(backend, CLIMATE_ORDER_IDS.confirmed, 'swk_b');
    assert.equal(response.status, 400);
    assert.equal((await order(backend, CLIMATE_ORDER_IDS.confirmed)).status, 'confirmed');
    assert.equal(published.length, 0);
  });
});
