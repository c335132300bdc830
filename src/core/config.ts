import type { Appearance } from '@stripe/stripe-js';
import type { SiteMessages } from '../messages.js';
import type { SwkEventDetail } from './analytics.js';

/** A `fetch`-compatible function. Sites wrap `fetch` to add auth headers. */
export type Fetcher = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface KitConfig {
  /** Used by every widget that has no `fetcher` property of its own. Defaults to the global `fetch`. */
  fetch?: Fetcher;
  /** Stripe's Appearance object for every widget without an `appearance` property of its own. */
  appearance?: Appearance | undefined;
  /** Hears every widget's analytics event (the `detail` of `swk-event`), in the order they happen. */
  onEvent?: ((event: SwkEventDetail) => void) | undefined;
  /** The site's own catalogs by language tag (`{ fr: {...} }`), for every widget. */
  messages?: SiteMessages | undefined;
  /** Dev-mode warnings (appearance, contrast, catalogs): on with Lit's development build unless set. */
  dev?: boolean | undefined;
}

let current: KitConfig = {};
const listeners = new Set<() => void>();

/** Sets kit-wide options, e.g. `configure({ fetch: (url, init) => fetch(url, withAuth(init)) })`. */
export function configure(options: KitConfig): void {
  current = { ...current, ...options };
  for (const listener of listeners) listener();
}

export function getConfig(): Readonly<KitConfig> {
  return current;
}

/** Calls `listener` after every `configure()`; returns the unsubscribe function. */
export function onConfigure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Resolves the fetch function at call time so `configure()` after element creation still applies. */
export function resolveFetcher(own?: Fetcher): Fetcher {
  return own ?? current.fetch ?? ((input, init) => fetch(input, init));
}
