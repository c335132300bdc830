import { backendErrorResponse } from './http.js';

const tooLarge = () => backendErrorResponse(413, 'Request body too large');

/** Reads `body` up to `limit` bytes; `undefined` (and the stream canceled) as soon as it passes it. */
async function readUpTo(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
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
 * The request with its body read into memory when it is at most `limit` bytes, else a 413: at once
 * when `Content-Length` says so, otherwise as soon as the count passes the limit (chunked uploads).
 * Never reads past the limit, so the route gets a body it can read whole.
 */
export async function capBody(request: Request, limit: number): Promise<Request | Response> {
  const declared = request.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= limit)) return tooLarge();
  if (!request.body) return request;
  const bytes = await readUpTo(request.body, limit);
  if (!bytes) return tooLarge();
  return new Request(request.url, { method: request.method, headers: request.headers, body: bytes, signal: request.signal });
}
