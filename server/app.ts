import type { BackendMode, BackendOptions, RouteContext, RouteModule, StripeClient } from './context.js';
import { withCors } from './cors.js';
import { EventHub } from './event-hub.js';
import { withBoundedHooks } from './hook-deadline.js';
import type { EventStore } from './event-store.js';
import { backendErrorResponse, json, withSecurityHeaders } from './http.js';
import { MemoryEventStore } from './memory-event-store.js';
import { RedisEventStore } from './redis-event-store.js';
import { hostAllowed, routeGuard } from './request-checks.js';
import { routeFailureResponse } from './route-failure.js';
import { Router } from './router.js';
import { widgetRoutes } from './routes/index.js';
import { SimulatorStore } from './simulator/store.js';
import { refuseEveryRequest, simulatorRefusal } from './simulator-guard.js';
import { createWebhookHandler } from './webhooks.js';
import { createStripeClient, lazyStripeClient } from './load-stripe.js';
import { webCryptoWebhooks } from './webhook-signature.js';

export interface Backend {
  mode: BackendMode;
  basePath: string;
  hub: EventHub;
  /** Webhook dedupe and the event stream's fan-out (in memory unless `eventStore` / `redisUrl`). */
  eventStore: EventStore;
  simulator: SimulatorStore;
  /**
   * The `stripe` SDK client. Stripe mode makes it at start (and fails there when `stripe` is not
   * installed); simulator mode never uses it, and loads the SDK only if this is read. Typed without
   * the optional `stripe` package (see `StripeClient`): `backend.stripe as Stripe` for the SDK's type.
   */
  readonly stripe: StripeClient;
  /**
   * Handles a request whose URL path starts with `basePath` (anything else is a 404): a foreign Host
   * (with `allowedHosts`) is a 421; POSTs pass the same-site, JSON and body-size checks before their route;
   * every answer gets nosniff, no-store and, for `allowedOrigins`, CORS headers. Never rejects for a
   * route's failure: that is a 500 `{ error: { message: 'Internal error' } }` (only the cause's message
   * is logged).
   */
  handle(request: Request): Promise<Response>;
  /** Stops the event store (closes its Redis connections): call it when the server shuts down. */
  close(): Promise<void>;
}

const SIMULATOR_WEBHOOK_SECRET = 'whsec_simulator_local_only';
export const NO_AUTHORIZE =
  'Stripe mode needs an `authorize` option: authorize(request, object) decides whether the signed-in user may see ' +
  'each object (without it every user reads and cancels every order). Pass allowNoAuthorize: true only to try test keys alone.';

/**
 * The reference backend: fetch-style handlers for every widget, the webhook endpoint and the event
 * stream. Stripe mode when `secretKey` is set, otherwise the offline simulator.
 */
export function createBackend(siteOptions: BackendOptions = {}, routes: RouteModule[] = widgetRoutes): Backend {
  const options = withBoundedHooks(siteOptions);
  const mode: BackendMode = options.secretKey ? 'stripe' : 'simulator';
  if (mode === 'stripe' && !options.authorize && !options.allowNoAuthorize) throw new Error(NO_AUTHORIZE);
  const reason = simulatorRefusal(options);
  const refused = reason ? refuseEveryRequest(reason) : undefined;
  const basePath = (options.basePath ?? '/api').replace(/\/+$/, '');
  const stripe = lazyStripeClient(() => createStripeClient(options, options.secretKey ?? 'sk_test_simulator_offline', mode === 'stripe' ? 1 : 0));
  // Stripe mode loads the SDK now, so a missing `stripe` package stops the start, not a request.
  if (mode === 'stripe') stripe();
  const webhookSecret = options.webhookSecret ?? (mode === 'simulator' ? SIMULATOR_WEBHOOK_SECRET : undefined);
  const eventStore = options.eventStore ?? (options.redisUrl ? new RedisEventStore({ url: options.redisUrl }) : new MemoryEventStore());
  const hub = new EventHub(eventStore, { authorize: options.authorize, stream: options.eventStream, userOf: options.userOf });
  const router = new Router();

  const guard = routeGuard(options);

  /** `internal`: the simulator's own webhooks, which come from no host. */
  async function respond(request: Request, internal = false): Promise<Response> {
    if (refused) return refused();
    const url = new URL(request.url);
    if (!internal && !hostAllowed(url, options.allowedHosts)) return backendErrorResponse(421, 'Unknown host');
    const path = url.pathname;
    if (path !== basePath && !path.startsWith(`${basePath}/`)) return backendErrorResponse(404, 'No such route');
    try {
      return await router.handle(request, path.slice(basePath.length) || '/', guard);
    } catch (cause) {
      return routeFailureResponse(cause);
    }
  }
  const serve = async (request: Request, internal = false) =>
    withCors(withSecurityHeaders(await respond(request, internal)), request, options.allowedOrigins, options.allowedHeaders);

  const backend: Backend = {
    mode,
    basePath,
    hub,
    eventStore,
    get stripe() {
      return stripe();
    },
    simulator: undefined as unknown as SimulatorStore,
    handle: (request) => serve(request),
    close: () => eventStore.close(),
  };
  backend.simulator = new SimulatorStore({
    webhookSecret: webhookSecret ?? SIMULATOR_WEBHOOK_SECRET,
    deliver: (request) => serve(new Request(`http://simulator.local${basePath}/webhooks`, request), true),
    ...(options.now && { now: options.now }),
  });

  if (webhookSecret) {
    const hooks = { onWebhookEvent: options.onWebhookEvent, webhookHandlers: options.webhookHandlers };
    router.add('POST', '/webhooks', createWebhookHandler({ stripe: mode === 'stripe' ? stripe() : webCryptoWebhooks, secret: webhookSecret, store: eventStore, hooks }));
  } else {
    router.add('POST', '/webhooks', () => backendErrorResponse(500, 'STRIPE_WEBHOOK_SECRET is not set'));
  }
  router.add('GET', '/events', (request) => hub.streamResponse(request));
  router.add('GET', '/mode', () => json({ mode }));

  const context: RouteContext = {
    mode,
    get stripe() {
      return stripe();
    },
    simulator: backend.simulator,
    hub,
    options,
  };
  for (const register of routes) register(router, context);
  return backend;
}

/**
 * Options from the environment: `STRIPE_SECRET_KEY`, `STRIPE_WEBHOOK_SECRET`, `STRIPE_PUBLISHABLE_KEY`,
 * `STRIPE_CUSTOMER`, `REDIS_URL` (several instances share events and webhook dedupe through it) and
 * `SWK_INSECURE_NO_AUTHORIZE=1`, `SWK_SIMULATOR=1` (run the simulator on purpose, e.g. a staging demo under
 * `NODE_ENV=production`). For the demo and the simulator: it sets no `authorize` hook, so with a
 * secret key `createBackend` refuses to start unless `SWK_INSECURE_NO_AUTHORIZE=1` says it is a local
 * trial. Sites build their options in code (or a `--config` module for the CLI) and set `authorize`.
 */
export function optionsFromEnv(env: Record<string, string | undefined> = process.env): BackendOptions {
  const customer = env.STRIPE_CUSTOMER;
  return {
    ...(env.STRIPE_SECRET_KEY && { secretKey: env.STRIPE_SECRET_KEY }),
    ...(env.STRIPE_WEBHOOK_SECRET && { webhookSecret: env.STRIPE_WEBHOOK_SECRET }),
    ...(env.STRIPE_PUBLISHABLE_KEY && { publishableKey: env.STRIPE_PUBLISHABLE_KEY }),
    ...(customer && { resolveCustomer: () => customer }),
    ...(env.REDIS_URL && { redisUrl: env.REDIS_URL }),
    ...(env.SWK_INSECURE_NO_AUTHORIZE === '1' && { allowNoAuthorize: true }),
    ...(env.SWK_SIMULATOR === '1' && { simulator: true }),
  };
}
