import type { EventHub, EventStreamOptions } from './event-hub.js';
import type { EventStore } from './event-store.js';
import type { Router } from './router.js';
import type { NodeServerOptions } from './server-timeouts.js';
import type { SimulatorStore } from './simulator/store.js';
import type { WebhookEventHook, WebhookHandlers } from './webhook-hooks.js';
import type { WebhookVerifier } from './webhook-signature.js';

export type BackendMode = 'stripe' | 'simulator';

/** A Stripe object as a route is about to send it to the browser (`id`, `object` and its other fields). */
export type StripeObject = { id: string; object: string } & Record<string, unknown>;

/**
 * Decides whether the signed-in user behind `request` may see (or, for a climate cancel, act on) `object`.
 * Only `true` allows; anything else answers 404 `resource_missing`, the same as an unknown id. A throw
 * answers the backend's own 500 (`{ error: { message: 'Internal error' } }`, nothing of the error sent).
 */
export type AuthorizeObject = (request: Request, object: StripeObject) => boolean | Promise<boolean>;

export interface BackendOptions {
  /** `sk_…`. When missing the backend runs the offline simulator (under `NODE_ENV=production` only with `simulator: true`). */
  secretKey?: string;
  /**
   * Runs the offline simulator on purpose (as does `SWK_SIMULATOR=1`). Needed where a missing key would
   * otherwise be a mistake: under `NODE_ENV=production` without `secretKey` or this, the backend answers
   * every request with a 500 naming STRIPE_SECRET_KEY and says so in the log at start (the simulator's
   * webhook secret is public and its demo controls are open to anyone); the CLI exits instead.
   */
  simulator?: boolean;
  /** The webhook endpoint's signing secret. Simulator mode makes one up when missing. */
  webhookSecret?: string;
  /** Points the SDK elsewhere (tests run a local fake of Stripe's API). */
  stripeHost?: string;
  stripePort?: number;
  stripeProtocol?: 'http' | 'https';
  /** Where the routes are mounted. Default `/api`. */
  basePath?: string;
  /**
   * Resolves the Stripe customer the signed-in user is (Financial Connections' account holder).
   * Sites must supply it in stripe mode; never take a customer id from the browser unchecked.
   */
  resolveCustomer?: (request: Request) => Promise<string> | string;
  /**
   * The connected account to act for (`Stripe-Account`), if any, for this request. Capital is a
   * platform-level API: its offers are filtered by this account instead, and the current-offer route
   * (`GET /capital/financing_offers`) refuses to run in stripe mode without it.
   */
  resolveStripeAccount?: (request: Request) => Promise<string | undefined> | string | undefined;
  /**
   * Ownership check for every object a route answers with: the financing offer (one by id, the current
   * one, each offer of a replacement chain it expands, and before `mark_delivered` is sent), the climate
   * order (before it is shown, and before a cancel is sent to Stripe), the shared payment granted token
   * (before it is shown, and before it is charged) and the PaymentIntent. The widgets send ids anyone can edit in the page,
   * and Stripe only scopes them to the account, so **production sites must set it**, e.g.
   * `(request, object) => object.metadata?.user_id === userIdForSession(request)`.
   * Financial Connections calls it with `{ id: customer, object: 'customer' }` (the customer
   * `resolveCustomer` named) before a session is created, and with the `financial_connections.account`
   * (check `account_holder.customer`) before its balance or owners are shown or refreshed. Climate asks
   * about each `climate.product`: may this user buy it (the product list, order creation and the event
   * stream's price events). The hook gets Stripe's whole object (without
   * secrets); the browser may get fewer fields. Stripe mode requires it (see `allowNoAuthorize`).
   */
  authorize?: AuthorizeObject;
  /**
   * Names the signed-in user behind a request (e.g. the session's user id), or returns nothing for an
   * anonymous one. When set, a request with no user gets a 401 on every widget route before anything is
   * fetched from Stripe, and no event stream (401). The same function caps streams per user
   * (`eventStream.maxConnectionsPerUser`); `eventStream.userOf` alone still does only that.
   */
  userOf?: (request: Request) => string | undefined | Promise<string | undefined>;
  /**
   * Milliseconds the backend waits for a hook (`authorize`, `userOf`, `resolveCustomer`,
   * `resolveStripeAccount`) to settle before answering 503 with `Retry-After`. Default 5 s.
   */
  hookTimeoutMs?: number;
  /**
   * The preview `Stripe-Version` sent on calls to Stripe's preview APIs (Capital financing offers, Shared
   * Payment Tokens). Defaults: `DEFAULT_PREVIEW_STRIPE_VERSIONS` in `preview-versions.ts`.
   */
  previewStripeVersions?: { capital?: string; sharedPayment?: string };
  /**
   * Stripe mode refuses to start without `authorize` (every user could read and cancel every order).
   * `true` runs it anyway: only for trying test keys alone on your own machine.
   */
  allowNoAuthorize?: boolean;
  /**
   * Host names (`Host` header) the backend answers; others get 421 (DNS rebinding). Entries are names
   * (`shop.example`, `[::1]`), `name:port`, or `.example.com` for it and its subdomains. Default: any
   * host (your server or proxy decides); the CLI defaults to localhost, 127.0.0.1 and [::1].
   */
  allowedHosts?: string[];
  /**
   * Other origins (`https://shop.example`) whose pages may call the backend: their POSTs pass the
   * cross-site check and they get CORS headers (credentials allowed). Same-origin calls always pass.
   */
  allowedOrigins?: string[];
  /**
   * Request headers an `allowedOrigins` page may send besides `Content-Type`, `Idempotency-Key`,
   * `Last-Event-ID`, `Authorization`, `X-CSRF-Token` and `X-Requested-With` (the CORS preflight's
   * `Access-Control-Allow-Headers`), e.g. `['X-Tenant']` for a header your `configure({ fetch })` adds.
   */
  allowedHeaders?: string[];
  /** Largest JSON request body, in bytes (413 past it). Default 64 kB. */
  maxJsonBodyBytes?: number;
  /** Largest `POST /webhooks` body, in bytes (413 past it). Default 1 MB. */
  maxWebhookBodyBytes?: number;
  /** Milliseconds a POST body may take to arrive, from when its route starts reading it (408 past it). Default 10 s. */
  bodyTimeoutMs?: number;
  /**
   * Metadata the backend sets on each Climate order it creates for this request (e.g. `{ user_id }`),
   * so that `authorize` recognizes the buyer's order when `<climate-order-status>` shows it later.
   */
  climateOrderMetadata?: (request: Request) => Record<string, string> | undefined | Promise<Record<string, string> | undefined>;
  /** Publishable key handed to the browser with a Financial Connections session. */
  publishableKey?: string;
  /** Seconds since the epoch; injectable for tests of the simulator. */
  now?: () => number;
  /**
   * Where webhook dedupe and the event stream's fan-out and replay buffer live. Default: this process's
   * memory (one instance). For several instances: `redisUrl` (README "Running more than one instance").
   */
  eventStore?: EventStore;
  /** Shorthand for `eventStore: new RedisEventStore({ url: redisUrl })`; `REDIS_URL` for the CLI. */
  redisUrl?: string;
  /** `GET /events` limits: connections per user (`userOf`) and in total, unsent bytes per client. */
  eventStream?: EventStreamOptions;
  /** Timeouts and the connection cap of the Node server the CLI runs (`createNodeServer(handle, options.server)`). */
  server?: NodeServerOptions;
  /**
   * Your code for every verified webhook event, e.g. to keep your own records in step with Stripe. Called
   * once per event (deduplicated, on exactly one instance when several share Redis), after its object
   * passed the widgets' schema, with Stripe's whole event (a PaymentIntent's `client_secret` removed),
   * before the event reaches the event stream. A throw or rejection answers 500, so Stripe retries and
   * the hook runs again. Finish within 60 s: past that another instance may run it too.
   */
  onWebhookEvent?: WebhookEventHook;
  /**
   * Like `onWebhookEvent`, one typed handler per event type, run before it:
   * `{ 'capital.financing_offer.replacement_created': (event) => … }` gets `event.data.object` as a
   * `CapitalFinancingOffer`.
   */
  webhookHandlers?: WebhookHandlers;
}

/**
 * The `stripe` SDK client, as the public typings name it. `stripe` is an optional peer dependency (the
 * simulator runs without it), so these typings do not import its types: a project without it would
 * fail to compile them (TS2307 with `skipLibCheck: false`). This is the part every SDK version has; the
 * object is the SDK's `Stripe` instance, so with `stripe` installed give it that type:
 * `context.stripe as Stripe` (`import type Stripe from 'stripe'`).
 */
export interface StripeClient extends WebhookVerifier {
  rawRequest(method: string, path: string, params?: Record<string, unknown>, options?: Record<string, unknown>): Promise<unknown>;
}

/** What each widget's route module gets. */
export interface RouteContext {
  mode: BackendMode;
  /** The SDK client, for stripe mode (simulator routes never read it: the SDK is then not even loaded). */
  readonly stripe: StripeClient;
  simulator: SimulatorStore;
  hub: EventHub;
  options: BackendOptions;
}

/** A widget's routes. Simulator-only routes (demo controls) go under `/simulator/…`. */
export type RouteModule = (router: Router, context: RouteContext) => void;
