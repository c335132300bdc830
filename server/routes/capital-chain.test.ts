import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createBackend } from '../app.js';
import type { AuthorizeObject, BackendOptions } from '../context.js';
import { CONNECTED_ACCOUNT, offerBody } from '../test-support/capital.js';
import { call, startFakeStripeApi } from '../test-support/fake-stripe-api.js';
import { capitalRoutes } from './capital.js';

// One round trip: the backend walks a replacement chain (authorizing each offer) and answers with the
// replacements expanded in place of their ids, as Stripe's `expand` does.

type Offer = Record<string, unknown> & { id: string; replacement?: unknown; replacement_for?: unknown };

const CONNECTED = CONNECTED_ACCOUNT;
/** A replaced offer of the user's (`metadata.user`), unless `fields` say otherwise. */
const replaced = (id: string, fields: Record<string, unknown> = {}): Offer => offerBody(id, { status: 'replaced', metadata: { user: 'me' }, ...fields });

/** a → b → c → d: three replacements, each offer naming the next and the previous by id, as Stripe stores them. */
const chain = [
  replaced('financingoffer_a', { replacement: 'financingoffer_b' }),
  replaced('financingoffer_b', { replacement: 'financingoffer_c', replacement_for: 'financingoffer_a' }),
  replaced('financingoffer_c', { replacement: 'financingoffer_d', replacement_for: 'financingoffer_b' }),
  replaced('financingoffer_d', { status: 'delivered', replacement_for: 'financingoffer_c' }),
];

/** The ids along `field`, following expanded objects only (a plain id ends the walk and is listed as `id:`). */
function walk(offer: Offer, field: 'replacement' | 'replacement_for'): string[] {
  const ids: string[] = [];
  let ref = offer[field];
  while (ref) {
    if (typeof ref === 'string') return [...ids, `id:${ref}`];
    ids.push((ref as Offer).id);
    ref = (ref as Offer)[field];
  }
  return ids;
}

describe('GET /capital/financing_offers/:id expands the replacement chain, stripe mode', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  let offers: Offer[] = chain;
  before(async () => {
    fake = await startFakeStripeApi([
      (r) => {
        const id = /^\/v1\/capital\/financing_offers\/(financingoffer_\w+)$/.exec(r.path)?.[1];
        const found = offers.find((offer) => offer.id === id);
        return r.method === 'GET' && found ? { body: found } : undefined;
      },
    ]);
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    offers = chain;
  });
  const backend = (options: BackendOptions = {}) => fake.backend({ resolveStripeAccount: () => CONNECTED, ...options }, [capitalRoutes]);
  const get = async (b: ReturnType<typeof backend>, id: string) => {
    const response = await call(b, `/capital/financing_offers/${id}`);
    assert.equal(response.status, 200);
    return (await response.json()) as Offer;
  };

  it('answers the first offer with every replacement expanded in place, up to the live one', async () => {
    const first = await get(backend(), 'financingoffer_a');
    assert.equal(first.id, 'financingoffer_a');
    assert.deepEqual(walk(first, 'replacement'), ['financingoffer_b', 'financingoffer_c', 'financingoffer_d']);
    const live = ((first.replacement as Offer).replacement as Offer).replacement as Offer;
    assert.equal(live.status, 'delivered');
    assert.equal(live.replacement_for, 'financingoffer_c', 'an expanded offer names the one before it by id: no cycles');
    assert.equal(first.replacement_for, null);
    assert.deepEqual(
      fake.requests.map((r) => r.path.replace('/v1/capital/financing_offers/', '')),
      ['financingoffer_a', 'financingoffer_b', 'financingoffer_c', 'financingoffer_d'],
    );
  });

  it('answers the live offer with the offers it replaced expanded backwards', async () => {
    const live = await get(backend(), 'financingoffer_d');
    assert.deepEqual(walk(live, 'replacement_for'), ['financingoffer_c', 'financingoffer_b', 'financingoffer_a']);
    assert.equal(live.replacement, null);
  });

  it('expands a middle offer both ways', async () => {
    const middle = await get(backend(), 'financingoffer_b');
    assert.deepEqual(walk(middle, 'replacement'), ['financingoffer_c', 'financingoffer_d']);
    assert.deepEqual(walk(middle, 'replacement_for'), ['financingoffer_a']);
  });

  it('asks authorize about every offer of the chain, and leaves one it denies as a plain id', async () => {
    const asked: string[] = [];
    const authorize: AuthorizeObject = (_request, object) => {
      asked.push(object.id);
      return object.id !== 'financingoffer_c';
    };
    const first = await get(backend({ authorize }), 'financingoffer_a');
    assert.deepEqual(walk(first, 'replacement'), ['financingoffer_b', 'id:financingoffer_c']);
    assert.ok(!JSON.stringify(first).includes('"financingoffer_d"'), 'nothing past the denied offer is revealed');
    assert.deepEqual(asked, ['financingoffer_a', 'financingoffer_b', 'financingoffer_c']);
  });

  it("leaves another account's offer, and one Stripe cannot find, as plain ids", async () => {
    offers = [
      replaced('financingoffer_a', { replacement: 'financingoffer_x' }),
      replaced('financingoffer_x', { account: 'acct_other', status: 'delivered', replacement_for: 'financingoffer_a' }),
      replaced('financingoffer_lost', { status: 'delivered', replacement_for: 'financingoffer_gone' }),
    ];
    assert.deepEqual(walk(await get(backend(), 'financingoffer_a'), 'replacement'), ['id:financingoffer_x']);
    assert.deepEqual(walk(await get(backend(), 'financingoffer_lost'), 'replacement_for'), ['id:financingoffer_gone']);
  });

  it('stops at a loop and at an offer that does not name the newer one back', async () => {
    offers = [
      replaced('financingoffer_p', { replacement: 'financingoffer_q' }),
      replaced('financingoffer_q', { replacement: 'financingoffer_p', replacement_for: 'financingoffer_p' }),
      replaced('financingoffer_new', { status: 'delivered', replacement_for: 'financingoffer_stranger' }),
      replaced('financingoffer_stranger', { replacement: 'financingoffer_someone_else' }),
    ];
    const looped = await get(backend(), 'financingoffer_p');
    assert.deepEqual(walk(looped, 'replacement'), ['financingoffer_q', 'id:financingoffer_p']);
    assert.deepEqual(walk(await get(backend(), 'financingoffer_new'), 'replacement_for'), ['id:financingoffer_stranger']);
  });

  it('walks at most five replacements each way', async () => {
    const ids = Array.from({ length: 9 }, (_, i) => `financingoffer_long_${i}`);
    offers = ids.map((id, i) => replaced(id, { replacement: ids[i + 1] ?? null, replacement_for: ids[i - 1] ?? null, ...(i === 8 && { status: 'delivered' }) }));
    const first = await get(backend(), ids[0]!);
    assert.deepEqual(walk(first, 'replacement'), [...ids.slice(1, 6), `id:${ids[6]}`]);
  });
});

describe('GET /capital/financing_offers expands the current offer too, simulator', () => {
  it("answers the account's current offer with the offer it replaced expanded, and the card's one request suffices", async () => {
    const backend = createBackend({}, [capitalRoutes]);
    const current = (await (await call(backend, '/capital/financing_offers')).json()) as Offer;
    assert.equal(current.id, 'financingoffer_xyz456');
    assert.equal((current.replacement_for as Offer).id, 'financingoffer_abc123');
    assert.equal((current.replacement_for as Offer).replacement, 'financingoffer_xyz456');
  });
});
