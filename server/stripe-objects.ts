import type { BackendOptions } from './context.js';

/**
 * A Stripe object id as the routes and the webhook accept it: letters, digits and `_`, bounded, so an
 * id from the browser never becomes another path of Stripe's API or a hostile store key.
 */
export const STRIPE_ID = /^[A-Za-z0-9_]{1,255}$/;

/** Strips the SDK's `lastResponse` (headers, request id) so only Stripe's object remains. */
export function plain(object: object): Record<string, unknown> {
  const { lastResponse: _lastResponse, ...rest } = object as Record<string, unknown>;
  return rest;
}

/** The connected account this request acts for (`resolveStripeAccount`), if any. */
export async function accountOf(options: BackendOptions, request: Request): Promise<string | undefined> {
  return (await options.resolveStripeAccount?.(request)) || undefined;
}

/** The SDK's per-request options for `account` (none for the platform itself). */
export function onAccount(account: string | undefined): { stripeAccount?: string } {
  return account ? { stripeAccount: account } : {};
}

/**
 * The Idempotency-Key sent to Stripe for the browser's `key`: `<kind>:<digest>:<key>`, where the digest
 * covers `scope` (who acts, on what). The same key from another user, account or object never replays
 * this one's answer; a retry of the same action gets the same Stripe key. At most 11 + 32 + 1 + 200
 * characters, within Stripe's 255.
 */
export async function scopedIdempotencyKey(kind: string, scope: readonly (string | undefined)[], key: string): Promise<string> {
  // WebCrypto rather than node:crypto: the routes also run in the browser simulator.
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(scope.map((part) => part ?? null))));
  const digest = [...new Uint8Array(hash)].map((byte) => byte.toString(16).padStart(2, '0')).join('').slice(0, 32);
  return `${kind}:${digest}:${key}`;
}

/**
 * `scopedIdempotencyKey` for a POST about `objectId` by the caller behind `request`: scoped by the
 * connected account (`resolveStripeAccount`), the customer (`resolveCustomer`, when the site set it),
 * the signed-in user (`userOf`, or `eventStream.userOf`) and the object, so another user's request with
 * the same key never gets this one's answer replayed (the simulator keys its replays the same way).
 */
export async function callerIdempotencyKey(kind: string, options: BackendOptions, request: Request, objectId: string, key: string): Promise<string> {
  let customer: string | undefined;
  try {
    customer = (await options.resolveCustomer?.(request)) || undefined;
  } catch {
    customer = undefined; // a user with no customer still acts; the account and the object still scope the key
  }
  const userOf = options.userOf ?? options.eventStream?.userOf;
  const user = (await userOf?.(request)) || undefined;
  return scopedIdempotencyKey(kind, [await accountOf(options, request), customer, ...(user ? [user] : []), objectId], key);
}
