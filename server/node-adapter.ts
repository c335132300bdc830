import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { BODY_ALREADY_READ, bodyAlreadyReadResponse } from './body-limit.js';
import { backendErrorResponse, SECURITY_HEADERS } from './http.js';
import { capConnections, nodeServerOptions, type NodeServerOptions } from './server-timeouts.js';

export { BODY_ALREADY_READ };
export type FetchHandler = (request: Request) => Promise<Response>;

/** Methods a fetch `Request` can carry that the router answers (405 with `Allow` when not its own). */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);
/** A `Host` header: a name or an IPv4/IPv6 literal, with an optional port. */
const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i;

function settle(end: () => void): void {
  try {
    end();
  } catch {
    // the stream was canceled or already ended
  }
}

/**
 * The request body as a web stream that reads from Node only as fast as it is consumed. Canceling it
 * stops reading without destroying the socket, so an early answer (a 413) still reaches the client;
 * `writeResponse` then deals with the rest.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on('data', (chunk: Buffer) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        // Both may come after a cancel; a throw in a listener would end the process. `on`, not `once`:
        // a second error with no listener would be thrown too.
        req.once('end', () => settle(() => controller.close()));
        req.on('error', (error) => settle(() => controller.error(error)));
      },
      pull() {
        req.resume();
      },
      cancel() {
        req.removeAllListeners('data');
        req.pause();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

/** The aborts of the requests still open on each socket: one `close` listener per socket, however many are pipelined. */
const openOnSocket = new WeakMap<Socket, Set<() => void>>();

function abortOnSocketClose(socket: Socket | null, abort: () => void): () => void {
  if (!socket) return () => {};
  if (socket.destroyed) {
    abort();
    return () => {};
  }
  let open = openOnSocket.get(socket);
  if (!open) {
    const aborts = (open = new Set());
    openOnSocket.set(socket, aborts);
    socket.once('close', () => {
      for (const each of [...aborts]) each();
      aborts.clear();
    });
  }
  open.add(abort);
  return () => open.delete(abort);
}

/**
 * Builds a fetch `Request` from Node's request; the body streams, and closing the socket aborts it.
 * Throws on what a `Request` cannot hold (a malformed Host, TRACE): `nodeHandler` checks first.
 */
export function toRequest(req: IncomingMessage, origin: string, res?: ServerResponse): Request {
  const controller = new AbortController();
  const abort = () => controller.abort();
  // The response's close (finished, or the client went away) ends the request: event streams stop.
  // Node never emits it for a response queued behind another on a pipelined socket, so the socket's
  // own close ends every request still open on it too.
  const forget = abortOnSocketClose(req.socket, abort);
  (res ?? req).once('close', () => {
    forget();
    abort();
  });
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v));
    else if (value !== undefined) headers.set(key, value);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const target = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  // A path is appended, never resolved: `new URL('//evil.example/api', origin)` would take evil.example
  // as the host, past the Host and Origin checks.
  const url = target.startsWith('/') ? new URL(origin + target) : new URL(target, origin);
  return new Request(url, {
    method,
    headers,
    signal: controller.signal,
    ...(hasBody && { body: bodyStream(req), duplex: 'half' }),
  } as RequestInit);
}

/** Whether something before us (express.json(), a framework) consumed the body already. */
function bodyAlreadyRead(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  return req.readableDidRead || req.readableEnded || (req as IncomingMessage & { _body?: unknown })._body === true;
}

/** How many `Host` headers came: Node keeps the first of several, where a proxy in front may have read another. */
function hostHeaders(req: IncomingMessage): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === 'host') count += 1;
  return count;
}

/** What to answer without asking the backend: what no fetch `Request` can carry, or a body already gone. */
function refusal(req: IncomingMessage): Response | undefined {
  if (!METHODS.has(req.method ?? '')) return backendErrorResponse(501, 'Method not implemented', { Allow: 'GET, HEAD, POST, OPTIONS' });
  if (!HOST.test(req.headers.host ?? '') || hostHeaders(req) > 1) return backendErrorResponse(400, 'Invalid Host header');
  if (bodyAlreadyRead(req)) return bodyAlreadyReadResponse();
  return undefined;
}

/** How much of an unread body is discarded after an early answer, and how long the connection lingers. */
const LINGER_BYTES = 1024 * 1024;
const LINGER_MS = 2_000;

/**
 * After an answer that came before the body was read (a 413, 403, 415): the rest is never buffered. A
 * small rest is discarded, so the connection stays usable once the body ends; past `LINGER_BYTES`
 * nothing more is read. Closing at once would make the kernel reset a connection with unread data, and
 * a client still sending could lose the answer; so the connection closes `LINGER_MS` after the answer
 * (or when the client closes it, or the body ends).
 */
function discardRest(req: IncomingMessage, res: ServerResponse): void {
  req.removeAllListeners('data');
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.byteLength;
    if (discarded > LINGER_BYTES) req.pause();
  });
  req.resume();
  res.once('finish', () => {
    if (req.complete) return;
    const timer = setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
    req.once('end', () => clearTimeout(timer));
    req.once('close', () => clearTimeout(timer));
  });
}

/**
 * Writes a fetch `Response` to Node's response, streaming (event streams stay open). When the answer
 * comes before the request body was read (a 413, 403, 405), the rest of it is discarded (see
 * `discardRest`), never read into memory.
 */
export async function writeResponse(response: Response, res: ServerResponse, req?: IncomingMessage): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, key) => res.setHeader(key, value));
  if (req && !req.complete) discardRest(req, res);
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
      // Wait for the socket to drain before reading on: an event stream's unsent queue then stays in the
      // stream, where the hub counts it and drops a client that stopped reading, not in Node's buffers.
      if (!res.write(value)) await drained(res);
    }
  } catch {
    // client went away
  }
  res.end();
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * A Node `http` / connect handler for a fetch-style handler. No request can throw out of it: what
 * cannot become a `Request` gets a JSON 400/501, a failing handler a bare 500.
 */
export function nodeHandler(handle: FetchHandler) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const fail = () => {
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    };
    let answer: Promise<Response>;
    try {
      answer = Promise.resolve(refusal(req) ?? handle(toRequest(req, `http://${req.headers.host}`, res)));
    } catch {
      answer = Promise.resolve(backendErrorResponse(400, 'Malformed request'));
    }
    answer.then((response) => writeResponse(response, res, req)).catch(fail);
  };
}

const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_INVALID_METHOD: [501, 'Not Implemented'],
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/** A whole JSON answer written straight to the socket, which then closes. */
function answerOnSocket(socket: Duplex, status: number, reason: string): void {
  const body = JSON.stringify({ error: { message: reason } });
  const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), ...SECURITY_HEADERS, Connection: 'close' };
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`);
}

/** What Node's parser refuses (an unknown method, a broken request line) gets a JSON answer too. */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // An answer already under way on this socket (e.g. an early 413 while the body still comes) must not
  // be followed by a second one: the client would read it as garbage.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  if (!socket.writable || error.code === 'ECONNRESET' || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, reason] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad Request'];
  answerOnSocket(socket, status, reason);
}

/**
 * A Node HTTP server for a fetch-style handler (what the CLI runs): the parser's refusals and CONNECT
 * (which Node hands to no request handler) get JSON answers too; slow or idle clients and the number
 * of connections are bounded (`NodeServerOptions`).
 */
export function createNodeServer(handle: FetchHandler, options: NodeServerOptions = {}): Server {
  return capConnections(createServer(nodeServerOptions(options), nodeHandler(handle)), options)
    .on('clientError', answerClientError)
    .on('connect', (_req: IncomingMessage, socket: Duplex) => {
      socket.on('error', () => {});
      answerOnSocket(socket, 501, 'Not Implemented');
    });
}
