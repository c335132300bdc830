import type { Stripe } from '@stripe/stripe-js';
import { createSimulatorFetch } from '../../server/simulator-fetch.js';
import type { Clock } from '../core/clock.js';
import type { LiveEvent } from '../core/event-streams.js';
// The core entry (not config.js): the package build keeps it external, so this is the widgets' own module.
import { configure, getConfig } from '../core/index.js';
import { createSimulatedStripe, type SimulatedBankOutcome } from '../fc-link-account/simulated-stripe-js.js';
import { simulatorControls, type SimulatorControls } from './controls.js';
import { fetchEventSource, routedEventSource } from './simulator-event-source.js';

export interface SimulatorOptions {
  /** Where the routes are mounted. Default `/api`. */
  basePath?: string;
  /** Where relative URLs resolve: default the page's address in a browser, `http://simulator.local/` elsewhere. */
  baseUrl?: string;
  /**
   * The simulator's time (tokens expire, cancel windows close): the same `Clock` as the widgets' (a
   * `FakeClock`) makes both move together. Default: the system's.
   */
  clock?: Pick<Clock, 'now'>;
}

/**
 * The backend behind a {@link Simulator}: enough to serve it from a Node server in a browser test
 * (`createNodeServer(simulator.backend.handle)` from `stripe-widget-kit/server`) and to hear its events.
 * (Typed apart from the server entry's `Backend`, whose typings name the optional `stripe` package.)
 */
export interface SimulatorBackend {
  /** Where the routes are mounted (`/api` unless `basePath`). */
  readonly basePath: string;
  /** Hears every event the `GET /events` stream sends (`{ type, id, object }`), as the simulator's webhooks publish them. */
  readonly hub: { subscribe(listener: (event: LiveEvent) => void): () => void };
  /** Answers one request, as the `fetch` function does (a Node server can call it). */
  handle(request: Request): Promise<Response>;
  /** Ends its event streams' store. */
  close(): Promise<void>;
}

/** The reference backend's simulator in this page or process: a `fetch` function with its controls. */
export interface Simulator {
  (input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  readonly backend: SimulatorBackend;
  /** The simulator's controls as typed functions (`simulator.controls.climate.deliverOrder(id)`). */
  readonly controls: SimulatorControls;
  /** `{basePath}/events`, absolute: what to give the widgets' `events-url`. */
  readonly eventsUrl: string;
  /** An `EventSource` class whose streams this simulator's `GET /events` route answers (no network). */
  readonly EventSource: typeof EventSource;
  /**
   * A simulated Stripe.js for `<fc-link-account>`'s `stripe` property: `linked` (the simulator's accounts,
   * or `accountIds`), `empty`, `canceled` (the user closed the flow: no accounts) or `error`.
   */
  simulatedStripe(options?: { outcome?: SimulatedBankOutcome; accountIds?: string[] }): Stripe;
  /**
   * Makes every widget on the page use this simulator: `configure({ fetch })`, and `globalThis.EventSource`
   * replaced by one that opens this simulator's URLs with {@link EventSource} and any other URL with the
   * browser's own. Returns the function that undoes both.
   */
  install(): () => void;
}

/**
 * The reference backend's simulator as a `fetch`-compatible function, for tests and static pages: no
 * server, no network, no `stripe` package, in a browser or in Node. Every route, the simulator's seeded
 * objects (README "Simulator ids") and its signed webhooks work as on `npx stripe-widget-kit-backend`.
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const { clock, ...fetchOptions } = options;
  const simulatorFetch = createSimulatorFetch({ ...fetchOptions, ...(clock && { now: () => Math.floor(clock.now() / 1000) }) });
  const baseUrl = () => fetchOptions.baseUrl ?? globalThis.location?.href ?? 'http://simulator.local/';
  const basePath = simulatorFetch.backend.basePath;
  const eventsUrl = new URL(`${basePath}/events`, baseUrl()).href;
  const owns = (url: URL) => {
    const base = new URL(basePath, baseUrl());
    return url.origin === base.origin && (url.pathname === base.pathname || url.pathname.startsWith(`${base.pathname}/`));
  };
  const SimulatorEventSource = fetchEventSource(simulatorFetch, baseUrl());
  const completeUrl = `${basePath}/simulator/financial_connections/sessions/complete`;

  return Object.assign(simulatorFetch, {
    controls: simulatorControls(simulatorFetch, basePath),
    eventsUrl,
    EventSource: SimulatorEventSource,
    simulatedStripe: ({ outcome, accountIds }: { outcome?: SimulatedBankOutcome; accountIds?: string[] } = {}) =>
      createSimulatedStripe({ completeUrl, fetch: simulatorFetch, ...(outcome && { outcome }), ...(accountIds && { accountIds }) }),
    install() {
      const previousFetch = getConfig().fetch;
      const previousEventSource = Object.getOwnPropertyDescriptor(globalThis, 'EventSource');
      configure({ fetch: simulatorFetch });
      globalThis.EventSource = routedEventSource(SimulatorEventSource, previousEventSource?.value as typeof EventSource | undefined, owns, baseUrl);
      return () => {
        configure({ fetch: previousFetch });
        if (previousEventSource) Object.defineProperty(globalThis, 'EventSource', previousEventSource);
        else delete (globalThis as { EventSource?: unknown }).EventSource;
      };
    },
  });
}
