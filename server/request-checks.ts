import { capBody } from './body-limit.js';
import type { BackendOptions } from './context.js';
import { backendErrorResponse, errorResponse } from './http.js';
import type { RouteGuard } from './router.js';
import { signatureHeaderRefusal } from './stripe-signature-header.js';
import { anonymousRefusal } from './user-access.js';

const DEFAULT_MAX_JSON_BODY_BYTES = 64 * 1024;
const DEFAULT_MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;
/** The route whose body is Stripe's signed payload, not the widgets' JSON. */
const WEBHOOK_ROUTE = '/webhooks';
/** The event stream: a GET, but one whose answers reach a page of another site unless refused. */
const EVENTS_ROUTE = '/events';

/**
 * Whether `url`'s host is one the site serves (DNS rebinding: a page on evil.example whose name now
 * points at 127.0.0.1 still sends `Host: evil.example`). No list: every host passes.
 */
export function hostAllowed(url: URL, allowedHosts: readonly string[] | undefined): boolean {
  if (!allowedHosts) return true;
  const name = url.hostname.toLowerCase();
  const host = url.host.toLowerCase();
  return allowedHosts.some((entry) => {
    const allowed = entry.toLowerCase();
    return allowed.startsWith('.') ? name === allowed.slice(1) || name.endsWith(allowed) : allowed === name || allowed === host;
  });
}

/** `https://shop.example/` and `HTTPS://Shop.Example` are the same origin: compare them this way. */
function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

/** Whether `origin` (an `Origin` header) is one of the site's `allowedOrigins`. */
export function originAllowed(origin: string, allowedOrigins: readonly string[] = []): boolean {
  const normalized = normalizeOrigin(origin);
  return allowedOrigins.some((allowed) => normalizeOrigin(allowed) === normalized);
}

/**
 * Whether a request comes from a page of another site. With an `Origin` header, anything but this
 * host (any scheme, so a TLS-terminating proxy in front still matches) or an allowed origin is foreign;
 * without one, `Sec-Fetch-Site: cross-site` is. Clients that send neither (Stripe, curl) pass.
 */
function isCrossSite(request: Request, url: URL, allowedOrigins: readonly string[] = []): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return request.headers.get('sec-fetch-site') === 'cross-site';
  if (originAllowed(origin, allowedOrigins)) return false;
  try {
    return new URL(origin).host !== url.host;
  } catch {
    return true; // `Origin: null` (sandboxed frames, file:) and anything unparsable
  }
}

function isJson(request: Request): boolean {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}

/**
 * The checks every request passes once its route matched, before the route runs (so a route added
 * later gets them too), cheapest first:
 * 1. a page of another site (`Origin`, or `Sec-Fetch-Site: cross-site`, unless in `allowedOrigins`):
 *    403 for every POST, and for the event stream, whose answers the browser does not guard;
 * 2. POSTs: a JSON body on the widgets' routes (415); webhooks take Stripe's payload as sent, but only
 *    with a `Stripe-Signature` header that could be Stripe's (400, before the body is read);
 * 3. with `userOf` set, a signed-in user on every widget route (401, see `anonymousRefusal`);
 * 4. POST bodies: capped (413) and arriving in time (408).
 */
export function routeGuard(options: BackendOptions): RouteGuard {
  const maxJson = options.maxJsonBodyBytes ?? DEFAULT_MAX_JSON_BODY_BYTES;
  const maxWebhook = options.maxWebhookBodyBytes ?? DEFAULT_MAX_WEBHOOK_BODY_BYTES;
  return async (request, pattern) => {
    const post = request.method === 'POST';
    const webhook = pattern === WEBHOOK_ROUTE;
    if ((post || pattern === EVENTS_ROUTE) && isCrossSite(request, new URL(request.url), options.allowedOrigins)) {
      return backendErrorResponse(403, 'Cross-site request refused');
    }
    if (post && !webhook && !isJson(request)) return backendErrorResponse(415, 'Content-Type must be application/json');
    // A webhook whose header cannot be Stripe's is refused before its body is read.
    const refusal = post && webhook ? signatureHeaderRefusal(request.headers.get('stripe-signature'), Date.now()) : undefined;
    if (refusal) return errorResponse(400, refusal);
    const anonymous = await anonymousRefusal(options, request, pattern);
    if (anonymous) return anonymous;
    return post ? capBody(request, webhook ? maxWebhook : maxJson, options.bodyTimeoutMs) : request;
  };
}

/**
 * Stripe accepts idempotency keys of up to 255 characters; the routes scope each key per user with a
 * prefix before passing it on, so the browser's part is at most 200.
 */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * The request's `Idempotency-Key`: the key, `undefined` when absent and not `required`, or the 400
 * to send (missing when required, or malformed).
 */
export function readIdempotencyKey(request: Request, required: true): string | Response;
export function readIdempotencyKey(request: Request, required: false): string | undefined | Response;
export function readIdempotencyKey(request: Request, required: boolean): string | undefined | Response {
  const key = request.headers.get('idempotency-key');
  if (key === null && !required) return undefined;
  if (key !== null && IDEMPOTENCY_KEY.test(key)) return key;
  return key === null
    ? errorResponse(400, 'An Idempotency-Key header (1-200 visible characters) is required', 'invalid_request_error', 'idempotency_key_missing')
    : errorResponse(400, 'Idempotency-Key must be 1-200 visible characters', 'invalid_request_error', 'idempotency_key_invalid');
}
