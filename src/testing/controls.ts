import type { CapitalFinancingOffer } from '../schemas/capital-financing-offer.js';
import type { ClimateOrder } from '../schemas/climate-order.js';
import type { ClimateProduct } from '../schemas/climate-product.js';
import type { FcAccountDetails } from '../schemas/financial-connections-account.js';
import type { FcAccount, FcSessionResult } from '../schemas/financial-connections.js';
import type { SharedPaymentGrantedToken } from '../schemas/shared-payment-granted-token.js';

type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** A simulator control refused (an unknown id, a transition Stripe would refuse): its status and message. */
export class SimulatorControlError extends Error {
  readonly status: number;
  constructor(path: string, status: number, message: string) {
    super(`Simulator control ${path} answered ${status}: ${message}`);
    this.name = 'SimulatorControlError';
    this.status = status;
  }
}

/** Stripe's test PaymentMethods the simulator grants tokens from (…0002 and …9995 are declined when charged). */
export type TestPaymentMethod = 'pm_card_visa' | 'pm_card_mastercard' | 'pm_card_amex' | 'pm_card_jcb' | 'pm_card_chargeDeclined' | 'pm_card_chargeDeclinedInsufficientFunds';

/** Stripe's test helper's shape (`POST /v1/test_helpers/shared_payment/granted_tokens`). */
export interface GrantTokenParams {
  payment_method: TestPaymentMethod;
  /** `expires_at` in Unix seconds, in the simulator's future; leave it out for no expiry. */
  usage_limits: { currency: string; max_amount: number; expires_at?: number };
  seller_details?: { network_id?: string; external_id?: string };
}

/**
 * The simulator's controls as typed functions: each plays what Stripe (or Frontier, or the bank) does
 * to an object and sends the signed webhook Stripe would, so widgets following `events-url` update.
 * Each resolves once the webhook went through the backend's webhook route (and so reached the event
 * stream); a refusal rejects with a {@link SimulatorControlError}.
 */
export interface SimulatorControls {
  capital: {
    /** A new offer for the simulated account (`capital.financing_offer.created`), `undelivered` unless asked. */
    createOffer(options?: { advanceAmount?: number; currency?: string; status?: 'undelivered' | 'delivered' }): Promise<CapitalFinancingOffer>;
    /** Replaces a delivered or undelivered offer (`capital.financing_offer.replacement_created`); twice the amount unless given. */
    replaceOffer(offerId: string, options?: { advanceAmount?: number }): Promise<{ previous: CapitalFinancingOffer; replacement: CapitalFinancingOffer }>;
  };
  climate: {
    /** Frontier delivers the order (`climate.order.delivered`). */
    deliverOrder(orderId: string): Promise<ClimateOrder>;
    /** Frontier delays delivery (`climate.order.delayed`), by a year unless `expectedDeliveryYear` is given. */
    delayOrder(orderId: string, options?: { expectedDeliveryYear?: number }): Promise<ClimateOrder>;
    /** Frontier substitutes the product (`climate.order.product_substituted`). */
    substituteProduct(orderId: string): Promise<ClimateOrder>;
    /** Frontier cancels the order, product unavailable (`climate.order.canceled`). */
    cancelOrder(orderId: string): Promise<ClimateOrder>;
    /** Every order the simulator holds. */
    orders(): Promise<ClimateOrder[]>;
    /** A new product (`climate.product.created`). */
    addProduct(): Promise<ClimateProduct>;
    /** A new price per ton (`climate.product.pricing_updated`): +10 % unless `percent` is given (-99 to 1000). */
    changePrice(productId: string, options?: { percent?: number }): Promise<ClimateProduct>;
  };
  financialConnections: {
    /** The accounts the simulated bank offers when a session is linked. */
    institutionAccounts(): Promise<FcAccount[]>;
    /** Ends a linked account's pending balance or ownership refresh now (`financial_connections.account.refreshed_*`), or holds it pending. */
    finishRefresh(accountId: string, feature: 'balance' | 'ownership', outcome?: 'succeeded' | 'failed' | 'pending'): Promise<FcAccountDetails>;
    /** Finishes a session as the bank flow would (what the simulated Stripe.js does), linking `accountIds` (default: the simulator's pair). */
    completeSession(clientSecret: string, accountIds?: string[]): Promise<{ financialConnectionsSession: FcSessionResult }>;
  };
  paymentIntents: {
    /** A new payment captured asynchronously; its fee, transfer and application fee arrive after `delaysMs` (by webhook). */
    startAsyncCapture(options?: { connect?: boolean; currency?: 'usd' | 'jpy'; delaysMs?: number[] }): Promise<{ id: string }>;
    /** Everything still missing of a payment arrives now (`charge.updated`, `transfer.created`, `application_fee.created`). */
    settle(paymentIntentId: string): Promise<{ id: string; delivered: string[] }>;
  };
  sharedPayment: {
    /** A new granted token, as Stripe's test helper creates one. */
    grantToken(params: GrantTokenParams): Promise<SharedPaymentGrantedToken>;
    /** A payment uses the token's whole limit (`.used`, then `.deactivated` with reason `consumed`). */
    useToken(tokenId: string): Promise<SharedPaymentGrantedToken>;
    /** The agent revokes the token (`.deactivated` with reason `revoked`). */
    revokeToken(tokenId: string): Promise<SharedPaymentGrantedToken>;
  };
}

/**
 * The controls of the simulator behind `fetch` at `basePath`: the in-page one (`createSimulator()`) or a
 * running `npx stripe-widget-kit-backend` (give `basePath` as its full URL, e.g.
 * `http://127.0.0.1:8787/api`). Each is a `POST {basePath}/simulator/…` (`GET` for the order list).
 */
export function simulatorControls(fetch: FetchLike = (input, init) => globalThis.fetch(input, init), basePath = '/api'): SimulatorControls {
  const base = basePath.replace(/\/+$/, '');
  const call = async <T>(path: string, body?: unknown, method = 'POST'): Promise<T> => {
    const response = await fetch(`${base}/simulator/${path}`, {
      method,
      headers: { Accept: 'application/json', ...(method === 'POST' && { 'Content-Type': 'application/json' }) },
      ...(method === 'POST' && { body: JSON.stringify(body ?? {}) }),
    });
    const answer = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    if (!response.ok) throw new SimulatorControlError(path, response.status, answer?.error?.message ?? response.statusText);
    return answer as T;
  };
  const at = (...segments: string[]) => segments.map(encodeURIComponent).join('/');
  const order = (action: string) => (orderId: string, body?: unknown) => call<ClimateOrder>(`climate/orders/${at(orderId, action)}`, body);
  return {
    capital: {
      createOffer: (options = {}) => call('capital/financing_offers', options),
      replaceOffer: (offerId, options = {}) => call('capital/replace', { offerId, ...options }),
    },
    climate: {
      deliverOrder: order('deliver'),
      delayOrder: (orderId, options = {}) => order('delay')(orderId, options),
      substituteProduct: order('substitute'),
      cancelOrder: order('cancel'),
      orders: async () => (await call<{ data: ClimateOrder[] }>('climate/orders', undefined, 'GET')).data,
      addProduct: () => call('climate/products'),
      changePrice: (productId, options = {}) => call(`climate/products/${at(productId, 'price')}`, options),
    },
    financialConnections: {
      institutionAccounts: async () => (await call<{ data: FcAccount[] }>('financial_connections/accounts')).data,
      finishRefresh: (accountId, feature, outcome = 'succeeded') => call(`financial_connections/accounts/${at(accountId, 'refresh', feature)}`, { outcome }),
      completeSession: (clientSecret, accountIds) => call('financial_connections/sessions/complete', { client_secret: clientSecret, ...(accountIds && { account_ids: accountIds }) }),
    },
    paymentIntents: {
      startAsyncCapture: (options = {}) => call('payment_intents/async_capture', options),
      settle: (paymentIntentId) => call(`payment_intents/${at(paymentIntentId, 'settle')}`),
    },
    sharedPayment: {
      grantToken: (params) => call('shared_payment/granted_tokens', params),
      useToken: (tokenId) => call(`shared_payment/granted_tokens/${at(tokenId, 'use')}`),
      revokeToken: (tokenId) => call(`shared_payment/granted_tokens/${at(tokenId, 'revoke')}`),
    },
  };
}
