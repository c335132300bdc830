import { expect } from '@open-wc/testing';
import * as z from '../../src/core/schema.js';

const offer = z.looseObject({
  id: z.string(),
  amount: z.number(),
  status: z.string(),
  note: z.nullish(z.string()),
  kind: z.optional(z.literal('offer')),
  product: z.union([z.string(), z.object({ id: z.string() })]),
  items: z.array(z.object({ n: z.number() })),
  active: z.boolean(),
  anything: z.unknown(),
});

const valid = { id: 'o_1', amount: 500, status: 'new_status_stripe_added', product: 'prod_1', items: [{ n: 1 }], active: true, extra: { kept: true } };

describe('schema (zod/mini call shape)', () => {
  it('accepts a valid object and keeps unknown fields on loose objects', () => {
    const result = offer.safeParse(valid);
    expect(result.success).to.equal(true);
    expect(result.success && result.data).to.deep.equal(valid);
  });

  it('drops unknown fields on strict-shaped objects but keeps declared ones', () => {
    const result = z.object({ id: z.string() }).safeParse({ id: 'a', extra: 1 });
    expect(result.success && result.data).to.deep.equal({ id: 'a' });
  });

  it('reports the path and what was expected for a wrong type', () => {
    const result = offer.safeParse({ ...valid, items: [{ n: 1 }, { n: 'two' }] });
    expect(result.success).to.equal(false);
    if (!result.success) {
      expect(result.error.issues[0]!.path).to.deep.equal(['items', 1, 'n']);
      expect(result.error.issues[0]!.message).to.equal('Expected number, received string');
    }
  });

  it('rejects a missing required field, null where not nullable, NaN and non-objects', () => {
    expect(offer.safeParse({ ...valid, id: undefined }).success).to.equal(false);
    expect(offer.safeParse({ ...valid, amount: null }).success).to.equal(false);
    expect(offer.safeParse({ ...valid, amount: Number.NaN }).success).to.equal(false);
    expect(offer.safeParse([valid]).success).to.equal(false);
    expect(offer.safeParse(null).success).to.equal(false);
    expect(offer.safeParse('x').success).to.equal(false);
  });

  it('handles optional, nullable, nullish and literal', () => {
    expect(offer.safeParse({ ...valid, note: null }).success).to.equal(true);
    expect(offer.safeParse({ ...valid, kind: 'offer' }).success).to.equal(true);
    expect(offer.safeParse({ ...valid, kind: 'other' }).success).to.equal(false);
    expect(z.nullable(z.string()).safeParse(undefined).success).to.equal(false);
    expect(z.optional(z.string()).safeParse(null).success).to.equal(false);
  });

  it('tries each union option in order', () => {
    expect(offer.safeParse({ ...valid, product: { id: 'prod_2', name: 'x' } }).success).to.equal(true);
    expect(offer.safeParse({ ...valid, product: 42 }).success).to.equal(false);
  });
});
