import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBackend, type Backend } from '../app.js';
import type { PublishedEvent } from '../event-hub.js';
import { CLIMATE_PRODUCT_IDS } from '../simulator/climate-products.js';
import { call, startFakeStripeApi, type FakeRoute } from '../test-support/fake-stripe-api.js';
import { climateRoutes } from './climate.js';
import { climateOrderingRoutes } from './climate-ordering.js';

const product = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  object: 'climate.product',
  created: 1_700_000_000,
  current_prices_per_metric_ton: { usd: { amount_fees: 1650, amount_subtotal: 55000, amount_total: 56650 } },
  delivery_year: 2027,
  livemode: false,
  metric_tons_available: '1000000',
  name: 'Offtake portfolio',
  suppliers: [
    {
      id: 'climsup_1',
      object: 'climate.supplier',
      info_url: 'https://example.com/supplier',
      livemode: false,
      locations: [{ city: 'Fresno', country: 'US', latitude: null, longitude: null, region: 'CA' }],
      name: 'A supplier',
      removal_pathway: 'direct_air_capture',
    },
  ],
  ...fields,
});

const createdOrder = (form: URLSearchParams) => ({
  id: 'climorder_new',
  object: 'climate.order',
  status: 'confirmed',
  amount_fees: 825,
  amount_subtotal: 27500,
  amount_total: 28325,
  currency: form.get('currency'),
  metric_tons: form.get('metric_tons') ?? '0.176',
  beneficiary: form.get('beneficiary[public_name]') ? { public_name: form.get('beneficiary[public_name]') } : null,
  created: 1_700_000_100,
  confirmed_at: 1_700_000_100,
  expected_delivery_year: 2027,
  metadata: {},
  product: product('climsku_1'),
});

const fakeClimateApi: FakeRoute = (request) => {
  if (request.method === 'GET' && request.path === '/v1/climate/products') {
    return { body: { object: 'list', data: [product('climsku_1'), product('climsku_2', { name: 'Second', metric_tons_available: '0' })], has_more: false, url: '/v1/climate/products' } };
  }
  if (request.method === 'GET' && request.path === '/v1/climate/products/climsku_1') return { body: product('climsku_1') };
  if (request.method === 'GET' && request.path === '/v1/climate/products/climsku_2') return { body: product('climsku_2') };
  if (request.method === 'POST' && request.path === '/v1/climate/orders') {
    if (request.form.get('currency') === 'eur') {
      return { status: 400, body: { error: { type: 'invalid_request_error', message: 'Invalid currency: eur', param: 'currency' } } };
    }
    return { body: createdOrder(request.form) };
  }
  return undefined;
};

const post = (backend: Backend, body: unknown, key: string | null = 'swk_order_1', path = '/climate/orders') =>
  call(backend, path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(key && { 'Idempotency-Key': key }) }, body: JSON.stringify(body) });

describe('climate products and order creation, stripe mode', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  before(async () => {
    fake = await startFakeStripeApi([fakeClimateApi]);
  });
  after(() => fake.close());

  it('lists the products through Stripe, keeping only those authorize lets this user buy', async () => {
    fake.requests.length = 0;
    const asked: string[] = [];
    const backend = fake.backend({ authorize: (_request, object) => (asked.push(`${object.object} ${object.id}`), object.id === 'climsku_1') }, [climateOrderingRoutes]);
    const response = await call(backend, '/climate/products');
    assert.equal(response.status, 200);
    const body = (await response.json()) as { object: string; data: { id: string }[] };
    assert.equal(body.object, 'list');
    assert.deepEqual(body.data, [product('climsku_1')]);
    assert.deepEqual(asked, ['climate.product climsku_1', 'climate.product climsku_2']);
    assert.equal(fake.requests.length, 1);
    assert.equal(fake.requests[0]!.path, '/v1/climate/products');
    assert.equal(fake.requests[0]!.query.get('limit'), '100');
  });

  it('creates an order by tons: retrieves and authorizes the product first, then creates with the site metadata and a per-caller key', async () => {
    fake.requests.length = 0;
    const backend = fake.backend(
      { authorize: (_request, object) => object.object === 'climate.product', climateOrderMetadata: () => ({ user_id: 'user_7' }), resolveCustomer: () => 'cus_7' },
      [climateOrderingRoutes],
    );
    const response = await post(backend, { product: 'climsku_1', metric_tons: '0.5', currency: 'usd', beneficiary: { public_name: ' Example Coffee ' } });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), createdOrder(new URLSearchParams('currency=usd&metric_tons=0.5&beneficiary[public_name]=Example Coffee')));
    assert.deepEqual(fake.requests.map((r) => `${r.method} ${r.path}`), ['GET /v1/climate/products/climsku_1', 'POST /v1/climate/orders']);
    const form = fake.requests[1]!.form;
    assert.deepEqual(Object.fromEntries(form), {
      product: 'climsku_1',
      metric_tons: '0.5',
      currency: 'usd',
      'beneficiary[public_name]': 'Example Coffee',
      'metadata[user_id]': 'user_7',
      'expand[0]': 'product',
    });
    const key = fake.requests[1]!.headers['idempotency-key'];
    assert.match(String(key), /^climorder:[0-9a-f]{32}:swk_order_1$/);

    // The same browser key from another user reaches Stripe as another key.
    fake.requests.length = 0;
    const other = fake.backend({ authorize: () => true, climateOrderMetadata: () => ({ user_id: 'user_8' }), resolveCustomer: () => 'cus_8' }, [climateOrderingRoutes]);
    assert.equal((await post(other, { product: 'climsku_1', metric_tons: '0.5', currency: 'usd' })).status, 200);
    assert.notEqual(fake.requests[1]!.headers['idempotency-key'], key);
  });

  it('creates an order by amount (smallest unit) without metric_tons', async () => {
    fake.requests.length = 0;
    const backend = fake.backend({}, [climateOrderingRoutes]);
    const response = await post(backend, { product: 'climsku_1', amount: 10000, currency: 'usd' });
    assert.equal(response.status, 200);
    assert.deepEqual(Object.fromEntries(fake.requests[1]!.form), { product: 'climsku_1', amount: '10000', currency: 'usd', 'expand[0]': 'product' });
  });

  it('never creates an order for a product authorize denies: 404, as for an unknown product', async () => {
    fake.requests.length = 0;
    const backend = fake.backend({ authorize: (_request, object) => object.id !== 'climsku_2' }, [climateOrderingRoutes]);
    const denied = await post(backend, { product: 'climsku_2', metric_tons: '1', currency: 'usd' });
    assert.equal(denied.status, 404);
    const unknown = await post(backend, { product: 'climsku_missing', metric_tons: '1', currency: 'usd' });
    assert.equal(unknown.status, 404);
    assert.deepEqual(await denied.json(), await unknown.json());
    assert.deepEqual(fake.requests.map((r) => `${r.method} ${r.path}`), ['GET /v1/climate/products/climsku_2', 'GET /v1/climate/products/climsku_missing']);
  });

  it("passes Stripe's own refusal through in Stripe's shape", async () => {
    const backend = fake.backend({}, [climateOrderingRoutes]);
    const response = await post(backend, { product: 'climsku_1', metric_tons: '1', currency: 'eur' });
    assert.equal(response.status, 400);
    assert.deepEqual(((await response.json()) as { error: unknown }).error, { type: 'invalid_request_error', message: 'Invalid currency: eur' });
  });

  it('refuses malformed requests before calling Stripe, without echoing them', async () => {
    fake.requests.length = 0;
    const backend = fake.backend({}, [climateOrderingRoutes]);
    const cases: [unknown, string][] = [
      [{ product: 'climsku_1', currency: 'usd' }, 'parameter_invalid'],
      [{ product: 'climsku_1', metric_tons: '1', amount: 100, currency: 'usd' }, 'parameter_invalid'],
      [{ product: 'climsku_1', metric_tons: '1e5', currency: 'usd' }, 'parameter_invalid'],
      [{ product: 'climsku_1', metric_tons: '0', currency: 'usd' }, 'parameter_invalid'],
      [{ product: 'climsku_1', metric_tons: 1, currency: 'usd' }, 'parameter_invalid'],
      [{ product: 'climsku_1', amount: 10.5, currency: 'usd' }, 'parameter_invalid'],
      [{ product: 'climsku_1', amount: 100, currency: 'USD' }, 'parameter_invalid'],
      [{ product: '../customers', amount: 100, currency: 'usd' }, 'parameter_missing'],
      [{ product: 'climsku_1', amount: 100, currency: 'usd', beneficiary: { public_name: '  ' } }, 'parameter_invalid'],
      [{ product: 'climsku_1', amount: 100, currency: 'usd', beneficiary: { public_name: 'x'.repeat(5001) } }, 'parameter_invalid'],
      [{ product: 'climsku_1', amount: 100, currency: 'usd', metadata: { user_id: 'someone_else' } }, 'parameter_unknown'],
      [['climsku_1'], 'parameter_missing'],
    ];
    for (const [body, code] of cases) {
      const response = await post(backend, body);
      assert.equal(response.status, 400, JSON.stringify(body));
      const text = await response.text();
      assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, code, JSON.stringify(body));
      assert.doesNotMatch(text, /someone_else|\.\.\/customers/);
    }
    const noKey = await post(backend, { product: 'climsku_1', amount: 100, currency: 'usd' }, null);
    assert.equal(noKey.status, 400);
    assert.equal(((await noKey.json()) as { error: { code: string } }).error.code, 'idempotency_key_missing');
    assert.equal(fake.requests.length, 0);
  });

  it("the fake refuses what Stripe refuses: both amount and metric_tons, or an unknown parameter", async () => {
    const form = (body: string) => fetch(`http://127.0.0.1:${fake.port}/v1/climate/orders`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    const both = await form('product=climsku_1&amount=100&metric_tons=1');
    assert.equal(both.status, 400);
    assert.equal(((await both.json()) as { error: { param: string } }).error.param, 'metric_tons');
    const unknown = await form('product=climsku_1&amount=100&tons=1');
    assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'parameter_unknown');
    const refresh = await fetch(`http://127.0.0.1:${fake.port}/v1/financial_connections/accounts/fca_1/refresh`, { method: 'POST', body: 'features[0]=balances' });
    assert.equal(((await refresh.json()) as { error: { param: string } }).error.param, 'features[0]');
  });
});

describe('climate products and order creation, simulator mode', () => {
  function simulator() {
    const backend = createBackend({ now: () => 1_780_000_000 }, [climateRoutes, climateOrderingRoutes]);
    const published: PublishedEvent[] = [];
    backend.hub.subscribe((event) => published.push(event));
    return { backend, published };
  }

  it('seeds three products, one of them sold out', async () => {
    const { backend } = simulator();
    const body = (await (await call(backend, '/climate/products')).json()) as { data: { id: string; metric_tons_available: string }[] };
    assert.deepEqual(body.data.map((p) => [p.id, p.metric_tons_available]), [
      [CLIMATE_PRODUCT_IDS.portfolio, '1000000'],
      [CLIMATE_PRODUCT_IDS.directAirCapture, '250.5'],
      [CLIMATE_PRODUCT_IDS.soldOut, '0'],
    ]);
  });

  it("places a confirmed order at the current price (Stripe's rounding), sends climate.order.created, and the status route shows it", async () => {
    const { backend, published } = simulator();
    const response = await post(backend, { product: CLIMATE_PRODUCT_IDS.portfolio, metric_tons: '0.01', currency: 'usd', beneficiary: { public_name: 'Example Coffee' } });
    assert.equal(response.status, 200);
    const order = (await response.json()) as Record<string, unknown>;
    assert.equal(order.status, 'confirmed');
    assert.deepEqual([order.amount_subtotal, order.amount_fees, order.amount_total, order.metric_tons, order.currency], [550, 17, 567, '0.01', 'usd']);
    assert.deepEqual(order.beneficiary, { public_name: 'Example Coffee' });
    assert.equal((order.product as { id: string }).id, CLIMATE_PRODUCT_IDS.portfolio);
    assert.deepEqual(published, [{ type: 'climate.order.created', id: order.id, object: 'climate.order' }]);
    const shown = await call(backend, `/climate/orders/${String(order.id)}`);
    assert.equal(shown.status, 200);
    assert.equal(((await shown.json()) as { id: string }).id, order.id);
  });

  it('an amount buys what it covers: 100.00 USD at 566.50 a ton', async () => {
    const { backend } = simulator();
    const order = (await (await post(backend, { product: CLIMATE_PRODUCT_IDS.portfolio, amount: 10000, currency: 'usd' })).json()) as Record<string, unknown>;
    assert.deepEqual([order.amount_total, order.amount_subtotal, order.amount_fees, order.metric_tons], [10000, 9709, 291, '0.176']);
  });

  it('replays the first answer for the same key, and refuses the key with other parameters', async () => {
    const { backend, published } = simulator();
    const body = { product: CLIMATE_PRODUCT_IDS.portfolio, metric_tons: '1', currency: 'usd' };
    const first = await post(backend, body, 'swk_same');
    const again = await post(backend, body, 'swk_same');
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), await first.json());
    assert.equal(published.length, 1, 'one order, one event');
    const changed = await post(backend, { ...body, metric_tons: '2' }, 'swk_same');
    assert.equal(changed.status, 400);
    assert.equal(((await changed.json()) as { error: { type: string } }).error.type, 'idempotency_error');
  });

  it('refuses a sold-out product, more tons than are left, and a currency the product has no price in', async () => {
    const { backend, published } = simulator();
    for (const body of [
      { product: CLIMATE_PRODUCT_IDS.soldOut, metric_tons: '1', currency: 'usd' },
      { product: CLIMATE_PRODUCT_IDS.directAirCapture, metric_tons: '251', currency: 'usd' },
      { product: CLIMATE_PRODUCT_IDS.directAirCapture, metric_tons: '1', currency: 'jpy' },
    ]) {
      const response = await post(backend, body, `swk_${body.product}_${body.metric_tons}_${body.currency}`);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(((await response.json()) as { error: { type: string } }).error.type, 'invalid_request_error');
    }
    assert.deepEqual(published, []);
  });

  it('the price control raises every currency by the percent given and sends climate.product.pricing_updated', async () => {
    const { backend, published } = simulator();
    const changed = await post(backend, { percent: 20 }, null, `/simulator/climate/products/${CLIMATE_PRODUCT_IDS.directAirCapture}/price`);
    assert.equal(changed.status, 200);
    const product = (await changed.json()) as { current_prices_per_metric_ton: Record<string, unknown> };
    assert.deepEqual(product.current_prices_per_metric_ton, {
      usd: { amount_fees: 2160, amount_subtotal: 72000, amount_total: 74160 },
      eur: { amount_fees: 2016, amount_subtotal: 67200, amount_total: 69216 },
    });
    assert.deepEqual(published, [{ type: 'climate.product.pricing_updated', id: CLIMATE_PRODUCT_IDS.directAirCapture, object: 'climate.product' }]);
    const added = await post(backend, {}, null, '/simulator/climate/products');
    const created = (await added.json()) as { id: string };
    assert.deepEqual(published.at(-1), { type: 'climate.product.created', id: created.id, object: 'climate.product' });
  });
});
