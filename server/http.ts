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

/**
 * Turns an error thrown by the `stripe` SDK into the same JSON body Stripe sent, with its status, so
 * the browser sees Stripe's `type`, `code` and `message`. Secret keys and stack traces never leave.
 */
export function stripeErrorResponse(cause: unknown): Response {
  const error = cause as { type?: string; statusCode?: number; code?: string; message?: string; raw?: { type?: string }; requestId?: string };
  const status = typeof error?.statusCode === 'number' ? error.statusCode : 502;
  const type = error?.raw?.type ?? (typeof error?.type === 'string' ? toSnake(error.type) : 'api_error');
  const headers: Record<string, string> = error?.requestId ? { 'Request-Id': error.requestId } : {};
  return json(
    { error: { type, message: error?.message ?? 'Stripe request failed', ...(error?.code && { code: error.code }) } },
    status,
    headers,
  );
}

function toSnake(sdkType: string): string {
  // The SDK names classes StripeInvalidRequestError; Stripe's wire format says invalid_request_error.
  return sdkType.replace(/^Stripe/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}
