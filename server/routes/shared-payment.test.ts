import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBackend } from '../app.js';
import type { PublishedEvent } from '../event-hub.js';
import { SEED_TOKEN_IDS } from '../simulator/shared-payment.js';
import { call, startFakeStripeApi, type RecordedRequest } from '../test-support/fake-stripe-api.js';
import { sharedPaymentRoutes } from './shared-payment.js';

type Json = Record<string, unknown> & {
  error?: { code?: string; message?: string; type?: string };
  usage_limits?: { currency: string; max_amount: number; expires_at: number | null };
  deactivated_reason?: string | null;
  deactivated_at?: number | null;
};

const tokenBody = {
  id: 'spt_1RgaZcFPC5QUO6ZCDVZuVA8q',
  object: 'shared_payment.granted_token',
  created: 1751500820,
  deactivated_at: null,
  deactivated_reason: null,
  usage_limits: { currency: 'usd', expires_at: 1751587220, max_amount: 1000 },
  payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
};

const post = (body: unknown = {}) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('shared payment routes, stripe mode', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  before(async () => {
    fake = await startFakeStripeApi([
      (r) => (r.path === `/v1/shared_payment/granted_tokens/${tokenBody.id}` ? { body: tokenBody } : undefined),
      (r) =>
        r.path === '/v1/shared_payment/granted_tokens/spt_broken'
          ? { status: 500, body: { error: { type: 'api_error', message: 'Something broke' } } }
          : undefined,
    ]);
  });
  after(() => fake.close());
  const last = (): RecordedRequest => fake.requests.at(-1)!;

  it('retrieves the token from the preview endpoint with the secret key', async () => {
    const response = await call(fake.backend({}, [sharedPaymentRoutes]), `/shared_payment/granted_tokens/${tokenBody.id}`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), tokenBody);
    assert.equal(last().method, 'GET');
    assert.equal(last().path, `/v1/shared_payment/granted_tokens/${tokenBody.id}`);
    assert.match(String(last().headers.authorization), /sk_test_fake/);
    assert.equal(last().headers['stripe-account'], undefined);
  });

  it("sends the documented preview Stripe-Version, or the site's own", async () => {
    await call(fake.backend({}, [sharedPaymentRoutes]), `/shared_payment/granted_tokens/${tokenBody.id}`);
    assert.equal(last().headers['stripe-version'], '2026-04-22.preview');
    await call(fake.backend({ previewStripeVersions: { sharedPayment: '2026-10-28.preview' } }, [sharedPaymentRoutes]), `/shared_payment/granted_tokens/${tokenBody.id}`);
    assert.equal(last().headers['stripe-version'], '2026-10-28.preview');
  });

  it("reads the token as the platform even when the site names a connected account (the token is the platform's)", async () => {
    const backend = fake.backend({ resolveStripeAccount: () => 'acct_seller_1' }, [sharedPaymentRoutes]);
    const response = await call(backend, `/shared_payment/granted_tokens/${tokenBody.id}`);
    assert.equal(response.status, 200);
    assert.equal(last().headers['stripe-account'], undefined);
  });

  it("answers Stripe's 404 with the route's own, without Stripe's message or request id", async () => {
    const response = await call(fake.backend({}, [sharedPaymentRoutes]), '/shared_payment/granted_tokens/spt_missing');
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('request-id'), null);
    const body = (await response.json()) as Json;
    assert.deepEqual(body.error, { type: 'invalid_request_error', code: 'resource_missing', message: 'No such shared payment granted token' });
    assert.equal(last().path, '/v1/shared_payment/granted_tokens/spt_missing');
  });

  it("passes Stripe's 500 through as an api_error", async () => {
    const response = await call(fake.backend({}, [sharedPaymentRoutes]), '/shared_payment/granted_tokens/spt_broken');
    assert.equal(response.status, 500);
    const body = (await response.json()) as Json;
    assert.equal(body.error?.type, 'api_error');
    assert.equal(body.error?.message, 'Something broke');
  });

  it('refuses an id that is not a token id without calling Stripe', async () => {
    const before = fake.requests.length;
    const response = await call(fake.backend({}, [sharedPaymentRoutes]), `/shared_payment/granted_tokens/${encodeURIComponent('../../v1/charges')}`);
    assert.equal(response.status, 404);
    assert.equal(fake.requests.length, before);
  });

  it('has no simulator controls', async () => {
    const response = await call(fake.backend({}, [sharedPaymentRoutes]), `/simulator/shared_payment/granted_tokens/${tokenBody.id}/revoke`, post());
    assert.equal(response.status, 404);
  });
});

describe('shared payment routes, simulator', () => {
  function setup() {
    let now = 1_751_500_000;
    const backend = createBackend({ now: () => now }, [sharedPaymentRoutes]);
    const published: PublishedEvent[] = [];
    backend.hub.subscribe((e) => published.push(e));
    return { backend, published, advance: (seconds: number) => (now += seconds), now: () => now };
  }
  const get = async (backend: ReturnType<typeof createBackend>, id: string) => {
    const response = await call(backend, `/shared_payment/granted_tokens/${id}`);
    return { status: response.status, body: (await response.json()) as Json };
  };

  it('seeds active, expiring, revoked and used tokens', async () => {
    const { backend, now } = setup();
    const active = await get(backend, SEED_TOKEN_IDS.active);
    assert.equal(active.status, 200);
    assert.equal(active.body.object, 'shared_payment.granted_token');
    assert.equal(active.body.deactivated_reason, null);
    assert.equal(active.body.usage_limits?.expires_at, now() + 3 * 3600);
    const expiring = await get(backend, SEED_TOKEN_IDS.expiring);
    assert.deepEqual(expiring.body.usage_limits, { currency: 'jpy', max_amount: 5000, expires_at: now() + 120 });
    assert.equal((await get(backend, SEED_TOKEN_IDS.revoked)).body.deactivated_reason, 'revoked');
    const used = (await get(backend, SEED_TOKEN_IDS.used)).body;
    assert.equal(used.deactivated_reason, 'consumed');
    assert.deepEqual(used.usage_details, { amount_captured: { value: 2500, currency: 'usd' } });
    assert.deepEqual(active.body.usage_details, { amount_captured: { value: 0, currency: 'usd' } });
    assert.deepEqual(active.body.agent_details, { network_business_profile: 'profile_test_simulated_agent' });
    assert.equal((await get(backend, 'spt_nope')).status, 404);
  });

  it('deactivates the expiring token once its time passes and sends the signed webhook', async () => {
    const { backend, published, advance, now } = setup();
    const expiresAt = now() + 120;
    advance(119);
    assert.equal((await get(backend, SEED_TOKEN_IDS.expiring)).body.deactivated_reason, null);
    assert.equal(published.length, 0);
    advance(5);
    const { body } = await get(backend, SEED_TOKEN_IDS.expiring);
    assert.equal(body.deactivated_reason, 'expired');
    assert.equal(body.deactivated_at, expiresAt);
    assert.deepEqual(published, [{ type: 'shared_payment.granted_token.deactivated', id: SEED_TOKEN_IDS.expiring, object: 'shared_payment.granted_token' }]);
    await get(backend, SEED_TOKEN_IDS.expiring);
    assert.equal(published.length, 1, 'expires once');
  });

  it('revokes a token: .deactivated through the verified webhook path, then refuses a second revoke', async () => {
    const { backend, published } = setup();
    const response = await call(backend, `/simulator/shared_payment/granted_tokens/${SEED_TOKEN_IDS.active}/revoke`, post());
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as Json).deactivated_reason, 'revoked');
    assert.equal((await get(backend, SEED_TOKEN_IDS.active)).body.deactivated_reason, 'revoked');
    assert.deepEqual(published, [{ type: 'shared_payment.granted_token.deactivated', id: SEED_TOKEN_IDS.active, object: 'shared_payment.granted_token' }]);
    const again = await call(backend, `/simulator/shared_payment/granted_tokens/${SEED_TOKEN_IDS.active}/revoke`, post());
    assert.equal(again.status, 400);
    assert.equal(((await again.json()) as Json).error?.code, 'shared_payment_token_inactive');
    assert.equal(published.length, 1);
  });

  it('uses a token: .used then .deactivated (consumed)', async () => {
    const { backend, published } = setup();
    const response = await call(backend, `/simulator/shared_payment/granted_tokens/${SEED_TOKEN_IDS.active}/use`, post());
    assert.equal(response.status, 200);
    const used = (await response.json()) as Json;
    assert.equal(used.deactivated_reason, 'consumed');
    assert.deepEqual(used.usage_details, { amount_captured: { value: 10000, currency: 'usd' } });
    assert.deepEqual(
      published.map((e) => e.type),
      ['shared_payment.granted_token.used', 'shared_payment.granted_token.deactivated'],
    );
    assert.ok(published.every((e) => e.id === SEED_TOKEN_IDS.active));
  });

  it('refuses to use an expired token, deactivating it as expired first', async () => {
    const { backend, published, advance } = setup();
    advance(121);
    const response = await call(backend, `/simulator/shared_payment/granted_tokens/${SEED_TOKEN_IDS.expiring}/use`, post());
    assert.equal(response.status, 400);
    assert.deepEqual(published.map((e) => e.type), ['shared_payment.granted_token.deactivated']);
    assert.equal((await get(backend, SEED_TOKEN_IDS.expiring)).body.deactivated_reason, 'expired');
  });

  it("grants a new token through a test helper in Stripe's own shape", async () => {
    const { backend, now } = setup();
    const response = await call(
      backend,
      '/simulator/shared_payment/granted_tokens',
      post({
        payment_method: 'pm_card_mastercard',
        usage_limits: { currency: 'jpy', max_amount: 3000, expires_at: now() + 90 },
        seller_details: { network_id: 'internal', external_id: 'acct_seller_1' },
      }),
    );
    assert.equal(response.status, 200);
    const token = (await response.json()) as Json;
    assert.match(String(token.id), /^spt_sim_/);
    assert.deepEqual(token.usage_limits, { currency: 'jpy', max_amount: 3000, expires_at: now() + 90 });
    assert.deepEqual(token.payment_method_details, { type: 'card', card: { brand: 'mastercard', last4: '4444' } });
    assert.deepEqual((await get(backend, String(token.id))).body, token);
    const forever = (await (await call(backend, '/simulator/shared_payment/granted_tokens', post({ payment_method: 'pm_card_visa', usage_limits: { currency: 'usd', max_amount: 500 } }))).json()) as Json;
    assert.equal(forever.usage_limits?.expires_at, null);
  });

  it('refuses a malformed test helper call as Stripe would (400), granting nothing', async () => {
    const { backend, now } = setup();
    const limits = { currency: 'usd', max_amount: 1000 };
    for (const body of [
      { usage_limits: limits },
      { payment_method: 'pm_card_unknown', usage_limits: limits },
      { payment_method: 'pm_card_visa' },
      { payment_method: 'pm_card_visa', usage_limits: { currency: 'DROP TABLE', max_amount: 1000 } },
      { payment_method: 'pm_card_visa', usage_limits: { currency: 'usd', max_amount: -5 } },
      { payment_method: 'pm_card_visa', usage_limits: { ...limits, expires_at: now() - 1 } },
      { payment_method: 'pm_card_visa', usage_limits: limits, seller_details: { network_id: 7 } },
      { payment_method: 'pm_card_visa', usage_limits: limits, seller_details: { account: 'acct_1' } },
    ]) {
      const response = await call(backend, '/simulator/shared_payment/granted_tokens', post(body));
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(((await response.json()) as Json).error?.type, 'invalid_request_error');
    }
  });

  it('404s the controls for an unknown token', async () => {
    const { backend } = setup();
    const response = await call(backend, '/simulator/shared_payment/granted_tokens/spt_unknown/use', post());
    assert.equal(response.status, 404);
  });
});
