import type { Server, ServerOptions } from 'node:http';

/**
 * Limits of the Node HTTP server `createNodeServer` builds (what the CLI runs). Node enforces its
 * header and request timeouts only every `connectionsCheckingInterval` (30 s by default), so that is
 * lowered with them.
 */
export interface NodeServerOptions {
  /** A client still sending its request head after this is answered 408 and closed. Default 10 s. */
  headersTimeoutMs?: number;
  /**
   * A request (head and body) not received whole after this is answered 408 and closed. An open event
   * stream is not affected: its request ended with its head. Default 30 s.
   */
  requestTimeoutMs?: number;
  /** How often Node checks the two timeouts above. Default 1 s. */
  checkIntervalMs?: number;
  /** An idle keep-alive connection is closed after this. Default 5 s (Node's). */
  keepAliveTimeoutMs?: number;
  /** Open connections, event streams included; past it new ones are closed at once. Default 10,000. */
  maxConnections?: number;
}

export const DEFAULT_NODE_SERVER_OPTIONS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  checkIntervalMs: 1_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 10_000,
} as const satisfies Required<NodeServerOptions>;

/** `http.createServer`'s options for `options` (Node refuses a header timeout longer than the request timeout). */
export function nodeServerOptions(options: NodeServerOptions = {}): ServerOptions {
  const limits = { ...DEFAULT_NODE_SERVER_OPTIONS, ...options };
  return {
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
    connectionsCheckingInterval: limits.checkIntervalMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
  };
}

/** Sets the connection cap, which `http.createServer` takes only as a property. */
export function capConnections(server: Server, options: NodeServerOptions = {}): Server {
  server.maxConnections = options.maxConnections ?? DEFAULT_NODE_SERVER_OPTIONS.maxConnections;
  return server;
}
