import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it, mock } from 'node:test';
import { createBackend } from '../app.js';
import type { BackendOptions } from '../context.js';
import type { PublishedEvent } from '../event-hub.js';
import { SEED_TOKEN_IDS } from '../simulator/shared-payment.js';
import { call, startFakeStripeApi, type RecordedRequest } from '../test-support/fake-stripe-api.js';
import { sharedPaymentRoutes } from './shared-payment.js';

// Seed 001: the seller charges a granted token by creating a PaymentIntent with it, confirmed. The
// route authorizes the token first, refuses what the token cannot pay before calling Stripe, scopes the
// Idempotency-Key per caller, and answers only what the widget reads.

type Json = Record<string, unknown> & { error?: { code?: string; message?: string; type?: string } };

/** 2025-07-03: the fake tokens expire a day later. */
const NOW = 1_751_500_820;
const token = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  object: 'shared_payment.granted_token',
  created: NOW,
  livemode: false,
  deactivated_at: null,
  deactivated_reason: null,
  usage_limits: { currency: 'usd', expires_at: NOW + 86_400, max_amount: 10_000 },
  usage_details: { amount_captured: { value: 2_000, currency: 'usd' } },
  agent_details: { network_business_profile: 'profile_test_agent' },
  payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
  metadata: { user: 'me' },
  ...fields,
});

/** Stripe's PaymentIntent for a confirmed charge, with what the widget must never get. */
const intent = (amount: number) => ({
  id: 'pi_3Spt',
  object: 'payment_intent',
  amount,
  amount_received: amount,
  currency: 'usd',
  status: 'succeeded',
  created: NOW + 5,
  client_secret: 'pi_3Spt_secret_abc',
  payment_method: 'pm_cloned_1',
  latest_charge: 'ch_3Spt',
  last_payment_error: null,
  shipping: { name: 'Someone', address: { line1: '1 Main St' } },
  metadata: {},
});

const post = (body: unknown, key?: string) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...(key && { 'Idempotency-Key': key }) },
  body: JSON.stringify(body),
});

describe('POST /shared_payment/granted_tokens/:id/payment_intents, stripe mode', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  const tokens: Record<string, ReturnType<typeof token>> = {
    spt_fresh: token('spt_fresh'),
    spt_revoked: token('spt_revoked', { deactivated_at: NOW - 60, deactivated_reason: 'revoked' }),
    spt_stale: token('spt_stale', { usage_limits: { currency: 'usd', expires_at: NOW - 1, max_amount: 10_000 } }),
    spt_declines: token('spt_declines'),
  };
  before(async () => {
    fake = await startFakeStripeApi([
      (r) => {
        const id = /^\/v1\/shared_payment\/granted_tokens\/(spt_\w+)$/.exec(r.path)?.[1];
        return r.method === 'GET' && id && tokens[id] ? { body: tokens[id] } : undefined;
      },
      (r) => {
        if (r.method !== 'POST' || r.path !== '/v1/payment_intents') return undefined;
        if (r.form.get('payment_method_data[shared_payment_granted_token]') === 'spt_declines') {
          return {
            status: 402,
            body: {
              error: {
                type: 'card_error',
                code: 'card_declined',
                decline_code: 'generic_decline',
                message: 'Your card was declined.',
                payment_intent: { ...intent(Number(r.form.get('amount'))), status: 'requires_payment_method' },
              },
            },
          };
        }
        return { body: intent(Number(r.form.get('amount'))) };
      },
    ]);
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
  });
  const backend = (options: BackendOptions = {}) => fake.backend({ now: () => NOW, ...options }, [sharedPaymentRoutes]);
  const charge = (b: ReturnType<typeof backend>, id: string, body: unknown, key = 'swk_charge_1') => call(b, `/shared_payment/granted_tokens/${id}/payment_intents`, post(body, key));
  const posts = (): RecordedRequest[] => fake.requests.filter((r) => r.method === 'POST');

  it('retrieves the token, then creates a confirmed PaymentIntent with it: preview version, scoped key, the parameters Stripe documents', async () => {
    const response = await charge(backend(), 'spt_fresh', { amount: 5_000, currency: 'usd' });
    assert.equal(response.status, 200);
    assert.deepEqual(
      fake.requests.map((r) => `${r.method} ${r.path}`),
      ['GET /v1/shared_payment/granted_tokens/spt_fresh', 'POST /v1/payment_intents'],
    );
    const sent = posts()[0]!;
    assert.deepEqual(Object.fromEntries(sent.form), {
      amount: '5000',
      currency: 'usd',
      confirm: 'true',
      'payment_method_data[shared_payment_granted_token]': 'spt_fresh',
    });
    assert.equal(sent.headers['stripe-version'], '2026-04-22.preview');
    assert.equal(sent.headers['stripe-account'], undefined);
    assert.match(String(sent.headers['idempotency-key']), /^sptcharge:[0-9a-f]{32}:swk_charge_1$/);
  });

  it('answers only the fields the widget reads: never the client_secret, shipping or payment method', async () => {
    const response = await charge(backend(), 'spt_fresh', { amount: 5_000, currency: 'usd' });
    assert.deepEqual(await response.json(), {
      id: 'pi_3Spt',
      object: 'payment_intent',
      status: 'succeeded',
      amount: 5_000,
      currency: 'usd',
      created: NOW + 5,
      last_payment_error: null,
    });
  });

  it("charges as the platform for the connected account the site names: a destination charge, never Stripe-Account", async () => {
    await charge(backend({ resolveStripeAccount: () => 'acct_seller_1' }), 'spt_fresh', { amount: 1_000, currency: 'usd' });
    assert.ok(fake.requests.every((r) => r.headers['stripe-account'] === undefined));
    assert.equal(posts()[0]!.form.get('transfer_data[destination]'), 'acct_seller_1');
  });

  it('scopes the key per caller: a retry sends the same key, another customer the same browser key another one', async () => {
    await charge(backend(), 'spt_fresh', { amount: 1_000, currency: 'usd' }, 'swk_same');
    await charge(backend(), 'spt_fresh', { amount: 1_000, currency: 'usd' }, 'swk_same');
    await charge(backend({ resolveCustomer: () => 'cus_other' }), 'spt_fresh', { amount: 1_000, currency: 'usd' }, 'swk_same');
    const keys = posts().map((r) => r.headers['idempotency-key']);
    assert.equal(keys[0], keys[1]);
    assert.notEqual(keys[2], keys[0]);
  });

  it('never charges a token the user may not see: 404, and nothing reaches PaymentIntents', async () => {
    const seen: Record<string, unknown>[] = [];
    const response = await charge(backend({ authorize: (_r, object) => (seen.push(object), false) }), 'spt_fresh', { amount: 1_000, currency: 'usd' });
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as Json).error?.code, 'resource_missing');
    assert.deepEqual(seen[0]?.metadata, { user: 'me' }, 'authorize gets the whole token');
    assert.equal(posts().length, 0);
  });

  it('answers 500 when authorize throws, and nothing reaches PaymentIntents', async () => {
    const logged = mock.method(console, 'error', () => {});
    try {
      const response = await charge(backend({ authorize: () => Promise.reject(new Error('session store down')) }), 'spt_fresh', { amount: 1_000, currency: 'usd' });
      assert.equal(response.status, 500);
      assert.deepEqual(await response.json(), { error: { message: 'Internal error' } });
    } finally {
      logged.mock.restore();
    }
    assert.equal(posts().length, 0);
  });

  for (const [what, id, body, code] of [
    ['an amount above what the limit leaves (8,000 of 10,000 left)', 'spt_fresh', { amount: 8_001, currency: 'usd' }, 'amount_too_large'],
    ['another currency than the token allows', 'spt_fresh', { amount: 1_000, currency: 'eur' }, 'shared_payment_token_currency_mismatch'],
    ['a revoked token', 'spt_revoked', { amount: 1_000, currency: 'usd' }, 'shared_payment_token_inactive'],
    ['a token past its expires_at', 'spt_stale', { amount: 1_000, currency: 'usd' }, 'shared_payment_token_inactive'],
  ] as const) {
    it(`refuses ${what} with a 400 before calling Stripe`, async () => {
      const response = await charge(backend(), id, body);
      assert.equal(response.status, 400);
      const error = ((await response.json()) as Json).error!;
      assert.equal(error.code, code);
      assert.equal(error.type, 'invalid_request_error');
      assert.equal(posts().length, 0);
    });
  }

  it('charges exactly what is left', async () => {
    assert.equal((await charge(backend(), 'spt_fresh', { amount: 8_000, currency: 'usd' })).status, 200);
  });

  it("passes Stripe's decline through: 402 card_error with its message, nothing of the PaymentIntent", async () => {
    const response = await charge(backend(), 'spt_declines', { amount: 1_000, currency: 'usd' });
    assert.equal(response.status, 402);
    const body = (await response.json()) as Json;
    assert.deepEqual(body.error, { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' });
    assert.doesNotMatch(JSON.stringify(body), /secret|pi_3Spt/);
  });

  it('refuses a charge without an Idempotency-Key or with a malformed body or id, before calling Stripe', async () => {
    const b = backend();
    const missing = await call(b, '/shared_payment/granted_tokens/spt_fresh/payment_intents', post({ amount: 1_000, currency: 'usd' }));
    assert.equal(missing.status, 400);
    assert.equal(((await missing.json()) as Json).error?.code, 'idempotency_key_missing');
    for (const body of [{}, { amount: '1000', currency: 'usd' }, { amount: 10.5, currency: 'usd' }, { amount: 0, currency: 'usd' }, { amount: 1_000, currency: 'USD' }, { amount: 1_000 }]) {
      const response = await charge(b, 'spt_fresh', body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.doesNotMatch(JSON.stringify(await response.json()), /USD|10\.5/, 'nothing of the input is echoed');
    }
    assert.equal((await charge(b, encodeURIComponent('spt_x/../../v1/charges'), { amount: 1_000, currency: 'usd' })).status, 404);
    assert.equal(fake.requests.length, 0);
  });
});

describe('the fake of Stripe knows the granted-token parameter only under a preview version', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  before(async () => {
    fake = await startFakeStripeApi([(r) => (r.path === '/v1/payment_intents' ? { body: intent(100) } : undefined)]);
  });
  after(() => fake.close());
  const create = (form: string, version: string) =>
    fetch(`http://127.0.0.1:${fake.port}/v1/payment_intents`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test_fake', 'Content-Type': 'application/x-www-form-urlencoded', 'Stripe-Version': version },
      body: form,
    });

  it('refuses it under a GA version, and an unknown parameter or hash key under any', async () => {
    const spt = 'amount=100&currency=usd&confirm=true&payment_method_data[shared_payment_granted_token]=spt_1';
    const ga = await create(spt, '2025-10-29.clover');
    assert.equal(ga.status, 400);
    assert.equal(((await ga.json()) as { error: { param: string } }).error.param, 'payment_method_data[shared_payment_granted_token]');
    assert.equal((await create(spt, '2026-04-22.preview')).status, 200);
    assert.equal((await create('amount=100&currency=usd&shared_payment_granted_token=spt_1', '2026-04-22.preview')).status, 400);
    assert.equal((await create('amount=100&currency=usd&payment_method_data[token]=spt_1', '2026-04-22.preview')).status, 400);
    assert.equal((await create('currency=usd', '2026-04-22.preview')).status, 400, 'amount is required');
  });
});

describe('POST /shared_payment/granted_tokens/:id/payment_intents, simulator', () => {
  function setup() {
    let now = 1_751_500_000;
    const objects: Record<string, unknown>[] = [];
    const backend = createBackend({ now: () => now, onWebhookEvent: (event) => void objects.push({ type: event.type, ...event.data.object }) }, [sharedPaymentRoutes]);
    const published: PublishedEvent[] = [];
    backend.hub.subscribe((e) => published.push(e));
    return { backend, published, objects, advance: (seconds: number) => (now += seconds) };
  }
  const charge = (backend: ReturnType<typeof createBackend>, id: string, body: unknown, key: string) =>
    call(backend, `/shared_payment/granted_tokens/${id}/payment_intents`, post(body, key));
  const tokenOf = async (backend: ReturnType<typeof createBackend>, id: string) => (await (await call(backend, `/shared_payment/granted_tokens/${id}`)).json()) as Json;

  it('charges the token: a succeeded PaymentIntent, usage_details updated, payment_intent.succeeded and .used sent', async () => {
    const { backend, published, objects } = setup();
    const response = await charge(backend, SEED_TOKEN_IDS.active, { amount: 2_500, currency: 'usd' }, 'swk_sim_1');
    assert.equal(response.status, 200);
    const paid = (await response.json()) as Json;
    assert.match(String(paid.id), /^pi_sim_spt_/);
    assert.equal(paid.status, 'succeeded');
    assert.equal(paid.amount, 2_500);
    assert.equal('client_secret' in paid, false);
    assert.deepEqual((await tokenOf(backend, SEED_TOKEN_IDS.active)).usage_details, { amount_captured: { value: 2_500, currency: 'usd' } });
    assert.deepEqual(published.map((e) => `${e.type} ${e.id}`), [`payment_intent.succeeded ${String(paid.id)}`, `shared_payment.granted_token.used ${SEED_TOKEN_IDS.active}`]);
    // Seed 001: the PaymentIntent's payment_method is a new one cloned from the customer's.
    assert.match(String(objects.find((o) => o.type === 'payment_intent.succeeded')?.payment_method), /^pm_sim_spt_/);
  });

  it('replays a retry with the same key (no second charge), and deactivates the token once its limit is used up', async () => {
    const { backend, published } = setup();
    const first = await charge(backend, SEED_TOKEN_IDS.active, { amount: 4_000, currency: 'usd' }, 'swk_sim_2');
    const retry = await charge(backend, SEED_TOKEN_IDS.active, { amount: 4_000, currency: 'usd' }, 'swk_sim_2');
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await retry.json(), await first.json());
    assert.deepEqual((await tokenOf(backend, SEED_TOKEN_IDS.active)).usage_details, { amount_captured: { value: 4_000, currency: 'usd' } }, 'charged once');
    const reused = await charge(backend, SEED_TOKEN_IDS.active, { amount: 1_000, currency: 'usd' }, 'swk_sim_2');
    assert.equal(reused.status, 400);
    assert.equal(((await reused.json()) as Json).error?.type, 'idempotency_error');
    assert.equal((await charge(backend, SEED_TOKEN_IDS.active, { amount: 6_000, currency: 'usd' }, 'swk_sim_3')).status, 200);
    const spent = await tokenOf(backend, SEED_TOKEN_IDS.active);
    assert.equal(spent.deactivated_reason, 'consumed');
    assert.deepEqual(spent.usage_details, { amount_captured: { value: 10_000, currency: 'usd' } });
    assert.deepEqual(
      published.map((e) => e.type),
      ['payment_intent.succeeded', 'shared_payment.granted_token.used', 'payment_intent.succeeded', 'shared_payment.granted_token.used', 'shared_payment.granted_token.deactivated'],
    );
  });

  it('refuses what the token cannot pay, as stripe mode does: over the limit, another currency, revoked, used up, expired', async () => {
    const { backend, published, advance } = setup();
    const refused = async (id: string, body: unknown) => {
      const response = await charge(backend, id, body, `swk_${id}_${JSON.stringify(body)}`);
      assert.equal(response.status, 400, `${id} ${JSON.stringify(body)}`);
      return ((await response.json()) as Json).error?.code;
    };
    assert.equal(await refused(SEED_TOKEN_IDS.active, { amount: 10_001, currency: 'usd' }), 'amount_too_large');
    assert.equal(await refused(SEED_TOKEN_IDS.expiring, { amount: 100, currency: 'usd' }), 'shared_payment_token_currency_mismatch');
    assert.equal(await refused(SEED_TOKEN_IDS.revoked, { amount: 100, currency: 'usd' }), 'shared_payment_token_inactive');
    assert.equal(await refused(SEED_TOKEN_IDS.used, { amount: 100, currency: 'usd' }), 'shared_payment_token_inactive');
    advance(121);
    assert.equal(await refused(SEED_TOKEN_IDS.expiring, { amount: 100, currency: 'jpy' }), 'shared_payment_token_inactive');
    assert.deepEqual(published.map((e) => e.type), ['shared_payment.granted_token.deactivated'], 'only the expiry Stripe would have sent anyway');
  });

  it("declines a token made from Stripe's declining test card: 402 card_error, payment_intent.payment_failed, the same answer on retry", async () => {
    const { backend, published } = setup();
    const granted = (await (
      await call(backend, '/simulator/shared_payment/granted_tokens', post({ payment_method: 'pm_card_chargeDeclined', usage_limits: { currency: 'usd', max_amount: 5_000 } }))
    ).json()) as Json;
    const declined = await charge(backend, String(granted.id), { amount: 1_000, currency: 'usd' }, 'swk_decline');
    assert.equal(declined.status, 402);
    const body = (await declined.json()) as Json;
    assert.deepEqual(body.error, { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' });
    const retry = await charge(backend, String(granted.id), { amount: 1_000, currency: 'usd' }, 'swk_decline');
    assert.equal(retry.status, 402);
    assert.deepEqual(await retry.json(), body);
    assert.deepEqual(published.map((e) => e.type), ['payment_intent.payment_failed']);
    assert.deepEqual((await tokenOf(backend, String(granted.id))).usage_details, { amount_captured: { value: 0, currency: 'usd' } });
  });
});
