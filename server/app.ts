import Stripe from 'stripe';
import type { BackendMode, BackendOptions, RouteContext, RouteModule } from './context.js';
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
import { simulatorRefusal } from './simulator-guard.js';
import { createWebhookHandler } from './webhooks.js';

export interface Backend {
  mode: BackendMode;
  basePath: string;
  hub: EventHub;
  /** Webhook dedupe and the event stream's fan-out (in memory unless `eventStore` / `redisUrl`). */
  eventStore: EventStore;
  simulator: SimulatorStore;
  stripe: Stripe;
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
  const refusal = simulatorRefusal(options);
  if (refusal) throw new Error(refusal);
  const basePath = (options.basePath ?? '/api').replace(/\/+$/, '');
  const stripe = new Stripe(options.secretKey ?? 'sk_test_simulator_offline', {
    maxNetworkRetries: mode === 'stripe' ? 1 : 0,
    ...(options.stripeHost && { host: options.stripeHost }),
    ...(options.stripePort && { port: options.stripePort }),
    ...(options.stripeProtocol && { protocol: options.stripeProtocol }),
  });
  const webhookSecret = options.webhookSecret ?? (mode === 'simulator' ? SIMULATOR_WEBHOOK_SECRET : undefined);
  const eventStore = options.eventStore ?? (options.redisUrl ? new RedisEventStore({ url: options.redisUrl }) : new MemoryEventStore());
  const hub = new EventHub(eventStore, { authorize: options.authorize, stream: options.eventStream, userOf: options.userOf });
  const router = new Router();

  const guard = routeGuard(options);

  /** `internal`: the simulator's own webhooks, which come from no host. */
  async function respond(request: Request, internal = false): Promise<Response> {
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
    withCors(withSecurityHeaders(await respond(request, internal)), request, options.allowedOrigins);

  const backend: Backend = {
    mode,
    basePath,
    hub,
    eventStore,
    stripe,
    simulator: undefined as unknown as SimulatorStore,
    handle: (request) => serve(request),
    close: () => eventStore.close(),
  };
  backend.simulator = new SimulatorStore({
    stripe,
    webhookSecret: webhookSecret ?? SIMULATOR_WEBHOOK_SECRET,
    deliver: (request) => serve(new Request(`http://simulator.local${basePath}/webhooks`, request), true),
    ...(options.now && { now: options.now }),
  });

  if (webhookSecret) {
    router.add('POST', '/webhooks', createWebhookHandler({ stripe, secret: webhookSecret, store: eventStore }));
  } else {
    router.add('POST', '/webhooks', () => backendErrorResponse(500, 'STRIPE_WEBHOOK_SECRET is not set'));
  }
  router.add('GET', '/events', (request) => hub.streamResponse(request));
  router.add('GET', '/mode', () => json({ mode }));

  const context: RouteContext = { mode, stripe, simulator: backend.simulator, hub, options };
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
