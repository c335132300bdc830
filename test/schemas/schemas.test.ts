import { expect } from '@open-wc/testing';
import { toJSONSchema, type core } from 'zod';
import * as schemas from '../../src/schemas/index.js';
import { offer } from '../capital-offer-card/fixtures.js';
import { climateOrder } from '../climate-order-status/fixtures.js';
import { list, product } from '../climate-order-form/fixtures.js';
import { account, linked } from '../fc-link-account/fake-stripe.js';
import { balanceTransaction, paymentIntent, settledCharge } from '../payment-capture-status/fixtures.js';
import { grantedToken } from '../spt-token-status/fixtures.js';

const { capitalFinancingOfferSchema, climateOrderSchema, climateProductListSchema, fcAccountDetailsSchema, fcSessionResultSchema, paymentIntentSchema, sharedPaymentGrantedTokenSchema } = schemas;

/** Every zod schema `stripe-widget-kit/schemas` exports, by export name. */
const exported = Object.entries(schemas as Record<string, unknown>).filter(
  (entry): entry is [string, core.$ZodType] => typeof entry[1] === 'object' && entry[1] !== null && '_zod' in entry[1],
);

describe('stripe-widget-kit/schemas', () => {
  it('accepts Stripe-shaped objects of every widget, unknown fields kept', () => {
    const intent = paymentIntent({ latest_charge: settledCharge({ transfer: 'tr_1', application_fee: { id: 'fee_1', object: 'application_fee', amount: 100, currency: 'usd' } }) });
    const cases: [{ safeParse: (v: unknown) => { success: boolean; data?: unknown } }, unknown][] = [
      [capitalFinancingOfferSchema, offer('financingoffer_1')],
      [climateOrderSchema, climateOrder({ delivery_details: [{ delivered_at: 1_767_225_600, metric_tons: '0.25', location: { city: 'Oslo', country: 'NO', region: null }, supplier: { name: 'Climeworks', info_url: 'https://climeworks.com', removal_pathway: 'direct_air_capture' }, registry_url: null }] })],
      [sharedPaymentGrantedTokenSchema, grantedToken()],
      [paymentIntentSchema, intent],
      [fcSessionResultSchema, linked([account()]).financialConnectionsSession],
      [climateProductListSchema, list(product())],
      [
        fcAccountDetailsSchema,
        {
          ...account(),
          balance: { as_of: 1_767_225_600, cash: { available: { usd: 120_000 } }, current: { usd: 123_456, eur: 0 }, type: 'cash' },
          balance_refresh: { status: 'succeeded', last_attempted_at: 1_767_225_600, next_refresh_available_at: null },
        },
      ],
    ];
    for (const [schema, value] of cases) {
      const result = schema.safeParse(value);
      expect(result.success, JSON.stringify(value).slice(0, 80)).to.equal(true);
      expect(result.data).to.deep.equal(value);
    }
  });

  it('lets enum values Stripe adds later through as strings', () => {
    expect(climateOrderSchema.safeParse(climateOrder({ status: 'partially_delivered', cancellation_reason: 'a_new_reason' })).success).to.equal(true);
    expect(paymentIntentSchema.safeParse(paymentIntent({ status: 'requires_reauthorization', capture_method: 'automatic_later' })).success).to.equal(true);
    expect(capitalFinancingOfferSchema.safeParse(offer('financingoffer_1', { status: 'paused', financing_type: 'revenue_share' })).success).to.equal(true);
  });

  it('names the path of every field of the wrong type', () => {
    const order = climateOrder({
      amount_total: '15000',
      delivery_details: [{ metric_tons: '0.1' }, { metric_tons: { value: 1 } }],
    });
    const result = climateOrderSchema.safeParse(order);
    expect(result.success).to.equal(false);
    expect(result.error!.issues.map((issue) => issue.path)).to.deep.equal([['amount_total'], ['delivery_details', 1, 'metric_tons']]);
    expect(result.error!.issues.map((issue) => issue.code)).to.deep.equal(['invalid_type', 'invalid_union']);
  });

  it('names the currency of a price or balance of the wrong type', () => {
    const prices = schemas.climateProductSchema.safeParse(product({ current_prices_per_metric_ton: { usd: { amount_total: '56650' } } }));
    expect(prices.error!.issues.map((issue) => issue.path)).to.deep.equal([['current_prices_per_metric_ton', 'usd', 'amount_total']]);
    const balance = fcAccountDetailsSchema.safeParse({ id: 'fca_1', balance: { current: { usd: 1, jpy: '100' } } });
    expect(balance.error!.issues.map((issue) => issue.path)).to.deep.equal([['balance', 'current', 'jpy']]);
  });

  it('rejects a missing required field, null where Stripe never sends one, and a non-object', () => {
    expect(paymentIntentSchema.safeParse(paymentIntent({ currency: undefined })).success).to.equal(false);
    expect(paymentIntentSchema.safeParse(paymentIntent({ latest_charge: settledCharge({ balance_transaction: balanceTransaction({ fee: null }) }) })).success).to.equal(false);
    expect(sharedPaymentGrantedTokenSchema.safeParse([grantedToken()]).success).to.equal(false);
  });

  it('works as a Standard Schema (tRPC, Hono and other validators take it)', async () => {
    const standard = paymentIntentSchema['~standard'];
    expect(standard.vendor).to.equal('zod');
    const ok = await standard.validate(paymentIntent());
    expect('value' in ok && ok.value).to.deep.equal(paymentIntent());
    const failed = await standard.validate(paymentIntent({ amount: 'ten' }));
    expect('issues' in failed && failed.issues?.map((issue) => issue.path)).to.deep.equal([['amount']]);
  });

  it('converts every exported schema to JSON Schema with zod\'s toJSONSchema', () => {
    expect(exported.map(([name]) => name)).to.include.members([
      'capitalFinancingOfferSchema',
      'climateOrderSchema',
      'sharedPaymentGrantedTokenSchema',
      'paymentIntentSchema',
      'chargeSchema',
      'fcSessionResultSchema',
      'fcSessionSecretSchema',
    ]);
    for (const [name, schema] of exported) {
      const json = toJSONSchema(schema) as { $schema?: string; type?: string; anyOf?: unknown[] };
      expect(json.$schema, name).to.equal('https://json-schema.org/draft/2020-12/schema');
      expect(json.type === 'object' || Array.isArray(json.anyOf), name).to.equal(true);
    }
    const order = toJSONSchema(climateOrderSchema) as { required: string[]; additionalProperties: unknown; properties: Record<string, { type?: unknown }> };
    expect(order.required).to.deep.equal(['id', 'status']);
    // Open: unknown fields pass, and status is any string (not a closed enum).
    expect(order.additionalProperties).to.deep.equal({});
    expect(order.properties.status!.type).to.equal('string');
    expect(order.properties.expected_delivery_year!.type).to.deep.equal(['number', 'null']);
  });
});
