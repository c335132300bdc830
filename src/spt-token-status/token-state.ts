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

/** Seconds left at which the countdown is announced (not every tick). */
const ANNOUNCE_AT_SECONDS = [3600, 600, 300, 60, 10];

/** Which announcement step `remainingMs` falls in; changes only when a threshold is crossed. */
export function announcementStep(remainingMs: number | undefined): number {
  if (remainingMs === undefined) return 0;
  return ANNOUNCE_AT_SECONDS.filter((seconds) => remainingMs <= seconds * 1000).length;
}
