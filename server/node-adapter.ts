import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

export type FetchHandler = (request: Request) => Promise<Response>;

/** Builds a fetch `Request` from Node's request; the body streams, and closing the socket aborts it. */
export function toRequest(req: IncomingMessage, origin: string, res?: ServerResponse): Request {
  const controller = new AbortController();
  // The response's close (finished, or the client went away) ends the request: event streams stop.
  // One listener per response, not per keep-alive socket, which would pile up listeners.
  (res ?? req).once('close', () => controller.abort());
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v));
    else if (value !== undefined) headers.set(key, value);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const url = new URL((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/', origin);
  return new Request(url, {
    method,
    headers,
    signal: controller.signal,
    ...(hasBody && { body: Readable.toWeb(req) as unknown as ReadableStream, duplex: 'half' }),
  } as RequestInit);
}

/** Writes a fetch `Response` to Node's response, streaming (event streams stay open). */
export async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, key) => res.setHeader(key, value));
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  res.on('close', () => void reader.cancel().catch(() => {}));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
  } catch {
    // client went away
  }
  res.end();
}

/** A Node `http` / connect handler for a fetch-style handler. */
export function nodeHandler(handle: FetchHandler) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    handle(toRequest(req, origin, res))
      .then((response) => writeResponse(response, res))
      .catch(() => {
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  };
}
