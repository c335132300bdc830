import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBackend, type Backend } from '../app.js';
import { CLIMATE_ORDER_IDS } from '../simulator/climate.js';
import { MAX_ANSWERS as MAX_SIMULATED_IDEMPOTENCY_KEYS } from '../simulator/idempotent-replays.js';
import { SEED_TOKEN_IDS } from '../simulator/shared-payment.js';
import { MAX_SIMULATED_OBJECTS } from '../simulator/store.js';
import { call } from '../test-support/fake-stripe-api.js';

const userOf = (request: Request) => /(?:^|;\s*)session=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1];
const as = (user: string | undefined, key: string, body: unknown = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...(user && { cookie: `session=${user}` }) },
  body: JSON.stringify(body),
});
const session = async (backend: Backend, user: string | undefined, key: string, permissions: string[]) => {
  const response = await call(backend, '/financial_connections/sessions', as(user, key, { permissions }));
  return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: (await response.json()) as { client_secret?: string; error?: { type: string } } };
};

// Today the simulator replays the first answer for an Idempotency-Key to anyone who sends that key,
// whatever their body: Bob's session request with Alice's key got Alice's client_secret.
describe('attack: an Idempotency-Key reused in the simulator', () => {
  it("another caller's key never returns the first caller's answer", async () => {
    const backend = createBackend({ userOf });
    const alice = await session(backend, 'alice', 'swk_shared_key', ['balances']);
    const bob = await session(backend, 'bob', 'swk_shared_key', ['ownership']);
    assert.equal(alice.status, 200);
    assert.equal(bob.status, 200);
    assert.notEqual(bob.body.client_secret, alice.body.client_secret);
    assert.equal(bob.replayed, null);
  });

  it('the same caller: the same body replays the first answer; another body is a 400 idempotency_error', async () => {
    const backend = createBackend({});
    const first = await session(backend, undefined, 'swk_k', ['balances']);
    const retry = await session(backend, undefined, 'swk_k', ['balances']);
    assert.equal(retry.body.client_secret, first.body.client_secret);
    assert.equal(retry.replayed, 'true');
    const other = await session(backend, undefined, 'swk_k', ['ownership']);
    assert.equal(other.status, 400);
    assert.equal(other.body.error?.type, 'idempotency_error');
    assert.equal(other.body.client_secret, undefined);
  });

  it("a climate cancel replayed by another caller is that caller's own request", async () => {
    const backend = createBackend({ userOf });
    const path = `/climate/orders/${CLIMATE_ORDER_IDS.open}/cancel`;
    const alice = await call(backend, path, as('alice', 'swk_cancel'));
    assert.equal(alice.status, 200);
    const again = await call(backend, path, as('alice', 'swk_cancel'));
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    // Bob's same key is not Alice's replayed 200: his own cancel of an order already canceled.
    const bob = await call(backend, path, as('bob', 'swk_cancel'));
    assert.equal(bob.status, 400);
    assert.equal(((await bob.json()) as { error: { code: string } }).error.code, 'order_not_cancelable');
  });
});

// Today every demo request adds objects and remembered keys that are never forgotten.
describe("attack: filling the simulator's memory", () => {
  it(`keys: at most ${MAX_SIMULATED_IDEMPOTENCY_KEYS} are remembered, the oldest forgotten first`, async () => {
    const backend = createBackend({});
    const first = await session(backend, undefined, 'swk_key_0', ['balances']);
    for (let i = 1; i <= MAX_SIMULATED_IDEMPOTENCY_KEYS; i++) await session(backend, undefined, `swk_key_${i}`, ['balances']);
    const newest = await session(backend, undefined, `swk_key_${MAX_SIMULATED_IDEMPOTENCY_KEYS}`, ['balances']);
    assert.equal(newest.replayed, 'true');
    const oldest = await session(backend, undefined, 'swk_key_0', ['balances']);
    assert.equal(oldest.replayed, null, 'the oldest key was forgotten');
    assert.notEqual(oldest.body.client_secret, first.body.client_secret);
  });

  it(`objects: at most ${MAX_SIMULATED_OBJECTS} made by visitors, the seeds always kept`, async () => {
    const backend = createBackend({});
    const seeds = backend.simulator.size;
    // The simulator's test helper, in Stripe's own shape: each call grants a new token.
    const body = { payment_method: 'pm_card_visa', usage_limits: { currency: 'usd', max_amount: 500 } };
    const grant = async () => ((await (await call(backend, '/simulator/shared_payment/granted_tokens', as(undefined, 'swk_unused', body))).json()) as { id: string }).id;
    const firstToken = await grant();
    let lastToken = firstToken;
    for (let i = 0; i < MAX_SIMULATED_OBJECTS + 100; i++) lastToken = await grant();
    assert.equal(backend.simulator.size, seeds + MAX_SIMULATED_OBJECTS);
    assert.equal((await call(backend, `/shared_payment/granted_tokens/${firstToken}`)).status, 404, 'the oldest visitor object went');
    assert.equal((await call(backend, `/shared_payment/granted_tokens/${lastToken}`)).status, 200);
    assert.equal((await call(backend, `/shared_payment/granted_tokens/${SEED_TOKEN_IDS.active}`)).status, 200, 'a seed stays');
    assert.equal((await call(backend, `/climate/orders/${CLIMATE_ORDER_IDS.open}`)).status, 200, 'a seed stays');
  });
});
