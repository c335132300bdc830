import type Stripe from 'stripe';
import type { EventHub } from './event-hub.js';
import type { Router } from './router.js';
import type { SimulatorStore } from './simulator/store.js';

export type BackendMode = 'stripe' | 'simulator';

export interface BackendOptions {
  /** `sk_…`. When missing the backend runs the offline simulator. */
  secretKey?: string;
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
  /** The connected account to act for (`Stripe-Account`), if any, for this request. */
  resolveStripeAccount?: (request: Request) => Promise<string | undefined> | string | undefined;
  /** Publishable key handed to the browser with a Financial Connections session. */
  publishableKey?: string;
  /** Seconds since the epoch; injectable for tests of the simulator. */
  now?: () => number;
}

/** What each widget's route module gets. */
export interface RouteContext {
  mode: BackendMode;
  /** The SDK client: real in stripe mode; in simulator mode used only for webhook signing. */
  stripe: Stripe;
  simulator: SimulatorStore;
  hub: EventHub;
  options: BackendOptions;
}

/** A widget's routes. Simulator-only routes (demo controls) go under `/simulator/…`. */
export type RouteModule = (router: Router, context: RouteContext) => void;
