/**
 * Stripe's documented webhook signature, scheme `v1` (https://docs.stripe.com/webhooks#verify-manually):
 * `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's
 * whsec_ secret>`. Written with WebCrypto only, so the simulator signs and verifies its own webhooks in a
 * browser as in Node, without the `stripe` SDK. Stripe mode verifies with the SDK.
 */

/** What `createWebhookHandler` needs to verify an event: a `stripe` client, or `webCryptoWebhooks`. */
export interface WebhookVerifier {
  webhooks: {
    /** Resolves to the parsed event; rejects when no `v1` signature matches or the timestamp is too old. */
    constructEventAsync(payload: string, header: string, secret: string, tolerance?: number, cryptoProvider?: undefined, receivedAt?: number): Promise<unknown>;
  };
}

const encoder = new TextEncoder();

function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

const toHex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

function fromHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return undefined;
  return Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
}

/** The `Stripe-Signature` header Stripe would send for `payload`, signed at `timestamp` (seconds; default now). */
export async function signWebhookPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), encoder.encode(`${timestamp}.${payload}`));
  return `t=${timestamp},v1=${toHex(mac)}`;
}

/**
 * Whether `header` carries a `v1` signature of `payload` with `secret` whose timestamp is at most
 * `toleranceSeconds` old at `receivedAtMs` (0: no age limit, as in Stripe's libraries). The comparison is
 * WebCrypto's own `verify`, which does not leak where a guess differs.
 */
export async function verifyWebhookSignature(
  payload: string,
  header: string,
  secret: string,
  toleranceSeconds: number,
  receivedAtMs = Date.now(),
): Promise<boolean> {
  let timestamp = NaN;
  const signatures: Uint8Array<ArrayBuffer>[] = [];
  for (const item of header.split(',')) {
    const [name, value = ''] = item.split('=', 2).map((part) => part.trim());
    if (name === 't') timestamp = /^\d{1,12}$/.test(value) ? Number(value) : NaN;
    if (name === 'v1') {
      const bytes = fromHex(value);
      if (bytes) signatures.push(bytes);
    }
  }
  if (!Number.isFinite(timestamp) || signatures.length === 0) return false;
  if (toleranceSeconds > 0 && Math.floor(receivedAtMs / 1000) - timestamp > toleranceSeconds) return false;
  const key = await hmacKey(secret, 'verify');
  const signed = encoder.encode(`${timestamp}.${payload}`);
  for (const signature of signatures) {
    if (await crypto.subtle.verify('HMAC', key, signature, signed)) return true;
  }
  return false;
}

/** The SDK-shaped verifier the simulator's webhook route uses (no `stripe` package needed). */
export const webCryptoWebhooks: WebhookVerifier = {
  webhooks: {
    async constructEventAsync(payload, header, secret, tolerance = 300, _cryptoProvider, receivedAt) {
      if (!(await verifyWebhookSignature(payload, header, secret, tolerance, receivedAt))) throw new Error('No valid v1 signature for this payload');
      return JSON.parse(payload) as unknown;
    },
  },
};
