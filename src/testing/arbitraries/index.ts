/**
 * `stripe-widget-kit/testing/arbitraries`: fast-check generators of every Stripe object the widgets
 * read, biased to the values that break formatting (the edges of a double, dates `Date` cannot hold,
 * currency codes `Intl` rejects, 10 kB strings, enum values Stripe may add later, fields it may add).
 * The kit's own property tests use these same generators. Needs `fast-check` 4 (an optional peer:
 * `npm install -D fast-check`); the builders in `stripe-widget-kit/testing` do not.
 */
import type fc from 'fast-check';
import type {
  CapitalFinancingOffer,
  ClimateOrder,
  ClimateProduct,
  ClimateProductList,
  FcAccountDetails,
  FcSessionResult,
  PaymentIntent,
  SharedPaymentGrantedToken,
} from '../../schemas/index.js';
import * as objects from './stripe-objects.js';

// Typed as the schemas' types: server/validate-object.test.ts and the widgets' generated tests check
// that every generated object passes its schema.
export const { KNOWN } = objects;
export const capitalFinancingOffer = objects.capitalFinancingOffer as fc.Arbitrary<CapitalFinancingOffer>;
export const climateOrder = objects.climateOrder as fc.Arbitrary<ClimateOrder>;
export const climateProduct = objects.climateProduct as fc.Arbitrary<ClimateProduct>;
export const climateProductList = objects.climateProductList as fc.Arbitrary<ClimateProductList>;
/** A retrieved account (`GET {accounts-endpoint}/{id}`). */
export const financialConnectionsAccount = objects.financialConnectionsAccount as fc.Arbitrary<FcAccountDetails>;
/** Stripe.js's `financialConnectionsSession`: none, one or many accounts. */
export const financialConnectionsSession = objects.financialConnectionsSession as fc.Arbitrary<FcSessionResult>;
export const paymentIntent = objects.paymentIntent as fc.Arbitrary<PaymentIntent>;
export const sharedPaymentGrantedToken = objects.sharedPaymentGrantedToken as fc.Arbitrary<SharedPaymentGrantedToken>;
export { amount, currency, decimal, enumOf, fraction, futureField, id, orNull, TEN_KB_TEXT, text, unixSeconds, url, year } from './edges.js';
