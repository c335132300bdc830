import { backendErrorResponse } from './http.js';

export const BODY_ALREADY_READ =
  'The request body was already read by another middleware (a body parser such as express.json()): ' +
  'mount the stripe-widget-kit handler before any body parser.';

/** The answer, logged, when something before the backend consumed the body (the Node adapter and fetch mounts alike). */
export function bodyAlreadyReadResponse(): Response {
  console.error(`[stripe-widget-kit] ${BODY_ALREADY_READ}`);
  return backendErrorResponse(500, BODY_ALREADY_READ);
}

const tooLarge = () => backendErrorResponse(413, 'Request body too large');
const tooSlow = () => backendErrorResponse(408, 'Request body took too long', { Connection: 'close' });

/** Default of `bodyTimeoutMs`: a JSON body of 64 kB or a 1 MB webhook takes far less on any real link. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

/** Reads `body` up to `limit` bytes: the bytes, `'too large'` as soon as it passes it, or `'too slow'` past the deadline. */
async function readUpTo(body: ReadableStream<Uint8Array>, limit: number, timeoutMs: number): Promise<Uint8Array<ArrayBuffer> | 'too large' | 'too slow'> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'too slow'>((resolve) => (timer = setTimeout(() => resolve('too slow'), timeoutMs)));
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline]);
      if (next === 'too slow') {
        void reader.cancel().catch(() => {});
        return next;
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limit) {
        void reader.cancel().catch(() => {});
        return 'too large';
      }
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The request with its body read into memory when it is at most `limit` bytes and arrives within
 * `timeoutMs`; else a 413 (at once when `Content-Length` says so, otherwise as soon as the count passes
 * the limit) or a 408. Never reads past the limit, so the route gets a body it can read whole.
 */
export async function capBody(request: Request, limit: number, timeoutMs = DEFAULT_BODY_TIMEOUT_MS): Promise<Request | Response> {
  const declared = request.headers.get('content-length');
  if (request.bodyUsed) return bodyAlreadyReadResponse();
  if (declared !== null && !(Number(declared) <= limit)) return tooLarge();
  if (!request.body) return request;
  const bytes = await readUpTo(request.body, limit, timeoutMs);
  if (bytes === 'too large') return tooLarge();
  if (bytes === 'too slow') return tooSlow();
  return new Request(request.url, { method: request.method, headers: request.headers, body: bytes, signal: request.signal });
}
