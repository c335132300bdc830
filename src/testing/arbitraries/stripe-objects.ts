// Stripe objects the widgets read, as the API may send them: every documented enum value and later
// ones, optional fields absent, nullable ones null, and the edge values of edges.ts. Each is accepted
// by the widget's schema (server/validate-object.test.ts checks that with these same generators).
import fc from 'fast-check';
import { amount, currency, decimal, enumOf, fraction, futureField, id, orNull, text, unixSeconds, url, year } from './edges.js';

/** Stripe's documented values (API reference), independent of the widgets' wording tables. */
export const KNOWN = {
  capitalStatus: ['undelivered', 'delivered', 'accepted', 'accepted_other_offer', 'canceled', 'completed', 'expired', 'fully_repaid', 'paid_out', 'rejected', 'replaced', 'revoked'],
  capitalFinancingType: ['cash_advance', 'flex_loan', 'fixed_term_loan'],
  capitalProductType: ['refill', 'standard'],
  climateStatus: ['open', 'awaiting_funds', 'confirmed', 'delivered', 'canceled'],
  climateCancellationReason: ['expired', 'product_unavailable', 'requested'],
  climateRemovalPathway: ['biomass_carbon_removal_and_storage', 'direct_air_capture', 'enhanced_weathering', 'marine_carbon_removal'],
  sptDeactivatedReason: ['consumed', 'expired', 'resolved', 'revoked'],
  sptPaymentMethodType: ['card'],
  cardBrand: ['amex', 'diners', 'discover', 'eftpos_au', 'jcb', 'link', 'mastercard', 'unionpay', 'visa', 'unknown'],
  paymentIntentStatus: ['requires_payment_method', 'requires_confirmation', 'requires_action', 'processing', 'requires_capture', 'canceled', 'succeeded'],
  captureMethod: ['automatic', 'automatic_async', 'manual'],
  paymentIntentCancellationReason: ['abandoned', 'automatic', 'duplicate', 'expired', 'failed_invoice', 'fraudulent', 'requested_by_customer', 'void_invoice'],
  chargeStatus: ['succeeded', 'pending', 'failed'],
  fcCategory: ['cash', 'credit', 'investment', 'other'],
  fcSubcategory: ['checking', 'savings', 'mortgage', 'line_of_credit', 'credit_card', 'other'],
  fcStatus: ['active', 'inactive', 'disconnected'],
  fcRefreshStatus: ['failed', 'pending', 'succeeded'],
} as const;

type Json = Record<string, unknown>;

/** A record whose `required` keys are always there and whose other keys may be left out. */
function stripeRecord(model: Record<string, fc.Arbitrary<unknown>>, required: string[]): fc.Arbitrary<Json> {
  const withFuture: Record<string, fc.Arbitrary<unknown>> = { ...model, future_field: futureField };
  return fc.record(withFuture, { requiredKeys: required as never[] }) as fc.Arbitrary<Json>;
}

/** An expandable field: null, the id, or the expanded object. */
const expandable = (prefix: string, object: fc.Arbitrary<Json>) => fc.oneof(fc.constant(null), id(prefix), object);

const capitalTerms = stripeRecord(
  { currency: orNull(currency), advance_amount: orNull(amount), fee_amount: orNull(amount), withhold_rate: orNull(fraction) },
  [],
);

export const capitalFinancingOffer: fc.Arbitrary<Json> = stripeRecord(
  {
    id: id('financingoffer'),
    object: fc.constant('capital.financing_offer'),
    account: orNull(id('acct')),
    status: enumOf(KNOWN.capitalStatus),
    financing_type: orNull(enumOf(KNOWN.capitalFinancingType)),
    product_type: orNull(enumOf(KNOWN.capitalProductType)),
    offered_terms: orNull(capitalTerms),
    accepted_terms: orNull(capitalTerms),
    created: orNull(unixSeconds),
    expires_after: orNull(unixSeconds),
    charged_off_at: orNull(unixSeconds),
    replacement: orNull(id('financingoffer')),
    replacement_for: orNull(id('financingoffer')),
  },
  ['id', 'object', 'status'],
);

const climateDelivery = stripeRecord(
  {
    delivered_at: orNull(unixSeconds),
    metric_tons: orNull(decimal),
    registry_url: orNull(url),
    location: orNull(stripeRecord({ city: orNull(text), region: orNull(text), country: orNull(fc.oneof(fc.constantFrom('CA', 'US', 'JP', 'XX', 'ca', 'ZZZ'), text)) }, [])),
    supplier: orNull(stripeRecord({ name: orNull(text), info_url: orNull(url), removal_pathway: orNull(enumOf(KNOWN.climateRemovalPathway)) }, [])),
  },
  [],
);

export const climateOrder: fc.Arbitrary<Json> = stripeRecord(
  {
    id: id('climorder'),
    object: fc.constant('climate.order'),
    status: enumOf(KNOWN.climateStatus),
    metric_tons: orNull(decimal),
    amount_subtotal: orNull(amount),
    amount_fees: orNull(amount),
    amount_total: orNull(amount),
    currency: orNull(currency),
    beneficiary: orNull(stripeRecord({ public_name: orNull(text) }, [])),
    expected_delivery_year: orNull(year),
    created: orNull(unixSeconds),
    confirmed_at: orNull(unixSeconds),
    delayed_at: orNull(unixSeconds),
    product_substituted_at: orNull(unixSeconds),
    delivered_at: orNull(unixSeconds),
    canceled_at: orNull(unixSeconds),
    cancellation_reason: orNull(enumOf(KNOWN.climateCancellationReason)),
    certificate: orNull(url),
    delivery_details: orNull(fc.array(climateDelivery, { maxLength: 3 })),
    product: orNull(fc.oneof(id('climsku'), stripeRecord({ id: id('climsku'), object: fc.constant('climate.product'), name: orNull(text) }, ['id']))),
  },
  ['id', 'object', 'status'],
);

export const sharedPaymentGrantedToken: fc.Arbitrary<Json> = stripeRecord(
  {
    id: id('spt'),
    object: fc.constant('shared_payment.granted_token'),
    created: unixSeconds,
    deactivated_at: orNull(unixSeconds),
    deactivated_reason: orNull(enumOf(KNOWN.sptDeactivatedReason)),
    usage_limits: orNull(stripeRecord({ currency: orNull(currency), max_amount: orNull(amount), expires_at: orNull(unixSeconds) }, [])),
    payment_method_details: orNull(
      stripeRecord(
        {
          type: orNull(enumOf(KNOWN.sptPaymentMethodType)),
          card: orNull(stripeRecord({ brand: orNull(enumOf(KNOWN.cardBrand)), last4: orNull(fc.oneof(fc.constantFrom('4242', '0000', ''), text)) }, [])),
        },
        [],
      ),
    ),
  },
  ['id', 'object'],
);

const balanceTransaction = stripeRecord(
  { id: id('txn'), object: fc.constant('balance_transaction'), fee: amount, net: amount, currency },
  ['id', 'object', 'fee', 'net', 'currency'],
);
const moved = (prefix: string, object: string) =>
  stripeRecord({ id: id(prefix), object: fc.constant(object), amount: orNull(amount), currency: orNull(currency) }, ['id', 'object']);
const destination = orNull(fc.oneof(id('acct'), stripeRecord({ id: id('acct'), object: fc.constant('account') }, ['id', 'object']), text));

const charge = stripeRecord(
  {
    id: id('ch'),
    object: fc.constant('charge'),
    created: orNull(unixSeconds),
    amount: orNull(amount),
    amount_captured: orNull(amount),
    currency: orNull(currency),
    captured: orNull(fc.boolean()),
    status: orNull(enumOf(KNOWN.chargeStatus)),
    balance_transaction: expandable('txn', balanceTransaction),
    transfer: expandable('tr', moved('tr', 'transfer')),
    application_fee: expandable('fee', moved('fee', 'application_fee')),
    application_fee_amount: orNull(amount),
    transfer_data: orNull(stripeRecord({ destination }, [])),
  },
  ['id', 'object'],
);

export const paymentIntent: fc.Arbitrary<Json> = stripeRecord(
  {
    id: id('pi'),
    object: fc.constant('payment_intent'),
    status: enumOf(KNOWN.paymentIntentStatus),
    amount,
    currency,
    created: orNull(unixSeconds),
    amount_capturable: orNull(amount),
    amount_received: orNull(amount),
    capture_method: orNull(enumOf(KNOWN.captureMethod)),
    cancellation_reason: orNull(enumOf(KNOWN.paymentIntentCancellationReason)),
    last_payment_error: orNull(stripeRecord({ message: orNull(text), code: orNull(text) }, [])),
    application_fee_amount: orNull(amount),
    transfer_data: orNull(stripeRecord({ destination }, [])),
    latest_charge: expandable('ch', charge),
  },
  ['id', 'object', 'status', 'amount', 'currency'],
);

/** What Stripe.js returns of an account; the retrieved account (below) adds its data. */
const fcAccountFields = {
  id: id('fca'),
  object: fc.constant('financial_connections.account'),
  institution_name: orNull(text),
  display_name: orNull(text),
  category: orNull(enumOf(KNOWN.fcCategory)),
  subcategory: orNull(enumOf(KNOWN.fcSubcategory)),
  last4: orNull(fc.oneof(fc.constantFrom('6789', ''), text)),
  status: orNull(enumOf(KNOWN.fcStatus)),
};

const fcAccount = stripeRecord(fcAccountFields, ['id', 'object']);

/** `financialConnectionsSession` of Stripe.js's `collectFinancialConnectionsAccounts()`: none, one or many accounts. */
export const financialConnectionsSession: fc.Arbitrary<Json> = stripeRecord(
  { id: id('fcsess'), object: fc.constant('financial_connections.session'), accounts: fc.array(fcAccount, { maxLength: 4 }) },
  ['id', 'object', 'accounts'],
);

const climateLocation = stripeRecord({ city: orNull(text), region: orNull(text), country: orNull(fc.oneof(fc.constantFrom('US', 'CA', 'JP', 'XX', 'zz'), text)) }, []);
const climatePrice = stripeRecord({ amount_subtotal: orNull(amount), amount_fees: orNull(amount), amount_total: orNull(amount) }, []);

/** A `climate.product`: any currencies (real, odd, none), availability from plenty to none or nonsense, any suppliers. */
export const climateProduct: fc.Arbitrary<Json> = stripeRecord(
  {
    id: id('climsku'),
    object: fc.constant('climate.product'),
    name: orNull(text),
    created: orNull(unixSeconds),
    delivery_year: orNull(year),
    metric_tons_available: orNull(decimal),
    current_prices_per_metric_ton: orNull(fc.dictionary(currency, climatePrice, { maxKeys: 3 })),
    suppliers: orNull(
      fc.array(
        stripeRecord(
          { id: orNull(id('climsup')), name: orNull(text), info_url: orNull(url), removal_pathway: orNull(enumOf(KNOWN.climateRemovalPathway)), locations: orNull(fc.array(climateLocation, { maxLength: 2 })) },
          [],
        ),
        { maxLength: 3 },
      ),
    ),
  },
  ['id', 'object'],
);

/** `GET {endpoint}/products`: none, one or several products. */
export const climateProductList: fc.Arbitrary<Json> = stripeRecord(
  { object: fc.constant('list'), data: fc.array(climateProduct, { maxLength: 4 }), has_more: fc.boolean() },
  ['object', 'data'],
);

const fcRefresh = stripeRecord(
  { status: enumOf(KNOWN.fcRefreshStatus), last_attempted_at: orNull(unixSeconds), next_refresh_available_at: orNull(unixSeconds) },
  ['status'],
);

/** A retrieved `financial_connections.account`: balances in any currencies, every refresh state, ownership as id or object. */
export const financialConnectionsAccount: fc.Arbitrary<Json> = stripeRecord(
  {
    ...fcAccountFields,
    permissions: orNull(fc.subarray(['balances', 'ownership', 'payment_method', 'transactions'])),
    balance: orNull(stripeRecord({ as_of: orNull(unixSeconds), current: orNull(fc.dictionary(currency, amount, { maxKeys: 3 })), type: orNull(enumOf(['cash', 'credit'])) }, [])),
    balance_refresh: orNull(fcRefresh),
    ownership: orNull(fc.oneof(id('fcaowns'), stripeRecord({ id: id('fcaowns'), object: fc.constant('financial_connections.account_ownership') }, ['id']))),
    ownership_refresh: orNull(fcRefresh),
  },
  ['id', 'object'],
);
