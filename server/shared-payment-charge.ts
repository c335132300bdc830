import { remainingAmount } from '../src/spt-token-status/token-state.js';
import type { SharedPaymentGrantedToken } from '../src/schemas/shared-payment-granted-token.js';
import { errorResponse } from './http.js';

/** What the browser asks to charge: `{ amount, currency }`, the amount in the currency's smallest unit. */
export interface ChargeRequest {
  amount: number;
  currency: string;
}

/** Stripe's largest amount (eight digits in the smallest unit). */
const MAX_AMOUNT = 99_999_999;

/** The browser's `{ amount, currency }`, or the 400 to answer (nothing of the input echoed). */
export function readChargeRequest(body: unknown): ChargeRequest | Response {
  const { amount, currency } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (!Number.isSafeInteger(amount) || (amount as number) < 1 || (amount as number) > MAX_AMOUNT) {
    return errorResponse(400, 'amount must be a positive whole number in the currency\u2019s smallest unit', 'invalid_request_error', 'parameter_invalid_integer');
  }
  if (typeof currency !== 'string' || !/^[a-z]{3}$/.test(currency)) {
    return errorResponse(400, 'currency must be a three-letter ISO code in lowercase', 'invalid_request_error', 'parameter_invalid_string');
  }
  return { amount: amount as number, currency };
}

type Token = Record<string, unknown> & {
  deactivated_at?: unknown;
  deactivated_reason?: unknown;
  usage_limits?: { currency?: unknown; max_amount?: unknown; expires_at?: unknown } | null;
};

/**
 * The 400 to answer before calling Stripe when `token` cannot pay `request` now: deactivated, expired
 * by its `expires_at`, another currency than its own, or more than what its limit leaves. Undefined
 * when the charge may go to Stripe (which checks again).
 */
export function chargeRefusal(token: Token, request: ChargeRequest, nowSeconds: number): Response | undefined {
  if (token.deactivated_at != null || token.deactivated_reason != null) {
    return errorResponse(400, 'This shared payment token is deactivated and can no longer be charged.', 'invalid_request_error', 'shared_payment_token_inactive');
  }
  const limits = token.usage_limits;
  if (typeof limits?.expires_at === 'number' && limits.expires_at <= nowSeconds) {
    return errorResponse(400, 'This shared payment token has expired and can no longer be charged.', 'invalid_request_error', 'shared_payment_token_inactive');
  }
  if (typeof limits?.currency !== 'string' || limits.currency.toLowerCase() !== request.currency) {
    return errorResponse(400, 'The currency is not the one this shared payment token allows.', 'invalid_request_error', 'shared_payment_token_currency_mismatch');
  }
  // The widget's own arithmetic (one copy): the limit less what payments captured.
  const remaining = remainingAmount(token as SharedPaymentGrantedToken);
  if (remaining === undefined || request.amount > remaining) {
    return errorResponse(400, 'The amount is more than this shared payment token has left.', 'invalid_request_error', 'amount_too_large');
  }
  return undefined;
}

const INTENT_FIELDS = ['id', 'object', 'status', 'amount', 'currency', 'created'] as const;

/** The PaymentIntent as `<spt-token-status>` reads it: status and amount (never a `client_secret`). */
export function chargedIntentForBrowser(intent: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = Object.fromEntries(INTENT_FIELDS.filter((field) => field in intent).map((field) => [field, intent[field]]));
  const error = intent.last_payment_error;
  if (error && typeof error === 'object') {
    const { message, code } = error as Record<string, unknown>;
    picked.last_payment_error = { message: typeof message === 'string' ? message : null, code: typeof code === 'string' ? code : null };
  } else if (error === null) {
    picked.last_payment_error = null;
  }
  return picked;
}
