import { backendErrorResponse, busyResponse, errorResponse, json } from './http.js';

type SdkError = { type?: string; statusCode?: number; code?: string; message?: string; raw?: { type?: string }; requestId?: string };

/** The 404 of a route that names no better one: the same for an unknown id and a denied one. */
export const genericNotFound = () => errorResponse(404, 'No such object', 'invalid_request_error', 'resource_missing');

/** Stripe's 404s, so that `ifAuthorized` can answer them with the route's own `notFound()`. */
const stripeNotFound = new WeakSet<Response>();

/** Whether `response` is a Stripe 404 that `stripeErrorResponse` turned into a generic one. */
export function isStripeNotFound(response: Response): boolean {
  return stripeNotFound.has(response);
}

const WHY: Record<number, string> = {
  401: 'Stripe refused the secret key (401): it is wrong, revoked or expired. Every Stripe call fails until it is replaced.',
  403: 'Stripe refused a call with the secret key (403): the key lacks a permission this route needs (a restricted key?).',
  429: 'Stripe rate-limited the secret key (429): visitors are told to retry.',
};

/**
 * Turns an error thrown by the `stripe` SDK into the answer for the browser. Stripe's 401, 403, 404 and
 * 429 never reach it with Stripe's message (which can repeat an id or part of the key) or its request id:
 * a 404 is `notFound()` (the route's generic 404, the same as for an id `authorize` denies), a refused
 * key (401, 403) a generic 502, a rate limit a 503 with `Retry-After`; the log says which, with no key
 * fragment. Other errors (a 400 such as `order_not_cancelable`, 5xx) pass with Stripe's `type`, `code`
 * and `message`, and its `Request-Id`. Stack traces never leave.
 */
export function stripeErrorResponse(cause: unknown, notFound: () => Response = genericNotFound): Response {
  const error = (cause ?? {}) as SdkError;
  const status = typeof error.statusCode === 'number' ? error.statusCode : 502;
  if (status === 404) {
    const response = notFound();
    stripeNotFound.add(response);
    return response;
  }
  if (WHY[status]) {
    console.error(`[stripe-widget-kit] ${WHY[status]}${error.requestId ? ` Stripe request ${error.requestId}.` : ''}`);
    return status === 429 ? busyResponse() : backendErrorResponse(502, 'Stripe is not available');
  }
  const type = error.raw?.type ?? (typeof error.type === 'string' ? toSnake(error.type) : 'api_error');
  const headers: Record<string, string> = error.requestId ? { 'Request-Id': error.requestId } : {};
  return json({ error: { type, message: error.message ?? 'Stripe request failed', ...(error.code && { code: error.code }) } }, status, headers);
}

function toSnake(sdkType: string): string {
  // The SDK names classes StripeInvalidRequestError; Stripe's wire format says invalid_request_error.
  return sdkType.replace(/^Stripe/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}
