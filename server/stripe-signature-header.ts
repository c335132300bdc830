import { SIGNATURE_TOLERANCE_SECONDS } from './event-store.js';

/** Longer than any header Stripe sends (a timestamp and a few signatures while a secret is rolled). */
const MAX_HEADER_LENGTH = 2_048;
const TIMESTAMP = /^\d{1,12}$/;
const V1 = /^[0-9a-f]{64}$/;
const ITEM = /^([a-z0-9]+)=([^,=\s]*)$/;

/**
 * Why a `Stripe-Signature` header cannot belong to a webhook Stripe sent now, or `undefined` when it
 * could: decided from the header alone, so a webhook with a forged or stale header is refused before
 * a byte of its body is read. Stripe sends `t=<seconds>,v1=<hex HMAC>[,v1=…][,v0=…]`. Exactly one
 * `t=` is accepted: Stripe's verifier reads the last one, so with two the time checked here would not
 * be the time verified. The timestamp must be within `toleranceSeconds` of `nowMs`, either way (the
 * SDK refuses only old ones; a future one would let a leaked signature live on).
 */
export function signatureHeaderRefusal(header: string | null, nowMs: number, toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS): string | undefined {
  if (header === null || header === '') return 'Missing Stripe-Signature header';
  if (header.length > MAX_HEADER_LENGTH) return 'Malformed Stripe-Signature header';
  const timestamps: string[] = [];
  let signatures = 0;
  for (const item of header.split(',')) {
    const [, key, value = ''] = ITEM.exec(item) ?? [];
    if (key === undefined) return 'Malformed Stripe-Signature header';
    if (key === 't') timestamps.push(value);
    if (key === 'v1') {
      if (!V1.test(value)) return 'Malformed Stripe-Signature header';
      signatures += 1;
    }
  }
  if (timestamps.length !== 1 || !TIMESTAMP.test(timestamps[0]!)) return 'Stripe-Signature must carry exactly one timestamp';
  if (signatures === 0) return 'Stripe-Signature carries no v1 signature';
  const aheadSeconds = Number(timestamps[0]) - nowMs / 1000;
  if (aheadSeconds > toleranceSeconds) return 'Stripe-Signature timestamp is in the future';
  if (aheadSeconds < -toleranceSeconds) return 'Stripe-Signature timestamp is too old';
  return undefined;
}
