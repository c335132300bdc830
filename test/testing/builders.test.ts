import { expect } from '@open-wc/testing';
import type * as z from 'zod/mini';
import { requestJson } from '../../src/core/backend-client.js';
import { WidgetRequestError } from '../../src/core/errors.js';
import * as schemas from '../../src/schemas/index.js';
import * as builders from '../../src/testing/builders/index.js';

type Builder = (...args: never[]) => unknown;

/** Every builder with the schema its objects must pass, and overrides a test would make. */
const CASES: Record<string, { schema: z.ZodMiniType; overrides: unknown[][] }> = {
  capitalFinancingTerms: { schema: schemas.capitalFinancingTermsSchema, overrides: [[{ currency: 'jpy', advance_amount: 1_000_000 }], [{ withhold_rate: null }]] },
  capitalFinancingOffer: {
    schema: schemas.capitalFinancingOfferSchema,
    overrides: [[{ status: 'replaced', replacement: 'financingoffer_2' }], [{ offered_terms: null, expires_after: null }], [{ status: 'a_status_stripe_added_later' }]],
  },
  climateSupplier: { schema: schemas.climateProductSupplierSchema, overrides: [['Lithos', 'enhanced_weathering', 'Oakland', 'CA']] },
  climateProduct: { schema: schemas.climateProductSchema, overrides: [[{ metric_tons_available: '0' }], [{ current_prices_per_metric_ton: {}, suppliers: [] }]] },
  climateProductList: { schema: schemas.climateProductListSchema, overrides: [[builders.climateProduct(), builders.climateProduct({ id: 'climsku_2', name: null })]] },
  climateDeliveryDetail: { schema: schemas.climateDeliveryDetailSchema, overrides: [[{ supplier: null, location: null }]] },
  climateOrder: {
    schema: schemas.climateOrderSchema,
    overrides: [[{ status: 'delivered', delivered_at: 1_800_000_000, delivery_details: [builders.climateDeliveryDetail()] }], [{ status: 'canceled', cancellation_reason: 'requested', product: 'climsku_1' }]],
  },
  financialConnectionsSessionSecret: { schema: schemas.fcSessionSecretSchema, overrides: [[{ publishable_key: 'pk_test_123', stripe_account: 'acct_1' }]] },
  financialConnectionsAccount: { schema: schemas.fcAccountSchema, overrides: [[{ id: 'fca_2', subcategory: 'savings', last4: null }]] },
  financialConnectionsSession: { schema: schemas.fcSessionResultSchema, overrides: [[{ accounts: [] }], [{ accounts: [builders.financialConnectionsAccount(), builders.financialConnectionsAccount({ id: 'fca_2' })] }]] },
  financialConnectionsAccountDetails: {
    schema: schemas.fcAccountDetailsSchema,
    overrides: [[{ balance: null, balance_refresh: { status: 'pending', last_attempted_at: 1_800_000_000 } }], [{ ownership: null, ownership_refresh: { status: 'failed' } }]],
  },
  financialConnectionsAccountOwners: { schema: schemas.fcAccountOwnersSchema, overrides: [['Jenny Rosen', 'Kai Nakamura'], [null]] },
  sharedPaymentGrantedToken: { schema: schemas.sharedPaymentGrantedTokenSchema, overrides: [[{ deactivated_at: 1_751_500_000, deactivated_reason: 'revoked' }], [{ usage_limits: null }]] },
  sharedPaymentChargeIntent: {
    schema: schemas.paymentIntentSchema,
    overrides: [[{ status: 'requires_payment_method', amount_received: 0, last_payment_error: { code: 'card_declined', message: 'Your card was declined.' } }]],
  },
  balanceTransaction: { schema: schemas.balanceTransactionSchema, overrides: [[{ currency: 'jpy', fee: 36, net: 964 }]] },
  transfer: { schema: schemas.transferSchema, overrides: [[{ amount: null }]] },
  applicationFee: { schema: schemas.applicationFeeSchema, overrides: [[{ amount: 0 }]] },
  charge: { schema: schemas.chargeSchema, overrides: [[{ balance_transaction: builders.balanceTransaction(), transfer: builders.transfer(), application_fee: builders.applicationFee() }], [{ balance_transaction: 'txn_1' }]] },
  paymentIntent: { schema: schemas.paymentIntentSchema, overrides: [[{ status: 'requires_capture', capture_method: 'manual', latest_charge: null }], [{ latest_charge: 'ch_1' }]] },
};

/** Builders of other things than one object: checked below on their own. */
const NOT_OBJECTS = ['capitalFinancingOfferChain', 'expandCapitalFinancingOfferChain', 'stripeError'];

function issues(schema: z.ZodMiniType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('stripe-widget-kit/testing builders', () => {
  it('has a schema case for every builder it exports (a new builder must be added here)', () => {
    const exported = Object.keys(builders).filter((name) => !NOT_OBJECTS.includes(name));
    expect(exported.sort()).to.deep.equal(Object.keys(CASES).sort());
  });

  for (const [name, { schema, overrides }] of Object.entries(CASES)) {
    it(`${name}: the default and each override pass the widgets' schema`, () => {
      const build = (builders as unknown as Record<string, Builder>)[name]!;
      expect(issues(schema, build()), `${name}()`).to.deep.equal([]);
      for (const args of overrides) {
        const built = build(...(args as never[]));
        expect(issues(schema, built), `${name}(${JSON.stringify(args)})`).to.deep.equal([]);
        // An override is applied, not ignored (a builder that drops its arguments cannot pass).
        if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null && !Array.isArray(args[0])) {
          for (const [field, value] of Object.entries(args[0] as object)) expect((built as Record<string, unknown>)[field], `${name} ${field}`).to.deep.equal(value);
        }
      }
    });
  }

  it('builds a replacement chain the card can walk both ways, flat and expanded in place', () => {
    const chain = builders.capitalFinancingOfferChain(['financingoffer_a', 'financingoffer_b', 'financingoffer_c']);
    expect(chain.map((o) => [o.id, o.status, o.replacement, o.replacement_for, o.offered_terms?.advance_amount])).to.deep.equal([
      ['financingoffer_a', 'replaced', 'financingoffer_b', null, 500000],
      ['financingoffer_b', 'replaced', 'financingoffer_c', 'financingoffer_a', 600000],
      ['financingoffer_c', 'delivered', null, 'financingoffer_b', 700000],
    ]);
    for (const offer of chain) expect(issues(schemas.capitalFinancingOfferSchema, offer)).to.deep.equal([]);
    const expanded = builders.expandCapitalFinancingOfferChain(chain, 'financingoffer_b');
    expect(issues(schemas.capitalFinancingOfferSchema, expanded)).to.deep.equal([]);
    expect((expanded.replacement as { id: string }).id).to.equal('financingoffer_c');
    expect((expanded.replacement_for as { id: string; replacement: unknown }).id).to.equal('financingoffer_a');
    // The chain given is left as it was.
    expect(chain[1]!.replacement).to.equal('financingoffer_c');
    expect(() => builders.expandCapitalFinancingOfferChain(chain, 'financingoffer_x')).to.throw('No offer financingoffer_x');
  });

  it("stripeError is read as Stripe's refusal by the widgets' request code", async () => {
    const body = builders.stripeError({ code: 'card_declined', message: 'Your card was declined.' });
    const fetcher = async () => new Response(JSON.stringify(body), { status: 402, headers: { 'Content-Type': 'application/json' } });
    const failure = await requestJson({ url: '/api/x', method: 'POST', body: {}, schema: schemas.paymentIntentSchema, fetcher, idempotencyKey: 'k1', timeoutMs: 1000 }).catch((e: unknown) => e);
    expect(failure).to.be.instanceOf(WidgetRequestError);
    expect((failure as WidgetRequestError).error).to.deep.include({ kind: 'stripe', status: 402, code: 'card_declined', message: 'Your card was declined.' });
  });
});
