import { originAllowed } from './request-checks.js';

/** What the widgets send across origins: JSON POSTs with a key, and the event stream's resume id. */
const ALLOW_HEADERS = 'Content-Type, Idempotency-Key, Last-Event-ID';
const ALLOW_METHODS = 'GET, HEAD, POST';

/**
 * Adds CORS headers for a page on one of `allowedOrigins` (credentials allowed, so cookies reach
 * `authorize`), and the preflight's answers to an `OPTIONS` from one. Other origins get none, so the
 * browser keeps their scripts from reading anything. `response`'s headers must be writable.
 */
export function withCors(response: Response, request: Request, allowedOrigins: readonly string[] | undefined): Response {
  if (!allowedOrigins?.length) return response;
  response.headers.append('Vary', 'Origin');
  const origin = request.headers.get('origin');
  if (origin === null || !originAllowed(origin, allowedOrigins)) return response;
  response.headers.set('Access-Control-Allow-Origin', origin);
  response.headers.set('Access-Control-Allow-Credentials', 'true');
  if (request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
    response.headers.set('Access-Control-Allow-Methods', ALLOW_METHODS);
    response.headers.set('Access-Control-Allow-Headers', ALLOW_HEADERS);
    response.headers.set('Access-Control-Max-Age', '600');
  }
  return response;
}
