import type { SharedPaymentGrantedToken } from '../schemas/shared-payment-granted-token.js';

export type TokenState =
  | { kind: 'active'; remainingMs: number | undefined }
  | { kind: 'expired' }
  | { kind: 'deactivated'; reason: string | null | undefined };

/** Deactivation by the backend wins; otherwise `expires_at` in the past means expired already. */
export function tokenState(token: SharedPaymentGrantedToken, nowMs: number): TokenState {
  if (token.deactivated_at != null || token.deactivated_reason != null) {
    return { kind: 'deactivated', reason: token.deactivated_reason };
  }
  const expiresAt = token.usage_limits?.expires_at;
  if (typeof expiresAt !== 'number') return { kind: 'active', remainingMs: undefined };
  const remainingMs = expiresAt * 1000 - nowMs;
  return remainingMs > 0 ? { kind: 'active', remainingMs } : { kind: 'expired' };
}

/** Whole seconds left, rounded up: "1 sec" until the very end, never "0 sec" while still active. */
export function secondsLeft(remainingMs: number): number {
  return Math.ceil(remainingMs / 1000);
}

/** Seconds left at which the countdown is announced (not every tick). */
const ANNOUNCE_AT_SECONDS = [3600, 600, 300, 60, 10];

/**
 * Which announcement step `remainingMs` falls in. Judged on what the countdown shows (whole minutes
 * above one minute), so "10 min" is announced as soon as it appears.
 */
export function announcementStep(remainingMs: number | undefined): number {
  if (remainingMs === undefined) return 0;
  const seconds = secondsLeft(remainingMs);
  const shown = seconds > 60 ? Math.floor(seconds / 60) * 60 : seconds;
  return ANNOUNCE_AT_SECONDS.filter((threshold) => shown <= threshold).length;
}

/** The host's `state` attribute: `active` while chargeable, otherwise why not. */
export type TokenStateName = 'active' | 'expired' | 'revoked' | 'used' | 'resolved' | 'deactivated';

const REASON_STATES: Readonly<Record<string, TokenStateName>> = {
  consumed: 'used',
  used: 'used',
  expired: 'expired',
  revoked: 'revoked',
  resolved: 'resolved',
};

/** The `state` attribute for a token: a reason Stripe adds later is plain `deactivated`. */
export function tokenStateName(state: TokenState): TokenStateName {
  if (state.kind !== 'deactivated') return state.kind;
  return state.reason && Object.hasOwn(REASON_STATES, state.reason) ? REASON_STATES[state.reason]! : 'deactivated';
}

/** What the token's limit leaves, in its currency's smallest unit; undefined when it states no limit. */
export function remainingAmount(token: SharedPaymentGrantedToken): number | undefined {
  const max = token.usage_limits?.max_amount;
  if (typeof max !== 'number') return undefined;
  const used = token.usage_details?.amount_captured?.value;
  return max - (typeof used === 'number' ? used : 0);
}

/** A `charge-amount` the widget can send: a positive whole number in the currency's smallest unit. */
export function validChargeAmount(amount: number | undefined): amount is number {
  return typeof amount === 'number' && Number.isSafeInteger(amount) && amount > 0;
}
