import type { ApplicationFee, BalanceTransaction, Charge, PaymentIntent, Transfer } from '../../schemas/payment-intent.js';

/** 2026-01-01 00:00 UTC: when the builders' charge was created and captured. */
const CREATED = 1_767_225_600;

/** A charge's `balance_transaction`, expanded: $10.00 less Stripe's $0.59 fee. */
export function balanceTransaction(overrides: Partial<BalanceTransaction> = {}): BalanceTransaction {
  return { id: 'txn_1', object: 'balance_transaction', amount: 1000, fee: 59, net: 941, currency: 'usd', status: 'pending', ...overrides };
}

/** An expanded `transfer` of a destination charge: $9.00 to the connected account. */
export function transfer(overrides: Partial<Transfer> = {}): Transfer {
  return { id: 'tr_1', object: 'transfer', amount: 900, currency: 'usd', destination: 'acct_dest', ...overrides };
}

/** An expanded `application_fee` of a destination charge: the platform's $1.00. */
export function applicationFee(overrides: Partial<ApplicationFee> = {}): ApplicationFee {
  return { id: 'fee_1', object: 'application_fee', amount: 100, currency: 'usd', account: 'acct_dest', ...overrides };
}

/**
 * A $10.00 charge captured asynchronously: its `balance_transaction` (and, for a Connect charge, its
 * `transfer` and `application_fee`) still null, as Stripe sends them for up to an hour after capture.
 */
export function charge(overrides: Partial<Charge> = {}): Charge {
  return {
    id: 'ch_1',
    object: 'charge',
    created: CREATED,
    amount: 1000,
    amount_captured: 1000,
    currency: 'usd',
    captured: true,
    status: 'succeeded',
    balance_transaction: null,
    application_fee: null,
    application_fee_amount: null,
    transfer_data: null,
    ...overrides,
  };
}

/**
 * A `payment_intent` as `GET {endpoint}/{id}` answers it: $10.00 succeeded with `capture_method:
 * 'automatic_async'`, its latest charge expanded and not settled yet. Pass `latest_charge: charge({
 * balance_transaction: balanceTransaction() })` for a settled one.
 */
export function paymentIntent(overrides: Partial<PaymentIntent> = {}): PaymentIntent {
  return {
    id: 'pi_1',
    object: 'payment_intent',
    status: 'succeeded',
    amount: 1000,
    currency: 'usd',
    created: CREATED,
    capture_method: 'automatic_async',
    latest_charge: charge(),
    last_payment_error: null,
    cancellation_reason: null,
    ...overrides,
  };
}
