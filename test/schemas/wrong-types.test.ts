import { expect } from '@open-wc/testing';
import { toJSONSchema } from 'zod';
import * as schemas from '../../src/schemas/index.js';
import { offer } from '../capital-offer-card/fixtures.js';
import { climateOrder } from '../climate-order-status/fixtures.js';
import { account, linked } from '../fc-link-account/fake-stripe.js';
import { paymentIntent, settledCharge } from '../payment-capture-status/fixtures.js';
import { grantedToken } from '../spt-token-status/fixtures.js';

type JsonSchema = { anyOf?: JsonSchema[]; properties?: Record<string, JsonSchema>; items?: JsonSchema };
type Schema = { safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } };
type Path = (string | number)[];

/** A value of each primitive type: a timestamp sent as a string, a string as a number, a flag. */
const WRONG: Record<'string' | 'number' | 'boolean', unknown> = { string: '1767225600', number: 1_767_225_600, boolean: true };

/** Fields Stripe sends in more than one primitive type: decimals as strings (a number tolerated), an expandable id as anything. */
const MAY_BE_EITHER = new Set(['metric_tons', 'destination']);

/** The branch of a (nested) `anyOf` that `has` picks, e.g. the object form of an expandable field. */
function branch(schema: JsonSchema, has: (schema: JsonSchema) => boolean): JsonSchema | undefined {
  if (has(schema)) return schema;
  for (const each of schema.anyOf ?? []) {
    const found = branch(each, has);
    if (found) return found;
  }
  return undefined;
}
const objectBranch = (schema: JsonSchema) => branch(schema, (s) => s.properties !== undefined);
const arrayBranch = (schema: JsonSchema) => branch(schema, (s) => s.items !== undefined);

/**
 * Every (path, wrong value) the schema must refuse. The fields are those the schema declares; the
 * right type of each is the one Stripe sends, as the valid `sample` holds it (never what the schema
 * says), so a schema that starts taking a timestamp as a string fails here. Nested objects and the
 * first item of arrays are walked too.
 */
function wrongFields(schema: JsonSchema, sample: unknown, path: Path = []): [Path, unknown][] {
  const found: [Path, unknown][] = [];
  for (const [name, property] of Object.entries(objectBranch(schema)?.properties ?? {})) {
    const at = [...path, name];
    const value = (sample as Record<string, unknown> | null)?.[name];
    const type = typeof value;
    if ((type === 'string' || type === 'number' || type === 'boolean') && !MAY_BE_EITHER.has(name)) {
      for (const [other, wrong] of Object.entries(WRONG)) if (other !== type) found.push([at, wrong]);
    }
    const object = objectBranch(property);
    const array = arrayBranch(property);
    if (object && value && type === 'object' && !Array.isArray(value)) found.push(...wrongFields(object, value, at));
    if (array?.items && Array.isArray(value) && value.length > 0) found.push(...wrongFields(array.items, value[0], [...at, 0]));
  }
  return found;
}

function withValue(sample: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(sample) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1)!] = value;
  return copy;
}

const CASES: [name: string, schema: Schema, sample: unknown][] = [
  ['capitalFinancingOfferSchema', schemas.capitalFinancingOfferSchema, offer('financingoffer_1', { charged_off_at: 1_770_000_000, replacement: 'financingoffer_2' })],
  [
    'climateOrderSchema',
    schemas.climateOrderSchema,
    climateOrder({
      // Every timestamp set, so that each is checked.
      canceled_at: 1_767_300_000,
      delayed_at: 1_767_300_000,
      delivered_at: 1_767_300_000,
      product_substituted_at: 1_767_300_000,
      cancellation_reason: 'requested',
      certificate: 'https://registry.example/certificate',
      product: { id: 'climsku_1', name: 'Frontier' },
      delivery_details: [{ delivered_at: 1_767_225_600, metric_tons: '0.25', location: { city: 'Oslo', country: 'NO', region: 'Oslo' }, supplier: { name: 'Climeworks', info_url: 'https://climeworks.com', removal_pathway: 'direct_air_capture' }, registry_url: 'https://registry.example' }],
    }),
  ],
  ['sharedPaymentGrantedTokenSchema', schemas.sharedPaymentGrantedTokenSchema, grantedToken({ deactivated_at: 1_767_300_000, deactivated_reason: 'revoked' })],
  [
    'paymentIntentSchema',
    schemas.paymentIntentSchema,
    paymentIntent({
      transfer_data: { destination: 'acct_dest' },
      application_fee_amount: 100,
      last_payment_error: { message: 'declined', code: 'card_declined' },
      latest_charge: settledCharge({
        transfer: { id: 'tr_1', object: 'transfer', amount: 900, currency: 'usd' },
        application_fee: { id: 'fee_1', object: 'application_fee', amount: 100, currency: 'usd' },
        application_fee_amount: 100,
        transfer_data: { destination: 'acct_dest' },
      }),
    }),
  ],
  ['fcSessionResultSchema', schemas.fcSessionResultSchema, linked([account()]).financialConnectionsSession],
];

describe('every schema refuses a wrong primitive type, field by field', () => {
  for (const [name, schema, sample] of CASES) {
    it(`${name}: a timestamp or amount as a string, a string as a number, a flag as a string`, () => {
      expect(schema.safeParse(sample).success, 'the sample itself is valid').to.equal(true);
      const wrong = wrongFields(toJSONSchema(schema as never) as JsonSchema, sample);
      expect(wrong.length, 'fields checked').to.be.greaterThan(5);
      for (const [path, value] of wrong) {
        const result = schema.safeParse(withValue(sample, path, value));
        const where = `${path.join('.')} = ${JSON.stringify(value)}`;
        expect(result.success, `${where} was accepted`).to.equal(false);
        // Inside a union (an expandable field) zod reports the union itself: an issue at the field or an ancestor.
        const at = (issue: { path: PropertyKey[] }) => issue.path.length > 0 && issue.path.every((key, i) => key === path[i]);
        expect(result.error!.issues.some(at), `${where}: an issue at that path`).to.equal(true);
      }
    });
  }

  it('covers the timestamps by name (so a schema that stopped declaring one would show here)', () => {
    const paths = (schema: Schema, sample: unknown) => wrongFields(toJSONSchema(schema as never) as JsonSchema, sample).map(([path]) => path.join('.'));
    const order = paths(CASES[1]![1], CASES[1]![2]);
    for (const field of ['created', 'confirmed_at', 'delayed_at', 'delivered_at', 'canceled_at', 'product_substituted_at', 'delivery_details.0.delivered_at']) {
      expect(order, field).to.include(field);
    }
    expect(paths(CASES[2]![1], CASES[2]![2])).to.include.members(['created', 'usage_limits.expires_at']);
    expect(paths(CASES[3]![1], CASES[3]![2])).to.include.members(['created', 'latest_charge.created']);
  });
});
