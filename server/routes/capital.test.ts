import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBackend } from '../app.js';
import type { PublishedEvent } from '../event-hub.js';
import { JPY_OFFER_ID, LIVE_OFFER_ID, STORY_OFFER_ID, STORY_REPLACEMENT_ID } from '../simulator/capital.js';
import { call, startFakeStripeApi, type RecordedRequest } from '../test-support/fake-stripe-api.js';
import { capitalRoutes, pickCurrentOffer } from './capital.js';

type Json = Record<string, unknown> & { error?: { code?: string; message?: string; type?: string } };

const offerBody = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  object: 'capital.financing_offer',
  account: 'acct_connected_1',
  status: 'delivered',
  financing_type: 'flex_loan',
  offered_terms: { currency: 'usd', advance_amount: 500000, fee_amount: 50000, withhold_rate: 0.15 },
  created: 1_700_000_000,
  expires_after: 1_702_592_000.5,
  replacement: null,
  replacement_for: null,
  ...fields,
});

describe('capital routes, stripe mode', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  let listReply: unknown[] = [];
  before(async () => {
    fake = await startFakeStripeApi([
      (r) => (r.path === '/v1/capital/financing_offers/financingoffer_abc123' ? { body: offerBody('financingoffer_abc123') } : undefined),
      (r) => (r.path === '/v1/capital/financing_offers/financingoffer_other' ? { body: offerBody('financingoffer_other', { account: 'acct_someone_else' }) } : undefined),
      (r) => (r.path === '/v1/capital/financing_offers' ? { body: { object: 'list', data: listReply, has_more: false } } : undefined),
    ]);
  });
  after(() => fake.close());
  const backend = () => fake.backend({ resolveStripeAccount: () => 'acct_connected_1' }, [capitalRoutes]);
  const last = (): RecordedRequest => fake.requests.at(-1)!;

  it('retrieves one offer from the preview endpoint as the connected account', async () => {
    const response = await call(backend(), '/capital/financing_offers/financingoffer_abc123');
    assert.equal(response.status, 200);
    const body = (await response.json()) as Json;
    assert.equal(body.id, 'financingoffer_abc123');
    assert.equal(body.expires_after, 1_702_592_000.5);
    assert.equal('lastResponse' in body, false);
    assert.equal(last().method, 'GET');
    assert.equal(last().path, '/v1/capital/financing_offers/financingoffer_abc123');
    assert.equal(last().headers['stripe-account'], 'acct_connected_1');
    assert.match(String(last().headers.authorization), /sk_test_fake/);
  });

  it('sends no Stripe-Account header when the site names no connected account', async () => {
    await call(fake.backend({}, [capitalRoutes]), '/capital/financing_offers/financingoffer_abc123');
    assert.equal(last().headers['stripe-account'], undefined);
  });

  it("passes Stripe's 404 body through with its status", async () => {
    const response = await call(backend(), '/capital/financing_offers/financingoffer_missing');
    assert.equal(response.status, 404);
    const body = (await response.json()) as Json;
    assert.equal(body.error?.code, 'resource_missing');
    assert.equal(body.error?.type, 'invalid_request_error');
    assert.equal(last().path, '/v1/capital/financing_offers/financingoffer_missing');
  });

  it("hides another account's offer", async () => {
    const response = await call(backend(), '/capital/financing_offers/financingoffer_other');
    assert.equal(response.status, 404);
  });

  it('answers an id that is not an offer id like an unknown one (404), without calling Stripe', async () => {
    const before = fake.requests.length;
    const response = await call(backend(), `/capital/financing_offers/${encodeURIComponent('../../v1/charges')}`);
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'resource_missing');
    assert.equal(fake.requests.length, before);
  });

  it('answers the current offer from the list, newest actionable first', async () => {
    listReply = [
      offerBody('financingoffer_new_replaced', { status: 'replaced', created: 1_700_000_900 }),
      offerBody('financingoffer_expired', { status: 'expired', created: 1_700_000_800 }),
      offerBody('financingoffer_live', { created: 1_700_000_500 }),
    ];
    const response = await call(backend(), '/capital/financing_offers');
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as Json).id, 'financingoffer_live');
    assert.equal(last().path, '/v1/capital/financing_offers');
    assert.equal(last().query.get('limit'), '20');
    assert.equal(last().headers['stripe-account'], 'acct_connected_1');
  });

  it('answers 404 when the account has no offer', async () => {
    listReply = [];
    const response = await call(backend(), '/capital/financing_offers');
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as Json).error?.code, 'resource_missing');
  });

  it('has no simulator control in stripe mode', async () => {
    const response = await call(backend(), '/simulator/capital/replace', { method: 'POST', body: '{}' });
    assert.equal(response.status, 404);
  });
});

describe('pickCurrentOffer', () => {
  it('falls back to the newest offer that was not replaced', () => {
    const picked = pickCurrentOffer([
      { id: 'a', status: 'paid_out', created: 1 },
      { id: 'b', status: 'expired', created: 3 },
      { id: 'c', status: 'replaced', created: 5 },
    ]);
    assert.equal(picked?.id, 'b');
  });
});

describe('capital routes, simulator mode', () => {
  const setup = () => {
    const backend = createBackend({}, [capitalRoutes]);
    const published: PublishedEvent[] = [];
    backend.hub.subscribe((e) => published.push(e));
    return { backend, published };
  };
  const get = async (backend: ReturnType<typeof createBackend>, id: string) =>
    (await (await call(backend, `/capital/financing_offers/${id}`)).json()) as Json;

  it("holds the seed's story: a replaced $5,000 offer and its $10,000 replacement, linked both ways", async () => {
    const { backend } = setup();
    const old = await get(backend, STORY_OFFER_ID);
    const replacement = await get(backend, STORY_REPLACEMENT_ID);
    assert.equal(old.status, 'replaced');
    assert.equal(old.replacement, STORY_REPLACEMENT_ID);
    assert.deepEqual((old.offered_terms as Json).advance_amount, 500000);
    assert.equal(replacement.status, 'delivered');
    assert.equal(replacement.financing_type, 'flex_loan');
    assert.equal(replacement.replacement_for, STORY_OFFER_ID);
    assert.equal((replacement.offered_terms as Json).advance_amount, 1000000);
  });

  it('holds offers in every status and a JPY offer', async () => {
    const { backend } = setup();
    const statuses = ['undelivered', 'delivered', 'accepted', 'accepted_other_offer', 'canceled', 'completed', 'expired', 'fully_repaid', 'paid_out', 'rejected', 'revoked'];
    for (const status of statuses) assert.equal((await get(backend, `financingoffer_status_${status}`)).status, status);
    const jpy = await get(backend, JPY_OFFER_ID);
    assert.deepEqual(jpy.offered_terms, { currency: 'jpy', advance_amount: 1000000, fee_amount: 100000, withhold_rate: 0.15, campaign_type: 'newly_eligible_user' });
  });

  it("answers the account's current offer and 404 for an unknown id", async () => {
    const { backend } = setup();
    const current = (await (await call(backend, '/capital/financing_offers')).json()) as Json;
    assert.equal(current.id, STORY_REPLACEMENT_ID);
    const missing = await call(backend, '/capital/financing_offers/financingoffer_nope');
    assert.equal(missing.status, 404);
  });

  it('replaces an offer and sends the signed replacement_created webhook through the verified path', async () => {
    const { backend, published } = setup();
    const response = await call(backend, '/simulator/capital/replace', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ offerId: LIVE_OFFER_ID }),
    });
    assert.equal(response.status, 200);
    const { replacement } = (await response.json()) as { replacement: Json };
    const old = await get(backend, LIVE_OFFER_ID);
    assert.equal(old.status, 'replaced');
    assert.equal(old.replacement, replacement.id);
    const fresh = await get(backend, String(replacement.id));
    assert.equal(fresh.status, 'delivered');
    assert.equal(fresh.replacement_for, LIVE_OFFER_ID);
    assert.equal((fresh.offered_terms as Json).advance_amount, 600000);
    assert.deepEqual(published, [{ type: 'capital.financing_offer.replacement_created', id: replacement.id, object: 'capital.financing_offer' }]);
  });

  it('refuses to replace an offer twice or an unknown one, and sends nothing', async () => {
    const { backend, published } = setup();
    const post = (offerId: string) =>
      call(backend, '/simulator/capital/replace', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ offerId }) });
    assert.equal((await post(STORY_OFFER_ID)).status, 400);
    assert.equal((await post('financingoffer_status_expired')).status, 400);
    assert.equal((await post('financingoffer_nope')).status, 404);
    assert.equal(published.length, 0);
  });
});
