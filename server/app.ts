import Stripe from 'stripe';
import type { BackendMode, BackendOptions, RouteContext, RouteModule } from './context.js';
import { EventHub } from './event-hub.js';
import type { EventStore } from './event-store.js';
import { backendErrorResponse, json } from './http.js';
import { MemoryEventStore } from './memory-event-store.js';
import { RedisEventStore } from './redis-event-store.js';
import { Router } from './router.js';
import { widgetRoutes } from './routes/index.js';
import { SimulatorStore } from './simulator/store.js';
import { createWebhookHandler } from './webhooks.js';

export interface Backend {
  mode: BackendMode;
  basePath: string;
  hub: EventHub;
  /** Webhook dedupe and the event stream's fan-out (in memory unless `eventStore` / `redisUrl`). */
  eventStore: EventStore;
  simulator: SimulatorStore;
  stripe: Stripe;
  /** Handles a request whose URL path starts with `basePath`; anything else is a 404. */
  handle(request: Request): Promise<Response>;
  /** Stops the event store (closes its Redis connections): call it when the server shuts down. */
  close(): Promise<void>;
}

const SIMULATOR_WEBHOOK_SECRET = 'whsec_simulator_local_only';

/**
 * The reference backend: fetch-style handlers for every widget, the webhook endpoint and the event
 * stream. Stripe mode when `secretKey` is set, otherwise the offline simulator.
 */
export function createBackend(options: BackendOptions = {}, routes: RouteModule[] = widgetRoutes): Backend {
  const mode: BackendMode = options.secretKey ? 'stripe' : 'simulator';
  const basePath = (options.basePath ?? '/api').replace(/\/+$/, '');
  const stripe = new Stripe(options.secretKey ?? 'sk_test_simulator_offline', {
    maxNetworkRetries: mode === 'stripe' ? 1 : 0,
    ...(options.stripeHost && { host: options.stripeHost }),
    ...(options.stripePort && { port: options.stripePort }),
    ...(options.stripeProtocol && { protocol: options.stripeProtocol }),
  });
  const webhookSecret = options.webhookSecret ?? (mode === 'simulator' ? SIMULATOR_WEBHOOK_SECRET : undefined);
  const eventStore = options.eventStore ?? (options.redisUrl ? new RedisEventStore({ url: options.redisUrl }) : new MemoryEventStore());
  const hub = new EventHub(eventStore, { authorize: options.authorize, stream: options.eventStream });
  const router = new Router();

  const backend: Backend = {
    mode,
    basePath,
    hub,
    eventStore,
    stripe,
    simulator: undefined as unknown as SimulatorStore,
    async handle(request) {
      const path = new URL(request.url).pathname;
      if (path !== basePath && !path.startsWith(`${basePath}/`)) return backendErrorResponse(404, 'Not found');
      try {
        return await router.handle(request, path.slice(basePath.length) || '/');
      } catch (cause) {
        console.error('[stripe-widget-kit] route failed:', cause instanceof Error ? cause.message : cause);
        return backendErrorResponse(500, 'Internal error');
      }
    },
    close: () => eventStore.close(),
  };
  backend.simulator = new SimulatorStore({
    stripe,
    webhookSecret: webhookSecret ?? SIMULATOR_WEBHOOK_SECRET,
    deliver: (request) => backend.handle(new Request(`http://simulator.local${basePath}/webhooks`, request)),
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
 * Options from the environment: `STRIPE_SECRET_KEY`, `STRIPE_WEBHOOK_SECRET`, `STRIPE_PUBLISHABLE_KEY`, `STRIPE_CUSTOMER`,
 * `REDIS_URL` (several instances share events and webhook dedupe through it).
 * For the demo and for trying test keys alone: it sets no `authorize` hook, so the routes answer any
 * object id in the account. Production sites must build their options in code and set `authorize`.
 */
export function optionsFromEnv(env: Record<string, string | undefined> = process.env): BackendOptions {
  const customer = env.STRIPE_CUSTOMER;
  return {
    ...(env.STRIPE_SECRET_KEY && { secretKey: env.STRIPE_SECRET_KEY }),
    ...(env.STRIPE_WEBHOOK_SECRET && { webhookSecret: env.STRIPE_WEBHOOK_SECRET }),
    ...(env.STRIPE_PUBLISHABLE_KEY && { publishableKey: env.STRIPE_PUBLISHABLE_KEY }),
    ...(customer && { resolveCustomer: () => customer }),
    ...(env.REDIS_URL && { redisUrl: env.REDIS_URL }),
  };
}
