import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBackend, type Backend } from '../app.js';
import type { PublishedEvent } from '../event-hub.js';
import { completeSimulatedSession, createSimulatedSession } from '../simulator/financial-connections.js';
import { REFRESH_COOLDOWN_SECONDS, SIMULATED_REFRESH_MS } from '../simulator/financial-connections-accounts.js';
import { call, startFakeStripeApi, type FakeRoute } from '../test-support/fake-stripe-api.js';
import { financialConnectionsAccountRoutes } from './financial-connections-accounts.js';

const routes = [financialConnectionsAccountRoutes];

/** A retrieved account as Stripe answers it, with everything the browser must not get. */
const stripeAccount = (fields: Record<string, unknown> = {}) => ({
  id: 'fca_1',
  object: 'financial_connections.account',
  account_holder: { type: 'customer', customer: 'cus_1' },
  balance: { as_of: 1_700_000_000, cash: { available: { usd: 120_000 } }, current: { usd: 123_456 }, type: 'cash' },
  balance_refresh: { last_attempted_at: 1_700_000_000, next_refresh_available_at: 1_700_003_600, status: 'succeeded' },
  category: 'cash',
  created: 1_690_000_000,
  display_name: 'Premium Checking',
  institution_name: 'StripeBank',
  last4: '6789',
  livemode: false,
  ownership: 'fcaowns_1',
  ownership_refresh: { last_attempted_at: 1_700_000_000, next_refresh_available_at: null, status: 'succeeded' },
  permissions: ['balances', 'ownership'],
  status: 'active',
  subcategory: 'checking',
  subscriptions: [],
  supported_payment_method_types: ['us_bank_account'],
  transaction_refresh: null,
  ...fields,
});

const browserAccount = (fields: Record<string, unknown> = {}) => ({
  id: 'fca_1',
  object: 'financial_connections.account',
  institution_name: 'StripeBank',
  display_name: 'Premium Checking',
  category: 'cash',
  subcategory: 'checking',
  last4: '6789',
  status: 'active',
  permissions: ['balances', 'ownership'],
  balance: { as_of: 1_700_000_000, current: { usd: 123_456 }, type: 'cash' },
  balance_refresh: { status: 'succeeded', last_attempted_at: 1_700_000_000, next_refresh_available_at: 1_700_003_600 },
  ownership: 'fcaowns_1',
  ownership_refresh: { status: 'succeeded', last_attempted_at: 1_700_000_000, next_refresh_available_at: null },
  ...fields,
});

const owner = (name: string, email: string) => ({
  id: `fcaown_${name.split(' ')[0]}`,
  object: 'financial_connections.account_owner',
  email,
  name,
  ownership: 'fcaowns_1',
  phone: '+1 555-555-0199',
  raw_address: '1 Secret Lane, Springfield',
  refreshed_at: 1_700_000_000,
});

const fakeAccountsApi: FakeRoute = (request) => {
  if (request.method === 'GET' && request.path === '/v1/financial_connections/accounts/fca_1') return { body: stripeAccount() };
  if (request.method === 'GET' && request.path === '/v1/financial_connections/accounts/fca_other') {
    return { body: stripeAccount({ id: 'fca_other', account_holder: { type: 'customer', customer: 'cus_2' } }) };
  }
  if (request.method === 'GET' && request.path === '/v1/financial_connections/accounts/fca_unowned') return { body: stripeAccount({ id: 'fca_unowned', ownership: null }) };
  if (request.method === 'GET' && request.path === '/v1/financial_connections/accounts/fca_1/owners' && request.query.get('ownership') === 'fcaowns_1') {
    return { body: { object: 'list', data: [owner('Jenny Rosen', 'jenny@example.com'), owner('Kenji Sato', 'kenji@example.com')], has_more: false, url: '/v1/financial_connections/accounts/fca_1/owners' } };
  }
  if (request.method === 'POST' && request.path === '/v1/financial_connections/accounts/fca_1/refresh') {
    return { body: stripeAccount({ balance_refresh: { last_attempted_at: 1_700_005_000, next_refresh_available_at: null, status: 'pending' } }) };
  }
  return undefined;
};

const refresh = (backend: Backend, id: string, body: unknown, key: string | null = 'swk_refresh_1') =>
  call(backend, `/financial_connections/accounts/${id}/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key && { 'Idempotency-Key': key }) },
    body: JSON.stringify(body),
  });

describe('financial connections account routes, stripe mode', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  before(async () => {
    fake = await startFakeStripeApi([fakeAccountsApi]);
  });
  after(() => fake.close());

  it("retrieves the account and answers only the fields the widget reads, after checking the holder and authorize", async () => {
    fake.requests.length = 0;
    const asked: unknown[] = [];
    const backend = fake.backend({ resolveCustomer: () => 'cus_1', resolveStripeAccount: () => 'acct_9', authorize: (_request, object) => (asked.push(object.id), true) }, routes);
    const response = await call(backend, '/financial_connections/accounts/fca_1');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), browserAccount());
    assert.deepEqual(asked, ['fca_1']);
    assert.equal(fake.requests[0]!.path, '/v1/financial_connections/accounts/fca_1');
    assert.equal(fake.requests[0]!.headers['stripe-account'], 'acct_9');
  });

  it("someone else's account, a denied one and an unknown one all answer the same 404", async () => {
    const asked: string[] = [];
    const backend = fake.backend({ resolveCustomer: () => 'cus_1', authorize: (_request, object) => (asked.push(object.id), object.id !== 'fca_1') }, routes);
    const bodies = [];
    for (const id of ['fca_other', 'fca_1', 'fca_missing', 'fca_1%2Fowners']) {
      const response = await call(backend, `/financial_connections/accounts/${id}`);
      assert.equal(response.status, 404, id);
      bodies.push(await response.text());
    }
    assert.equal(new Set(bodies).size, 1);
    assert.deepEqual(asked, ['fca_1'], 'authorize is never asked about an account of another customer');
  });

  it('refuses to run without resolveCustomer, and without a customer for the request, before calling Stripe', async () => {
    fake.requests.length = 0;
    const unset = await call(fake.backend({}, routes), '/financial_connections/accounts/fca_1');
    assert.equal(unset.status, 500);
    assert.match(((await unset.json()) as { error: { message: string } }).error.message, /resolveCustomer/);
    const noCustomer = await call(fake.backend({ resolveCustomer: () => '' }, routes), '/financial_connections/accounts/fca_1');
    assert.equal(noCustomer.status, 404);
    assert.equal(fake.requests.length, 0);
  });

  it('lists the owners of the account\'s own ownership and answers their names only', async () => {
    fake.requests.length = 0;
    const backend = fake.backend({ resolveCustomer: () => 'cus_1' }, routes);
    const response = await call(backend, '/financial_connections/accounts/fca_1/owners?ownership=fcaowns_someone_else');
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.deepEqual(JSON.parse(text), { object: 'list', data: [{ name: 'Jenny Rosen' }, { name: 'Kenji Sato' }], has_more: false });
    assert.doesNotMatch(text, /@|555|Secret Lane|fcaown_/);
    const listed = fake.requests[1]!;
    assert.equal(listed.path, '/v1/financial_connections/accounts/fca_1/owners');
    assert.equal(listed.query.get('ownership'), 'fcaowns_1');
    assert.equal(listed.query.get('limit'), '100');

    fake.requests.length = 0;
    const none = await call(backend, '/financial_connections/accounts/fca_unowned/owners');
    assert.deepEqual(await none.json(), { object: 'list', data: [], has_more: false });
    assert.deepEqual(fake.requests.map((r) => r.path), ['/v1/financial_connections/accounts/fca_unowned']);
  });

  it('refreshes the balance with a per-customer key and answers the pending account', async () => {
    fake.requests.length = 0;
    const backend = fake.backend({ resolveCustomer: () => 'cus_1' }, routes);
    const response = await refresh(backend, 'fca_1', { features: ['balance'] });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), browserAccount({ balance_refresh: { status: 'pending', last_attempted_at: 1_700_005_000, next_refresh_available_at: null } }));
    const sent = fake.requests[1]!;
    assert.equal(sent.method, 'POST');
    assert.deepEqual(Object.fromEntries(sent.form), { 'features[0]': 'balance' });
    assert.match(String(sent.headers['idempotency-key']), /^fcrefresh:[0-9a-f]{32}:swk_refresh_1$/);
  });

  it('never refreshes an account the user may not see, nor with features outside balance and ownership or without a key', async () => {
    fake.requests.length = 0;
    const backend = fake.backend({ resolveCustomer: () => 'cus_1' }, routes);
    assert.equal((await refresh(backend, 'fca_other', { features: ['balance'] })).status, 404);
    for (const body of [{}, { features: [] }, { features: ['transactions'] }, { features: 'balance' }]) {
      const response = await refresh(backend, 'fca_1', body);
      assert.equal(response.status, 400, JSON.stringify(body));
    }
    const noKey = await refresh(backend, 'fca_1', { features: ['balance'] }, null);
    assert.equal(((await noKey.json()) as { error: { code: string } }).error.code, 'idempotency_key_missing');
    assert.deepEqual(fake.requests.map((r) => `${r.method} ${r.path}`), ['GET /v1/financial_connections/accounts/fca_other']);
  });
});

describe('financial connections account routes, simulator mode', () => {
  async function linkedAccount(prefetch: string[], permissions = ['balances', 'ownership']) {
    let now = 1_780_000_000;
    const backend = createBackend({ now: () => now }, routes);
    const published: PublishedEvent[] = [];
    backend.hub.subscribe((event) => published.push(event));
    const session = createSimulatedSession(backend.simulator, { permissions, prefetch });
    const result = await completeSimulatedSession(backend.simulator, session.client_secret, ['fca_sim_checking']);
    const id = result!.financialConnectionsSession.accounts[0]!.id;
    const get = async (path = '') => (await call(backend, `/financial_connections/accounts/${id}${path}`)).json() as Promise<Record<string, unknown>>;
    const finish = (feature: string, outcome: string) =>
      call(backend, `/simulator/financial_connections/accounts/${id}/refresh/${feature}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ outcome }) });
    return { backend, id, published, get, finish, advance: (seconds: number) => (now += seconds) };
  }

  it('prefetched balances start pending, then succeed with the balance as of then and the refreshed_balance event', async () => {
    const { id, published, get, finish } = await linkedAccount(['balances']);
    assert.deepEqual((await get()).balance_refresh, { status: 'pending', last_attempted_at: 1_780_000_000, next_refresh_available_at: null });
    assert.equal((await get()).balance, null);
    assert.equal((await finish('balance', 'succeeded')).status, 200);
    const account = await get();
    assert.deepEqual(account.balance, { as_of: 1_780_000_000, current: { usd: 1_234_567 }, type: 'cash' });
    assert.deepEqual(account.balance_refresh, { status: 'succeeded', last_attempted_at: 1_780_000_000, next_refresh_available_at: 1_780_000_000 + REFRESH_COOLDOWN_SECONDS });
    assert.deepEqual(published.at(-1), { type: 'financial_connections.account.refreshed_balance', id, object: 'financial_connections.account' });
    assert.equal((await finish('balance', 'succeeded')).status, 404, 'nothing pending any more');
  });

  it('a prefetched refresh ends by itself after SIMULATED_REFRESH_MS, unless a control holds it', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const free = await linkedAccount(['balances']);
    const held = await linkedAccount(['balances']);
    assert.equal((await held.finish('balance', 'pending')).status, 200);
    t.mock.timers.tick(SIMULATED_REFRESH_MS);
    // The free one's refresh ends (its webhook is the proof the timer ran); the held one's does not.
    for (let turn = 0; turn < 100 && !free.published.some((e) => e.type.endsWith('refreshed_balance')); turn++) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(((await free.get()).balance_refresh as { status: string }).status, 'succeeded');
    assert.equal(((await held.get()).balance_refresh as { status: string }).status, 'pending');
    assert.equal(held.published.filter((e) => e.type.endsWith('refreshed_balance')).length, 0);
    await held.finish('balance', 'succeeded');
    assert.equal(((await held.get()).balance_refresh as { status: string }).status, 'succeeded');
  });

  it('a failed refresh keeps no balance and says failed', async () => {
    const { get, finish } = await linkedAccount(['balances']);
    await finish('balance', 'failed');
    const account = await get();
    assert.equal(account.balance, null);
    assert.equal((account.balance_refresh as { status: string }).status, 'failed');
  });

  it('the refresh route waits for next_refresh_available_at, then starts a pending refresh; the same key replays', async () => {
    const { backend, id, get, finish, advance } = await linkedAccount(['balances']);
    await finish('balance', 'succeeded');
    const early = await refresh(backend, id, { features: ['balance'] }, 'swk_early');
    assert.equal(early.status, 400);
    advance(REFRESH_COOLDOWN_SECONDS);
    const started = await refresh(backend, id, { features: ['balance'] }, 'swk_later');
    assert.equal(started.status, 200);
    assert.equal(((await started.json()) as { balance_refresh: { status: string } }).balance_refresh.status, 'pending');
    assert.equal(((await get()).balance_refresh as { status: string }).status, 'pending');
    await finish('balance', 'succeeded');
    const replay = await refresh(backend, id, { features: ['balance'] }, 'swk_later');
    assert.equal(((await replay.json()) as { balance_refresh: { status: string } }).balance_refresh.status, 'pending', 'the first answer, not a second refresh');
  });

  it('without the balances permission Stripe refuses a refresh', async () => {
    const { backend, id } = await linkedAccount([], ['payment_method']);
    const response = await refresh(backend, id, { features: ['balance'] });
    assert.equal(response.status, 400);
  });

  it('prefetched ownership ends with owners whose names alone reach the browser', async () => {
    const { get, finish, published } = await linkedAccount(['ownership']);
    assert.deepEqual(await get('/owners'), { object: 'list', data: [], has_more: false });
    await finish('ownership', 'succeeded');
    assert.equal(published.at(-1)!.type, 'financial_connections.account.refreshed_ownership');
    assert.match(String((await get()).ownership), /^fcaowns_sim_/);
    assert.deepEqual(await get('/owners'), { object: 'list', data: [{ name: 'Jenny Rosen' }, { name: 'Kenji Sato' }], has_more: false });
  });
});
