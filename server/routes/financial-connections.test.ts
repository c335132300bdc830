import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBackend } from '../app.js';
import type { PublishedEvent } from '../event-hub.js';
import { call, startFakeStripeApi, type FakeRoute } from '../test-support/fake-stripe-api.js';
import { financialConnectionsRoutes } from './financial-connections.js';

const routes = [financialConnectionsRoutes];
const SECRET = 'fcsess_1Abc_secret_fromFakeStripe';

const createSession: FakeRoute = (request) =>
  request.method === 'POST' && request.path === '/v1/financial_connections/sessions'
    ? { body: { id: 'fcsess_1Abc', object: 'financial_connections.session', client_secret: SECRET, livemode: false, accounts: { object: 'list', data: [] }, permissions: ['balances'] } }
    : undefined;

function post(backend: ReturnType<typeof createBackend>, body: unknown, headers: Record<string, string> = { 'Idempotency-Key': 'swk_key_1' }) {
  return call(backend, '/financial_connections/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('POST /financial_connections/sessions (stripe mode)', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  before(async () => {
    fake = await startFakeStripeApi([
      (request) =>
        request.form.get('account_holder[customer]') === 'cus_missing'
          ? { status: 400, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: "No such customer: 'cus_missing'", param: 'account_holder[customer]' } } }
          : undefined,
      createSession,
    ]);
  });
  after(() => fake.close());

  it('creates the session for the resolved customer and returns only what the browser needs', async () => {
    fake.requests.length = 0;
    const backend = fake.backend({ resolveCustomer: () => 'cus_123', publishableKey: 'pk_test_abc' }, routes);
    const response = await post(backend, { permissions: ['balances', 'ownership'], prefetch: ['balances'] });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { client_secret: SECRET, publishable_key: 'pk_test_abc' });
    assert.equal(fake.requests.length, 1);
    const [sent] = fake.requests;
    assert.equal(sent!.method, 'POST');
    assert.equal(sent!.path, '/v1/financial_connections/sessions');
    assert.equal(sent!.form.get('account_holder[type]'), 'customer');
    assert.equal(sent!.form.get('account_holder[customer]'), 'cus_123');
    assert.equal(sent!.form.get('permissions[0]'), 'balances');
    assert.equal(sent!.form.get('permissions[1]'), 'ownership');
    assert.equal(sent!.form.get('prefetch[0]'), 'balances');
    assert.equal(sent!.headers['idempotency-key'], 'fcsess:cus_123:swk_key_1');
    assert.equal(sent!.headers['stripe-account'], undefined);
  });

  it("asks authorize about the resolved customer first: a denial is a 404 and Stripe is never called", async () => {
    fake.requests.length = 0;
    const asked: unknown[] = [];
    const backend = fake.backend({ resolveCustomer: () => 'cus_123', authorize: (_request, object) => (asked.push(object), object.id === 'cus_mine') }, routes);
    const response = await post(backend, { permissions: ['balances'] });
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'resource_missing');
    assert.deepEqual(asked, [{ id: 'cus_123', object: 'customer' }]);
    assert.equal(fake.requests.length, 0);
    const allowed = fake.backend({ resolveCustomer: () => 'cus_mine', authorize: (_request, object) => object.object === 'customer' && object.id === 'cus_mine' }, routes);
    assert.equal((await post(allowed, { permissions: ['balances'] })).status, 200);
    assert.equal(fake.requests.length, 1);
  });

  it('omits prefetch when none is asked and acts for the resolved connected account', async () => {
    fake.requests.length = 0;
    const backend = fake.backend({ resolveCustomer: async () => 'cus_9', resolveStripeAccount: () => 'acct_42' }, routes);
    const response = await post(backend, { permissions: ['payment_method'] });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { client_secret: SECRET, stripe_account: 'acct_42' });
    const form = fake.requests[0]!.form;
    assert.equal(form.get('permissions[0]'), 'payment_method');
    assert.equal([...form.keys()].some((k) => k.startsWith('prefetch')), false);
    assert.equal(fake.requests[0]!.headers['stripe-account'], 'acct_42');
  });

  it('passes Stripe errors through in Stripe shape', async () => {
    const backend = fake.backend({ resolveCustomer: () => 'cus_missing' }, routes);
    const response = await post(backend, { permissions: ['balances'] });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { type: string; code: string; message: string } };
    assert.deepEqual(body.error, { type: 'invalid_request_error', code: 'resource_missing', message: "No such customer: 'cus_missing'" });
    assert.match(response.headers.get('request-id') ?? '', /^req_fake_/);
  });

  it('says clearly when the site did not configure resolveCustomer, without calling Stripe', async () => {
    fake.requests.length = 0;
    const response = await post(fake.backend({}, routes), { permissions: ['balances'] });
    assert.equal(response.status, 500);
    const body = (await response.json()) as { error: { type: string; message: string } };
    assert.equal(body.error.type, 'api_error');
    assert.match(body.error.message, /resolveCustomer/);
    assert.equal(fake.requests.length, 0);
  });

  it('answers 400 when no customer is resolved for the request', async () => {
    fake.requests.length = 0;
    for (const resolveCustomer of [() => '', () => Promise.reject(new Error('not signed in'))]) {
      const response = await post(fake.backend({ resolveCustomer }, routes), { permissions: ['balances'] });
      assert.equal(response.status, 400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'customer_missing');
      assert.doesNotMatch(body.error.message, /not signed in/);
    }
    assert.equal(fake.requests.length, 0);
  });

  it('rejects permissions and prefetch Stripe does not accept, before calling Stripe', async () => {
    fake.requests.length = 0;
    const backend = fake.backend({ resolveCustomer: () => 'cus_123' }, routes);
    const cases: [unknown, RegExp][] = [
      [{}, /permissions must list/],
      [{ permissions: [] }, /permissions must list/],
      [{ permissions: ['balances', 'account_numbers'] }, /Invalid permissions\[1\]/],
      [{ permissions: ['balances'], prefetch: ['payment_method'] }, /Invalid prefetch\[0\]/],
      [{ permissions: ['balances'], prefetch: 'balances' }, /prefetch must be an array/],
      [{ permissions: [{ toString: 'balances' }] }, /Invalid permissions\[0\]/],
    ];
    for (const [body, message] of cases) {
      const response = await post(backend, body);
      assert.equal(response.status, 400, JSON.stringify(body));
      const json = (await response.json()) as { error: { type: string; message: string } };
      assert.equal(json.error.type, 'invalid_request_error');
      assert.match(json.error.message, message);
    }
    const notJson = await call(backend, '/financial_connections/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{oops' });
    assert.equal(notJson.status, 400);
    assert.equal(fake.requests.length, 0);
  });

  it('rejects an over-long Idempotency-Key', async () => {
    const response = await post(fake.backend({ resolveCustomer: () => 'cus_123' }, routes), { permissions: ['balances'] }, { 'Idempotency-Key': 'k'.repeat(300) });
    assert.equal(response.status, 400);
  });
});

describe('POST /financial_connections/sessions (simulator mode)', () => {
  it('returns a simulated client secret, the same one for a replayed Idempotency-Key', async () => {
    const backend = createBackend({}, routes);
    const first = (await (await post(backend, { permissions: ['balances'] })).json()) as { client_secret: string };
    assert.match(first.client_secret, /^fcsess_sim_\w+_secret_\w+$/);
    const replay = (await (await post(backend, { permissions: ['balances'] })).json()) as { client_secret: string };
    assert.equal(replay.client_secret, first.client_secret);
    const other = (await (await post(backend, { permissions: ['balances'] }, { 'Idempotency-Key': 'swk_key_2' })).json()) as { client_secret: string };
    assert.notEqual(other.client_secret, first.client_secret);
    const bad = await post(backend, { permissions: ['nope'] });
    assert.equal(bad.status, 400);
  });

  it('completes a session with the chosen accounts and sends one signed webhook per account', async () => {
    const backend = createBackend({}, routes);
    const published: PublishedEvent[] = [];
    backend.hub.subscribe((event) => published.push(event));
    const { client_secret } = (await (await post(backend, { permissions: ['balances'] })).json()) as { client_secret: string };
    const offered = (await (await call(backend, '/simulator/financial_connections/accounts', { method: 'POST', headers: { 'Content-Type': 'application/json' } })).json()) as { data: { id: string }[] };
    assert.ok(offered.data.length >= 2);
    const chosen = offered.data.slice(0, 2).map((a) => a.id);
    const response = await call(backend, '/simulator/financial_connections/sessions/complete', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_secret, account_ids: chosen }),
    });
    assert.equal(response.status, 200);
    const result = (await response.json()) as { financialConnectionsSession: { id: string; accounts: { id: string; object: string }[] } };
    assert.match(result.financialConnectionsSession.id, /^fcsess_sim_/);
    assert.equal(result.financialConnectionsSession.accounts.length, 2);
    assert.equal(JSON.stringify(result).includes(client_secret), false);
    assert.deepEqual(
      published.map((e) => [e.type, e.object]),
      [
        ['financial_connections.account.created', 'financial_connections.account'],
        ['financial_connections.account.created', 'financial_connections.account'],
      ],
    );
    assert.deepEqual(published.map((e) => e.id), result.financialConnectionsSession.accounts.map((a) => a.id));
  });

  it('completes with no accounts when the visitor picks none, and 404s an unknown secret', async () => {
    const backend = createBackend({}, routes);
    const { client_secret } = (await (await post(backend, { permissions: ['balances'] })).json()) as { client_secret: string };
    const none = await call(backend, '/simulator/financial_connections/sessions/complete', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ client_secret, account_ids: [] }) });
    assert.deepEqual(((await none.json()) as { financialConnectionsSession: { accounts: unknown[] } }).financialConnectionsSession.accounts, []);
    const unknown = await call(backend, '/simulator/financial_connections/sessions/complete', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ client_secret: 'fcsess_x_secret_y' }) });
    assert.equal(unknown.status, 404);
  });

  it('tells the widget to use the simulated Stripe.js, whose completion (no account chosen) links the two active accounts', async () => {
    const backend = createBackend({ basePath: '/widgets/' }, routes);
    const answer = (await (
      await backend.handle(
        new Request('http://127.0.0.1/widgets/financial_connections/sessions', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'swk_key_default' },
          body: JSON.stringify({ permissions: ['balances'] }),
        }),
      )
    ).json()) as { client_secret: string; simulated_stripe_js: { complete_url: string } };
    assert.deepEqual(answer.simulated_stripe_js, { complete_url: '/widgets/simulator/financial_connections/sessions/complete' });
    const response = await backend.handle(
      new Request(`http://127.0.0.1${answer.simulated_stripe_js.complete_url}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ client_secret: answer.client_secret }),
      }),
    );
    const result = (await response.json()) as { financialConnectionsSession: { accounts: { id: string; display_name: string }[] } };
    assert.deepEqual(
      result.financialConnectionsSession.accounts.map((a) => [a.id.replace(/_[A-Za-z0-9]{12}$/, ''), a.display_name]),
      [
        ['fca_sim_checking', 'Premium Checking'],
        ['fca_sim_savings', 'High Yield Savings'],
      ],
    );
  });

  it('has no simulator controls in stripe mode', async () => {
    const backend = createBackend({ secretKey: 'sk_test_x', resolveCustomer: () => 'cus_1', allowNoAuthorize: true }, routes);
    const response = await call(backend, '/simulator/financial_connections/accounts', { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    assert.equal(response.status, 404);
  });
});
