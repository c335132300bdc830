import { originAllowed } from './request-checks.js';

/**
 * What the widgets send across origins (JSON POSTs with a key, the event stream's resume id) and what a
 * site's `configure({ fetch })` adds in the README's examples (`Authorization`, a CSRF token).
 */
export const DEFAULT_ALLOWED_HEADERS = ['Content-Type', 'Idempotency-Key', 'Last-Event-ID', 'Authorization', 'X-CSRF-Token', 'X-Requested-With'] as const;
const ALLOW_METHODS = 'GET, HEAD, POST';

/**
 * Adds CORS headers for a page on one of `allowedOrigins` (credentials allowed, so cookies reach
 * `authorize`), and the preflight's answers to an `OPTIONS` from one (request headers: the defaults
 * above plus `allowedHeaders`). Other origins get none, so the
 * browser keeps their scripts from reading anything. `response`'s headers must be writable.
 */
export function withCors(
  response: Response,
  request: Request,
  allowedOrigins: readonly string[] | undefined,
  allowedHeaders: readonly string[] = [],
): Response {
  if (!allowedOrigins?.length) return response;
  response.headers.append('Vary', 'Origin');
  const origin = request.headers.get('origin');
  if (origin === null || !originAllowed(origin, allowedOrigins)) return response;
  response.headers.set('Access-Control-Allow-Origin', origin);
  response.headers.set('Access-Control-Allow-Credentials', 'true');
  if (request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
    response.headers.set('Access-Control-Allow-Methods', ALLOW_METHODS);
    response.headers.set('Access-Control-Allow-Headers', [...new Set([...DEFAULT_ALLOWED_HEADERS, ...allowedHeaders])].join(', '));
    response.headers.set('Access-Control-Max-Age', '600');
  }
  return response;
}
