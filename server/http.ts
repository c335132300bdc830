/** Sent with every answer of the backend: nothing is cached, and nothing is sniffed into HTML. */
export const SECURITY_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } as const;

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...SECURITY_HEADERS, ...headers },
  });
}

/**
 * `response` with the security headers set, its own copy when its headers are read-only (a `fetch()`
 * answer passed through).
 */
export function withSecurityHeaders(response: Response): Response {
  let mutable = response;
  try {
    response.headers.set('X-Content-Type-Options', SECURITY_HEADERS['X-Content-Type-Options']);
  } catch {
    mutable = new Response(response.body, response);
  }
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) mutable.headers.set(name, value);
  return mutable;
}

/** An error in Stripe's own body shape, which the widgets' client reads. */
export function errorResponse(status: number, message: string, type = 'invalid_request_error', code?: string): Response {
  return json({ error: { type, message, ...(code && { code }) } }, status);
}

/**
 * An error of the backend itself (no such route, not configured), not Stripe's: no `type`, so the
 * widgets do not blame Stripe for it.
 */
export function backendErrorResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return json({ error: { message } }, status, headers);
}

/** Reads a JSON body; `undefined` when it is missing or not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

/** A 503 the browser may retry shortly: Stripe's rate limit, or a site hook that did not settle in time. */
export function busyResponse(): Response {
  return backendErrorResponse(503, 'Busy, retry shortly', { 'Retry-After': '1' });
}

// The mapping of Stripe's errors lives in stripe-errors.ts; routes have always imported it from here.
export { stripeErrorResponse } from './stripe-errors.js';
