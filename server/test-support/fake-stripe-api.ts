import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBackend, type Backend } from '../app.js';
import type { BackendOptions, RouteModule } from '../context.js';
import { missingObject, rejectRequest } from './stripe-endpoints.js';

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/climate/orders/climorder_1`. */
  path: string;
  /** Query parameters (`expand[0]=product` stays as `expand[0]`). */
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** The form-encoded body Stripe's SDK sends, decoded. */
  form: URLSearchParams;
}

export type FakeReply = { status?: number; body: unknown; headers?: Record<string, string> };
export type FakeRoute = (request: RecordedRequest) => FakeReply | undefined;

/**
 * A local stand-in for api.stripe.com: records each request the `stripe` SDK makes, refuses what Stripe
 * would refuse (an unknown URL, an unknown or missing parameter, a preview API without a preview
 * `Stripe-Version`: see `stripe-endpoints.ts`), and answers the rest from `routes` (first non-undefined
 * reply wins; otherwise Stripe's 404 `resource_missing`).
 */
export async function startFakeStripeApi(routes: FakeRoute[]) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      };
      requests.push(recorded);
      const params = new URLSearchParams([...recorded.query, ...recorded.form]);
      const version = req.headers['stripe-version'];
      const reply: FakeReply =
        rejectRequest(recorded.method, recorded.path, params, typeof version === 'string' ? version : undefined) ??
        routes.map((r) => r(recorded)).find((r) => r !== undefined) ??
        missingObject(recorded.method, recorded.path);
      res.statusCode = reply.status ?? 200;
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Request-Id', `req_fake_${requests.length}`);
      for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    /**
     * A backend in stripe mode whose SDK talks to this fake. Route tests run without an ownership rule
     * (`allowNoAuthorize`) unless they pass `authorize`.
     */
    backend(options: BackendOptions = {}, routeModules?: RouteModule[]): Backend {
      return createBackend(
        { secretKey: 'sk_test_fake', stripeHost: '127.0.0.1', stripePort: port, stripeProtocol: 'http', allowNoAuthorize: true, ...options },
        routeModules,
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A widget's POST as the browser sends it: a JSON body and an Idempotency-Key. */
export function jsonPost(body: unknown, idempotencyKey = 'swk_test'): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey }, body: JSON.stringify(body) };
}

/** `GET http://test.local/api/…` against a backend, as the browser would call it. */
export function call(backend: Backend, path: string, init?: RequestInit): Promise<Response> {
  return backend.handle(new Request(`http://test.local${backend.basePath}${path}`, init));
}
