import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import type { Backend } from '../app.js';
import { createNodeServer } from '../node-adapter.js';
import type { NodeServerOptions } from '../server-timeouts.js';

export interface RawResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** Body bytes the client had written when the answer came (see `stream`). */
  sent: number;
}

export interface RawOptions {
  /**
   * After the head, keep writing `chunk` (chunk-encoded when `chunked`) until the answer arrives or
   * `total` bytes are out: an upload that never ends unless the server stops it.
   */
  stream?: { chunk: Buffer; total: number; chunked: boolean };
}

/**
 * Sends `head` as raw bytes over a new connection and reads one answer: for what `fetch` refuses to
 * send (TRACE, a broken `Host`, a foreign `Host`, a body that goes on and on).
 */
export function sendRaw(port: number, head: string, options: RawOptions = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let answered: RawResponse | undefined;
    let sent = 0;
    const finish = (response: RawResponse) => {
      answered = response;
      socket.destroy();
      resolve(response);
    };
    const parse = (ended: boolean) => {
      const response = parseAnswer(received, ended);
      if (response) finish({ ...response, sent });
    };
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      parse(false);
    });
    socket.on('end', () => parse(true));
    socket.on('close', () => {
      if (!answered) reject(new Error(`connection closed without a whole answer: ${JSON.stringify(received.toString('latin1').slice(0, 200))}`));
    });
    // Writing into a connection the server already answered and closed fails: that is the point.
    socket.on('error', () => {});
    // Only a guard so a server that never answers fails the test instead of hanging it.
    socket.setTimeout(10_000, () => socket.destroy());
    socket.write(head);
    const { stream } = options;
    if (!stream) return;
    const pump = () => {
      while (!answered && !socket.destroyed && sent < stream.total) {
        const frame = stream.chunked ? Buffer.concat([Buffer.from(`${stream.chunk.length.toString(16)}\r\n`), stream.chunk, Buffer.from('\r\n')]) : stream.chunk;
        sent += stream.chunk.length;
        if (!socket.write(frame)) return void socket.once('drain', pump);
      }
    };
    pump();
  });
}

/** A raw connection a test drives step by step: slow senders, half-open bodies, pipelining. */
export interface RawConnection {
  write(data: string | Buffer): void;
  /** The first whole answer; rejects when none came within `timeoutMs`. */
  answer(timeoutMs?: number): Promise<RawResponse>;
  /** Resolves with the milliseconds since the connection opened once the server closed it; rejects after `timeoutMs`. */
  closed(timeoutMs?: number): Promise<number>;
  /** Everything received so far, as text. */
  received(): string;
  destroy(): void;
}

export function openRaw(port: number): RawConnection {
  const socket = connect(port, '127.0.0.1');
  const opened = Date.now();
  let received = Buffer.alloc(0);
  let closedAt: number | undefined;
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((w) => w());
  socket.on('data', (data: Buffer) => {
    received = Buffer.concat([received, data]);
    wake();
  });
  socket.on('close', () => {
    closedAt = Date.now();
    wake();
  });
  socket.on('error', () => {});
  const waitFor = <T>(check: () => T | undefined, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value === undefined) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => (cleanup(), reject(new Error(`no ${what} within ${timeoutMs} ms`))), timeoutMs);
      const cleanup = () => (clearTimeout(timer), waiters.delete(waiter));
      const waiter = () => void attempt();
      if (!attempt()) waiters.add(waiter);
    });
  return {
    write: (data) => void socket.write(data),
    answer: (timeoutMs = 5_000) => waitFor(() => parseAnswer(received, closedAt !== undefined), timeoutMs, 'answer'),
    closed: (timeoutMs = 5_000) => waitFor(() => (closedAt === undefined ? undefined : closedAt - opened), timeoutMs, 'close by the server'),
    received: () => received.toString('utf8'),
    destroy: () => socket.destroy(),
  };
}

/** One whole HTTP answer at the start of `received`, or undefined while it is incomplete. */
function parseAnswer(received: Buffer, ended: boolean): RawResponse | undefined {
  const end = received.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = received.subarray(end + 4);
  const status = Number(statusLine.split(' ')[1]);
  if (headers['transfer-encoding'] === 'chunked') {
    const body = dechunk(rest);
    return body === undefined ? undefined : { status, headers, body, sent: 0 };
  }
  const length = headers['content-length'] === undefined ? undefined : Number(headers['content-length']);
  if (length !== undefined ? rest.length >= length : ended) return { status, headers, body: rest.subarray(0, length).toString('utf8'), sent: 0 };
  return undefined;
}

/** A chunk-encoded body, decoded; `undefined` until its last chunk is in. */
function dechunk(data: Buffer): string | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (size === 0) return Buffer.concat(parts).toString('utf8');
    if (data.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

export interface TestServer {
  port: number;
  origin: string;
  server: Server;
  close(): Promise<void>;
}

/** The backend behind the same Node server the CLI runs, on a free loopback port. */
export async function startTestServer(backend: Backend, options?: NodeServerOptions): Promise<TestServer> {
  const server = createNodeServer(backend.handle, options);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The server still answers an ordinary request after an attack: `GET /api/mode` is a 200. */
export async function stillServes(server: TestServer): Promise<number> {
  const response = await fetch(`${server.origin}/api/mode`);
  await response.arrayBuffer();
  return response.status;
}
