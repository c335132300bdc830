import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { BackendOptions } from '../context.js';
import { Router } from '../router.js';
import { widgetRoutes } from '../routes/index.js';
import { call, jsonPost, startFakeStripeApi } from '../test-support/fake-stripe-api.js';

/** The site's session: a `session=<user>` cookie. */
const userOf = (request: Request) => /(?:^|;\s*)session=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1];
const signedIn = { headers: { cookie: 'session=alice' } };
/** A POST with the body its route reads, so that a signed-in one gets as far as Stripe. */
const post = (body: Record<string, unknown>) => jsonPost(body, 'swk_anon');

/** Every object route a widget calls, with a well-formed id (the first test checks none is missing). */
const ROUTES: [path: string, init?: RequestInit][] = [
  ['/climate/orders/climorder_1'],
  ['/climate/orders/climorder_1/cancel', post({})],
  ['/climate/products'],
  ['/climate/orders', post({ product: 'climsku_1', metric_tons: '1', currency: 'usd' })],
  ['/capital/financing_offers/financingoffer_1'],
  ['/capital/financing_offers'],
  ['/capital/financing_offers/financingoffer_1/mark_delivered', post({})],
  ['/shared_payment/granted_tokens/spt_1'],
  ['/shared_payment/granted_tokens/spt_1/payment_intents', post({ amount: 5000, currency: 'usd' })],
  ['/payment_intents/pi_1'],
  ['/financial_connections/sessions', post({ permissions: ['balances'] })],
  ['/financial_connections/accounts/fca_1'],
  ['/financial_connections/accounts/fca_1/owners'],
  ['/financial_connections/accounts/fca_1/refresh', post({ features: ['balance'] })],
];
/** The routes that answer without a signed-in user by design. */
const PUBLIC = ['GET /events', 'GET /mode', 'POST /webhooks'];

/** `METHOD /pattern` of every route a stripe-mode backend registers, read off its router as it is built. */
function registeredRoutes(build: () => unknown): string[] {
  const seen: string[] = [];
  const add = Router.prototype.add;
  Router.prototype.add = function (this: Router, method, pattern, handler) {
    seen.push(`${method} ${pattern}`);
    return add.call(this, method, pattern, handler);
  };
  try {
    build();
  } finally {
    Router.prototype.add = add;
  }
  return seen;
}

const covers = (route: string, [path, init]: (typeof ROUTES)[number]) => {
  const [method, pattern] = route.split(' ') as [string, string];
  const shape = new RegExp(`^${pattern.replace(/:\w+/g, '[^/]+')}$`);
  return (init?.method ?? 'GET') === method && shape.test(path);
};

// Today every route fetches from Stripe before `authorize` runs: 400 anonymous GETs of well-formed ids
// made 400 calls to Stripe with the secret key.
describe('attack: anonymous requests for well-formed ids, stripe mode', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  before(async () => {
    fake = await startFakeStripeApi([]);
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
  });
  const backend = (options: BackendOptions = {}) =>
    fake.backend({ userOf, authorize: () => true, resolveStripeAccount: () => 'acct_1', resolveCustomer: () => 'cus_1', ...options }, widgetRoutes);

  it('the list above holds every route the backend registers but the public ones', () => {
    const routes = registeredRoutes(() => backend());
    assert.ok(routes.includes('GET /climate/orders/:id'), 'the router was read');
    const untested = routes.filter((route) => !PUBLIC.includes(route) && !ROUTES.some((entry) => covers(route, entry)));
    assert.deepEqual(untested, []);
  });

  it('400 of them: each a 401, and not one call reaches Stripe', async () => {
    const site = backend();
    const statuses = new Set<number>();
    for (let i = 0; i < 400; i++) {
      const [path, init] = ROUTES[i % ROUTES.length]!;
      const response = await call(site, path, init);
      statuses.add(response.status);
      assert.deepEqual(await response.json(), { error: { message: 'Sign-in required' } });
    }
    assert.deepEqual([...statuses], [401]);
    assert.equal(fake.requests.length, 0, 'Stripe calls made for anonymous requests');
    assert.equal((await call(site, '/mode')).status, 200, 'the backend still serves');
  });

  it('a signed-in user still reaches Stripe on every route', async () => {
    const site = backend();
    for (const [path, init] of ROUTES) {
      const before = fake.requests.length;
      const withCookie = { ...init, headers: { ...(init?.headers as Record<string, string>), ...signedIn.headers } };
      const response = await call(site, path, withCookie);
      assert.notEqual(response.status, 401, path);
      assert.ok(fake.requests.length > before, `${path} reached Stripe`);
    }
  });

  it('eventStream.userOf alone keeps its old meaning: it caps streams and does not gate object routes', async () => {
    const site = fake.backend({ eventStream: { userOf }, allowNoAuthorize: true }, widgetRoutes);
    const response = await call(site, '/climate/orders/climorder_1');
    assert.equal(response.status, 404);
    assert.equal(fake.requests.length, 1);
  });
});
