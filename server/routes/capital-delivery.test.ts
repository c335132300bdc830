import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it, mock } from 'node:test';
import { createBackend } from '../app.js';
import type { BackendOptions } from '../context.js';
import type { PublishedEvent } from '../event-hub.js';
import { CONNECTED_ACCOUNT, offerBody } from '../test-support/capital.js';
import { call, startFakeStripeApi, type RecordedRequest } from '../test-support/fake-stripe-api.js';
import { capitalRoutes } from './capital.js';

// Seed 000: the platform marks an offer delivered once it reached the user
// (`POST /v1/capital/financing_offers/{id}/mark_delivered`), through the backend the card calls.

type Json = Record<string, unknown> & { error?: { code?: string; message?: string; type?: string } };

const CONNECTED = CONNECTED_ACCOUNT;
/** An offer Stripe has just made: undelivered. */
const newOffer = (id: string, fields: Record<string, unknown> = {}) => offerBody(id, { status: 'undelivered', ...fields });

const post = (key?: string) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...(key && { 'Idempotency-Key': key }) },
  body: '{}',
});

describe('POST /capital/financing_offers/:id/mark_delivered, stripe mode', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  before(async () => {
    fake = await startFakeStripeApi([
      (r) => (r.method === 'GET' && r.path === '/v1/capital/financing_offers/financingoffer_new' ? { body: newOffer('financingoffer_new', { metadata: { user: 'me' } }) } : undefined),
      (r) =>
        r.method === 'POST' && r.path === '/v1/capital/financing_offers/financingoffer_new/mark_delivered'
          ? { body: newOffer('financingoffer_new', { status: 'delivered', metadata: { user: 'me' } }) }
          : undefined,
      (r) => (r.method === 'GET' && r.path === '/v1/capital/financing_offers/financingoffer_delivered' ? { body: offerBody('financingoffer_delivered') } : undefined),
      (r) =>
        r.method === 'POST' && r.path === '/v1/capital/financing_offers/financingoffer_delivered/mark_delivered'
          ? { status: 400, body: { error: { type: 'invalid_request_error', message: 'This financing offer was already delivered.' } } }
          : undefined,
      (r) => (r.method === 'GET' && r.path === '/v1/capital/financing_offers/financingoffer_other' ? { body: newOffer('financingoffer_other', { account: 'acct_other' }) } : undefined),
    ]);
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
  });
  const backend = (options: BackendOptions = {}) => fake.backend({ resolveStripeAccount: () => CONNECTED, ...options }, [capitalRoutes]);
  const posts = (): RecordedRequest[] => fake.requests.filter((r) => r.method === 'POST');

  it('retrieves the offer, then marks it delivered as the platform with the preview version and a scoped key', async () => {
    const response = await call(backend(), '/capital/financing_offers/financingoffer_new/mark_delivered', post('swk_key_1'));
    assert.equal(response.status, 200);
    const body = (await response.json()) as Json;
    assert.equal(body.id, 'financingoffer_new');
    assert.equal(body.status, 'delivered');
    assert.deepEqual(
      fake.requests.map((r) => `${r.method} ${r.path}`),
      ['GET /v1/capital/financing_offers/financingoffer_new', 'POST /v1/capital/financing_offers/financingoffer_new/mark_delivered'],
    );
    const sent = posts()[0]!;
    assert.equal(sent.headers['stripe-version'], '2025-11-17.preview');
    assert.equal(sent.headers['stripe-account'], undefined, 'Capital is a platform API');
    assert.match(String(sent.headers['idempotency-key']), /^capdeliver:[0-9a-f]{32}:swk_key_1$/);
    assert.equal(sent.form.toString(), '', 'mark_delivered takes no parameters');
  });

  it("scopes the key per caller: another account's request with the same key gets another Stripe key", async () => {
    await call(backend(), '/capital/financing_offers/financingoffer_new/mark_delivered', post('swk_same'));
    await call(backend(), '/capital/financing_offers/financingoffer_new/mark_delivered', post('swk_same'));
    const mine = posts().map((r) => r.headers['idempotency-key']);
    assert.equal(mine[0], mine[1], 'a retry of the same action sends the same key');
    fake.requests.length = 0;
    await call(backend({ resolveCustomer: () => 'cus_someone_else' }), '/capital/financing_offers/financingoffer_new/mark_delivered', post('swk_same'));
    assert.notEqual(posts()[0]!.headers['idempotency-key'], mine[0]);
  });

  it('never marks an offer the user may not see: 404, and no POST reaches Stripe', async () => {
    const response = await call(backend({ authorize: () => false }), '/capital/financing_offers/financingoffer_new/mark_delivered', post('swk_key_2'));
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as Json).error?.code, 'resource_missing');
    assert.equal(posts().length, 0);
  });

  it('answers 500 when authorize throws, and no POST reaches Stripe', async () => {
    const logged = mock.method(console, 'error', () => {});
    try {
      const response = await call(backend({ authorize: () => Promise.reject(new Error('session store down')) }), '/capital/financing_offers/financingoffer_new/mark_delivered', post('swk_key_throw'));
      assert.equal(response.status, 500);
    } finally {
      logged.mock.restore();
    }
    assert.equal(posts().length, 0);
  });

  it("never marks another connected account's offer", async () => {
    const response = await call(backend(), '/capital/financing_offers/financingoffer_other/mark_delivered', post('swk_key_3'));
    assert.equal(response.status, 404);
    assert.equal(posts().length, 0);
  });

  it('asks authorize about the whole offer, metadata included', async () => {
    const seen: Record<string, unknown>[] = [];
    await call(backend({ authorize: (_r, object) => (seen.push(object), true) }), '/capital/financing_offers/financingoffer_new/mark_delivered', post('swk_key_4'));
    assert.deepEqual(seen[0]?.metadata, { user: 'me' });
  });

  it('needs an Idempotency-Key, and refuses a malformed id, before calling Stripe', async () => {
    const missing = await call(backend(), '/capital/financing_offers/financingoffer_new/mark_delivered', post());
    assert.equal(missing.status, 400);
    assert.equal(((await missing.json()) as Json).error?.code, 'idempotency_key_missing');
    const odd = await call(backend(), `/capital/financing_offers/${encodeURIComponent('x/../../v1/charges')}/mark_delivered`, post('swk_key_5'));
    assert.equal(odd.status, 404);
    assert.equal(fake.requests.length, 0);
  });

  it("passes Stripe's refusal through", async () => {
    const response = await call(backend(), '/capital/financing_offers/financingoffer_delivered/mark_delivered', post('swk_key_6'));
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as Json).error?.message, 'This financing offer was already delivered.');
  });
});

describe('POST /capital/financing_offers/:id/mark_delivered, simulator', () => {
  const setup = () => {
    const backend = createBackend({}, [capitalRoutes]);
    const published: PublishedEvent[] = [];
    backend.hub.subscribe((e) => published.push(e));
    return { backend, published };
  };
  const newOffer = async (backend: ReturnType<typeof createBackend>, body: Record<string, unknown> = {}) => {
    const response = await call(backend, '/simulator/capital/financing_offers', { ...post(), body: JSON.stringify(body) });
    assert.equal(response.status, 200);
    return (await response.json()) as Json;
  };

  it('creates an undelivered offer (capital.financing_offer.created), then marks it delivered without an event', async () => {
    const { backend, published } = setup();
    const offer = await newOffer(backend, { advanceAmount: 250_000 });
    assert.equal(offer.status, 'undelivered');
    assert.equal((offer.offered_terms as Json).advance_amount, 250_000);
    assert.deepEqual(published, [{ type: 'capital.financing_offer.created', id: offer.id, object: 'capital.financing_offer' }]);

    const response = await call(backend, `/capital/financing_offers/${String(offer.id)}/mark_delivered`, post('swk_sim_1'));
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as Json).status, 'delivered');
    assert.equal(((await (await call(backend, `/capital/financing_offers/${String(offer.id)}`)).json()) as Json).status, 'delivered');
    assert.equal(published.length, 1, 'Stripe sends no event for mark_delivered');
  });

  it('replays the first answer for a retry with the same key; the key on another offer is another action', async () => {
    const { backend } = setup();
    const offer = await newOffer(backend);
    const first = await call(backend, `/capital/financing_offers/${String(offer.id)}/mark_delivered`, post('swk_sim_2'));
    const retry = await call(backend, `/capital/financing_offers/${String(offer.id)}/mark_delivered`, post('swk_sim_2'));
    assert.equal(retry.status, 200);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await retry.json(), await first.json());
    const other = await newOffer(backend);
    // The key is scoped by the offer (as in stripe mode), so it cannot replay the first offer's answer.
    const reused = await call(backend, `/capital/financing_offers/${String(other.id)}/mark_delivered`, post('swk_sim_2'));
    assert.equal(reused.status, 200);
    assert.equal(reused.headers.get('idempotent-replayed'), null);
    assert.equal(((await reused.json()) as Json).id, other.id);
  });

  it('refuses, as Stripe does, to mark an offer that is not undelivered', async () => {
    const { backend } = setup();
    for (const id of ['financingoffer_status_delivered', 'financingoffer_status_accepted', 'financingoffer_abc123']) {
      const response = await call(backend, `/capital/financing_offers/${id}/mark_delivered`, post(`swk_${id}`));
      assert.equal(response.status, 400, id);
      assert.match(String(((await response.json()) as Json).error?.message), /Only an undelivered financing offer/);
    }
    assert.equal((await call(backend, '/capital/financing_offers/financingoffer_nope/mark_delivered', post('swk_nope'))).status, 404);
  });

  it('has no create-offer control in stripe mode', async () => {
    const fake = await startFakeStripeApi([]);
    try {
      const response = await call(fake.backend({}, [capitalRoutes]), '/simulator/capital/financing_offers', post());
      assert.equal(response.status, 404);
    } finally {
      await fake.close();
    }
  });
});
