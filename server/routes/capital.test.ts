import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it, mock } from 'node:test';
import { createBackend } from '../app.js';
import type { BackendOptions } from '../context.js';
import type { PublishedEvent } from '../event-hub.js';
import { JPY_OFFER_ID, LIVE_OFFER_ID, STORY_OFFER_ID, STORY_REPLACEMENT_ID } from '../simulator/capital.js';
import { offerBody, CONNECTED_ACCOUNT } from '../test-support/capital.js';
import { call, startFakeStripeApi, type RecordedRequest } from '../test-support/fake-stripe-api.js';
import { capitalRoutes, pickCurrentOffer } from './capital.js';

type Json = Record<string, unknown> & { error?: { code?: string; message?: string; type?: string } };

const CONNECTED = CONNECTED_ACCOUNT;

/**
 * Stripe's list, as the platform sees it: every connected account's offers, newest first, filtered by
 * `connected_account` and paged by `limit` / `starting_after` (the fake itself refuses unknown params,
 * a limit over 100 and a call without a preview Stripe-Version).
 */
function listOffers(all: Array<ReturnType<typeof offerBody>>, r: RecordedRequest, { filters = true } = {}) {
  const account = r.query.get('connected_account');
  const mine = all.filter((offer) => !filters || !account || offer.account === account);
  const after = r.query.get('starting_after');
  const start = after ? mine.findIndex((offer) => offer.id === after) + 1 : 0;
  const limit = Number(r.query.get('limit') ?? 10);
  return { body: { object: 'list', url: '/v1/capital/financing_offers', data: mine.slice(start, start + limit), has_more: start + limit < mine.length } };
}

describe('capital routes, stripe mode', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  let platformOffers: Array<ReturnType<typeof offerBody>> = [];
  /** Whether the fake's list honours `connected_account`; off, the route's own filter is all there is. */
  let listFilters = true;
  before(async () => {
    fake = await startFakeStripeApi([
      (r) => (r.path === '/v1/capital/financing_offers/financingoffer_abc123' ? { body: offerBody('financingoffer_abc123') } : undefined),
      (r) => (r.path === '/v1/capital/financing_offers/financingoffer_other' ? { body: offerBody('financingoffer_other', { account: 'acct_someone_else' }) } : undefined),
      (r) => (r.path === '/v1/capital/financing_offers' ? listOffers(platformOffers, r, { filters: listFilters }) : undefined),
    ]);
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    listFilters = true;
  });
  const backend = (options: BackendOptions = {}) => fake.backend({ resolveStripeAccount: () => CONNECTED, ...options }, [capitalRoutes]);
  const last = (): RecordedRequest => fake.requests.at(-1)!;
  /** An older offer of the account, then `count` newer offers of other accounts, newest first. */
  const crowdedPlatform = (count: number, mineFields: Record<string, unknown> = {}) => [
    ...Array.from({ length: count }, (_, i) => offerBody(`financingoffer_others_${i}`, { account: `acct_other_${i}`, created: 1_700_100_000 - i })),
    offerBody('financingoffer_mine', { created: 1_700_000_000, ...mineFields }),
  ];

  it('retrieves one offer as the platform, with the preview Stripe-Version', async () => {
    const response = await call(backend(), '/capital/financing_offers/financingoffer_abc123');
    assert.equal(response.status, 200);
    const body = (await response.json()) as Json;
    assert.equal(body.id, 'financingoffer_abc123');
    assert.equal(body.expires_after, 1_702_592_000.5);
    assert.equal('lastResponse' in body, false);
    assert.equal(last().method, 'GET');
    assert.equal(last().path, '/v1/capital/financing_offers/financingoffer_abc123');
    assert.equal(last().headers['stripe-version'], '2025-11-17.preview');
    assert.equal(last().headers['stripe-account'], undefined);
    assert.match(String(last().headers.authorization), /sk_test_fake/);
  });

  it('sends the preview version the site configures instead', async () => {
    await call(backend({ previewStripeVersions: { capital: '2026-10-28.preview' } }), '/capital/financing_offers/financingoffer_abc123');
    assert.equal(last().headers['stripe-version'], '2026-10-28.preview');
  });

  it("answers Stripe's 404 with the route's own, as for a denied offer", async () => {
    const response = await call(backend(), '/capital/financing_offers/financingoffer_missing');
    assert.equal(response.status, 404);
    const body = (await response.json()) as Json;
    assert.deepEqual(body.error, { type: 'invalid_request_error', code: 'resource_missing', message: 'No such financing offer' });
    // Stripe's answer, not the route's own guard: the request reached Stripe's retrieve path.
    assert.equal(last().path, '/v1/capital/financing_offers/financingoffer_missing');
  });

  it("hides another connected account's offer", async () => {
    const response = await call(backend(), '/capital/financing_offers/financingoffer_other');
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as Json).error?.code, 'resource_missing');
  });

  it('answers an id that is not an offer id like an unknown one (404), without calling Stripe', async () => {
    const before = fake.requests.length;
    const response = await call(backend(), `/capital/financing_offers/${encodeURIComponent('../../v1/charges')}`);
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'resource_missing');
    assert.equal(fake.requests.length, before);
  });

  it("lists the platform's offers filtered by connected_account, with no Stripe-Account header", async () => {
    platformOffers = [offerBody('financingoffer_someone', { account: 'acct_someone_else', created: 1_700_000_900 }), offerBody('financingoffer_live')];
    const response = await call(backend(), '/capital/financing_offers');
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as Json).id, 'financingoffer_live');
    assert.equal(last().path, '/v1/capital/financing_offers');
    assert.equal(last().query.get('connected_account'), CONNECTED);
    assert.equal(last().headers['stripe-account'], undefined);
    assert.equal(last().headers['stripe-version'], '2025-11-17.preview');
  });

  it('answers the newest actionable offer, not a newer replaced or expired one', async () => {
    platformOffers = [
      offerBody('financingoffer_new_replaced', { status: 'replaced', created: 1_700_000_900 }),
      offerBody('financingoffer_expired', { status: 'expired', created: 1_700_000_800 }),
      offerBody('financingoffer_live', { created: 1_700_000_500 }),
    ];
    const response = await call(backend(), '/capital/financing_offers');
    assert.equal(((await response.json()) as Json).id, 'financingoffer_live');
  });

  it('reads past the first page to find the offer', async () => {
    platformOffers = [...Array.from({ length: 150 }, (_, i) => offerBody(`financingoffer_old_${i}`, { status: 'expired', created: 1_700_000_000 - i })), offerBody('financingoffer_last', { created: 1_600_000_000 })];
    const response = await call(backend(), '/capital/financing_offers');
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as Json).id, 'financingoffer_last');
    const lists = fake.requests.filter((r) => r.path === '/v1/capital/financing_offers');
    assert.equal(lists.length, 2);
    assert.equal(lists[0]!.query.get('limit'), '100');
    assert.equal(lists[1]!.query.get('starting_after'), 'financingoffer_old_99');
  });

  it('stops after 10 pages of 100, answering the newest offer among those 1,000', async () => {
    platformOffers = Array.from({ length: 2500 }, (_, i) => offerBody(`financingoffer_expired_${i}`, { status: 'expired', created: 1_700_000_000 - i }));
    const response = await call(backend(), '/capital/financing_offers');
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as Json).id, 'financingoffer_expired_0');
    const lists = fake.requests.filter((r) => r.path === '/v1/capital/financing_offers');
    assert.equal(lists.length, 10);
    assert.equal(lists.at(-1)!.query.get('starting_after'), 'financingoffer_expired_899');
  });

  it("keeps only the account's own offers even when Stripe's list holds another account's (defence in depth)", async () => {
    listFilters = false;
    platformOffers = [offerBody('financingoffer_someone', { account: 'acct_someone_else', created: 1_700_000_900 }), offerBody('financingoffer_live')];
    const response = await call(backend(), '/capital/financing_offers');
    assert.equal(((await response.json()) as Json).id, 'financingoffer_live');
    platformOffers = [offerBody('financingoffer_someone', { account: 'acct_someone_else', created: 1_700_000_900 })];
    const none = await call(backend(), '/capital/financing_offers');
    assert.equal(none.status, 404);
    assert.equal(((await none.json()) as Json).error?.code, 'resource_missing');
  });

  it("filters by authorize before choosing: a user's older offer wins over a newer one they may not see", async () => {
    platformOffers = [
      offerBody('financingoffer_colleague', { created: 1_700_000_900, metadata: { user: 'colleague' } }),
      offerBody('financingoffer_mine', { created: 1_700_000_100, metadata: { user: 'me' } }),
    ];
    const authorize = (_request: Request, object: Record<string, unknown>) => (object.metadata as { user?: string } | undefined)?.user === 'me';
    const response = await call(backend({ authorize }), '/capital/financing_offers');
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as Json).id, 'financingoffer_mine');
  });

  it("answers 502, as the one-offer route does, when the current offer is one the card could not render", async () => {
    platformOffers = [offerBody('financingoffer_live', { offered_terms: 'terms' })];
    const logged = mock.method(console, 'error', () => {});
    try {
      const response = await call(backend(), '/capital/financing_offers');
      assert.equal(response.status, 502);
      assert.deepEqual(Object.keys(((await response.json()) as { error: Json }).error), ['message']);
      assert.match(String(logged.mock.calls[0]?.arguments[0]), /offered_terms: /);
    } finally {
      logged.mock.restore();
    }
  });

  it('answers 404 only when authorize leaves no offer', async () => {
    platformOffers = [offerBody('financingoffer_colleague', { metadata: { user: 'colleague' } })];
    const response = await call(backend({ authorize: () => false }), '/capital/financing_offers');
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as Json).error?.code, 'resource_missing');
  });

  it('answers 404 when the account has no offer', async () => {
    platformOffers = crowdedPlatform(3).filter((offer) => offer.id !== 'financingoffer_mine');
    const response = await call(backend(), '/capital/financing_offers');
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as Json).error?.code, 'resource_missing');
  });

  it("refuses to pick among every account's offers when the site names no connected account", async () => {
    platformOffers = crowdedPlatform(3);
    const response = await call(fake.backend({}, [capitalRoutes]), '/capital/financing_offers');
    assert.equal(response.status, 500);
    const body = (await response.json()) as Json;
    assert.match(String(body.error?.message), /resolveStripeAccount/);
    assert.equal(body.error?.type, undefined);
    assert.equal(fake.requests.length, 0);
  });

  it('answers 404 without calling Stripe when the user has no connected account', async () => {
    platformOffers = crowdedPlatform(3);
    const response = await call(fake.backend({ resolveStripeAccount: () => undefined }, [capitalRoutes]), '/capital/financing_offers');
    assert.equal(response.status, 404);
    assert.equal(fake.requests.length, 0);
  });

  it('has no simulator control in stripe mode', async () => {
    const response = await call(backend(), '/simulator/capital/replace', { method: 'POST', body: '{}' });
    assert.equal(response.status, 404);
  });
});

describe('the fake of Stripe refuses what Stripe refuses', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  before(async () => {
    fake = await startFakeStripeApi([(r) => (r.path === '/v1/capital/financing_offers' ? { body: { object: 'list', data: [], has_more: false } } : undefined)]);
  });
  after(() => fake.close());
  const get = (path: string, headers: Record<string, string> = { 'Stripe-Version': '2025-11-17.preview' }) =>
    fetch(`http://127.0.0.1:${fake.port}${path}`, { headers: { Authorization: 'Bearer sk_test_fake', ...headers } });

  it('answers an unknown URL with Stripe\'s 404', async () => {
    const response = await get('/v1/capital/financing_offer');
    assert.equal(response.status, 404);
    assert.match(String(((await response.json()) as Json).error?.message), /^Unrecognized request URL \(GET: \/v1\/capital\/financing_offer\)/);
  });

  it('refuses a preview API under the GA version', async () => {
    const response = await get('/v1/capital/financing_offers', { 'Stripe-Version': '2026-10-28.endive' });
    assert.equal(response.status, 400);
  });

  it('refuses a call without a required parameter', async () => {
    const response = await fetch(`http://127.0.0.1:${fake.port}/v1/financial_connections/sessions`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test_fake', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'permissions[0]=balances',
    });
    assert.equal(response.status, 400);
    const body = (await response.json()) as Json & { error?: { param?: string } };
    assert.equal(body.error?.code, 'parameter_missing');
    assert.equal(body.error?.param, 'account_holder[type]');
  });

  it('refuses an unknown parameter and a limit over 100', async () => {
    assert.equal((await get('/v1/capital/financing_offers?account=acct_1')).status, 400);
    assert.equal((await get('/v1/capital/financing_offers?limit=101')).status, 400);
    assert.equal((await get('/v1/capital/financing_offers?connected_account=acct_1&limit=100')).status, 200);
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
    // Each answer expands the other offer in place of its id (the chain in one request).
    assert.equal((old.replacement as Json).id, STORY_REPLACEMENT_ID);
    assert.equal((old.replacement as Json).replacement_for, STORY_OFFER_ID, 'no loop back: the expanded offer names the old one by id');
    assert.deepEqual((old.offered_terms as Json).advance_amount, 500000);
    assert.equal(replacement.status, 'delivered');
    assert.equal(replacement.financing_type, 'flex_loan');
    assert.equal((replacement.replacement_for as Json).id, STORY_OFFER_ID);
    assert.equal((replacement.replacement_for as Json).replacement, STORY_REPLACEMENT_ID);
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
    assert.equal((old.replacement as Json).id, replacement.id);
    const fresh = await get(backend, String(replacement.id));
    assert.equal(fresh.status, 'delivered');
    assert.equal((fresh.replacement_for as Json).id, LIVE_OFFER_ID);
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
