import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { widgetRoutes } from '../routes/index.js';
import { climateProduct, financialConnectionsAccount, sharedPaymentGrantedToken } from '../../src/testing/builders/index.js';
import { call, jsonPost, startFakeStripeApi } from '../test-support/fake-stripe-api.js';

/** Objects that exist in the account, all of which the site's rule denies to this user. */
const EXISTING: Record<string, Record<string, unknown>> = {
  '/v1/climate/orders/climorder_denied': { id: 'climorder_denied', object: 'climate.order', status: 'open' },
  '/v1/capital/financing_offers/financingoffer_denied': { id: 'financingoffer_denied', object: 'capital.financing_offer', account: 'acct_1', status: 'delivered' },
  '/v1/shared_payment/granted_tokens/spt_denied': sharedPaymentGrantedToken({ id: 'spt_denied' }),
  '/v1/payment_intents/pi_denied': { id: 'pi_denied', object: 'payment_intent', status: 'succeeded' },
  '/v1/financial_connections/accounts/fca_denied': financialConnectionsAccount({ id: 'fca_denied', account_holder: { type: 'customer', customer: 'cus_1' } }),
  '/v1/climate/products/climsku_denied': climateProduct({ id: 'climsku_denied' }),
};

const postJson = (body: Record<string, unknown>) => jsonPost(body, 'swk_probe');

const PROBES: [name: string, path: (id: string) => string, denied: string, unknown: string, init?: RequestInit | ((id: string) => RequestInit)][] = [
  ['climate order', (id) => `/climate/orders/${id}`, 'climorder_denied', 'climorder_unknown'],
  ['climate cancel', (id) => `/climate/orders/${id}/cancel`, 'climorder_denied', 'climorder_unknown', postJson({})],
  ['financing offer', (id) => `/capital/financing_offers/${id}`, 'financingoffer_denied', 'financingoffer_unknown'],
  ['financing offer delivered', (id) => `/capital/financing_offers/${id}/mark_delivered`, 'financingoffer_denied', 'financingoffer_unknown', postJson({})],
  ['granted token', (id) => `/shared_payment/granted_tokens/${id}`, 'spt_denied', 'spt_unknown'],
  ['granted token charge', (id) => `/shared_payment/granted_tokens/${id}/payment_intents`, 'spt_denied', 'spt_unknown', postJson({ amount: 100, currency: 'usd' })],
  ['PaymentIntent', (id) => `/payment_intents/${id}`, 'pi_denied', 'pi_unknown'],
  ['Financial Connections account', (id) => `/financial_connections/accounts/${id}`, 'fca_denied', 'fca_unknown'],
  ['account owners', (id) => `/financial_connections/accounts/${id}/owners`, 'fca_denied', 'fca_unknown'],
  ['balance refresh', (id) => `/financial_connections/accounts/${id}/refresh`, 'fca_denied', 'fca_unknown', postJson({ features: ['balance'] })],
  ['climate order for a product', () => '/climate/orders', 'climsku_denied', 'climsku_unknown', (id) => postJson({ product: id, metric_tons: '1', currency: 'usd' })],
];

/** Everything the browser can read of an answer. */
async function observable(response: Response) {
  return { status: response.status, headers: [...response.headers], body: await response.text() };
}

// Today a denied id gets the route's generic 404, but an unknown one gets Stripe's own message, which
// repeats the id, plus Stripe's Request-Id: the difference tells a prober which ids exist.
describe('attack: telling an existing (denied) id from an unknown one', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  before(async () => {
    fake = await startFakeStripeApi([(r) => (r.method === 'GET' && EXISTING[r.path] ? { body: EXISTING[r.path] } : undefined)]);
  });
  after(() => fake.close());

  for (const [name, path, denied, unknown, init] of PROBES) {
    it(`${name}: byte-identical 404s, without Stripe's message or request id`, async () => {
      const site = fake.backend({ authorize: () => false, resolveStripeAccount: () => 'acct_1', resolveCustomer: () => 'cus_1' }, widgetRoutes);
      const calls = fake.requests.length;
      const initOf = (id: string) => (typeof init === 'function' ? init(id) : init);
      const ofDenied = await observable(await call(site, path(denied), initOf(denied)));
      const ofUnknown = await observable(await call(site, path(unknown), initOf(unknown)));
      assert.equal(fake.requests.length, calls + 2, 'both ids were looked up at Stripe');
      assert.equal(ofUnknown.status, 404);
      assert.deepEqual(ofUnknown, ofDenied);
      assert.doesNotMatch(ofUnknown.body, /_unknown|_denied|No such [^"]*:/);
      assert.equal(ofUnknown.headers.some(([header]) => /request-id/i.test(header)), false);
      assert.equal((await call(site, '/mode')).status, 200);
    });
  }
});
