import { createBackend, type Backend } from './app.js';
import type { BackendOptions } from './context.js';

/** Options of the in-page simulator: simulator mode only, so no key, Redis or `authorize`. */
export type SimulatorFetchOptions = Pick<BackendOptions, 'basePath' | 'now' | 'eventStream' | 'publishableKey'> & {
  /**
   * Where relative URLs resolve (`/api/…`): default the page's own address in a browser,
   * `http://simulator.local/` elsewhere.
   */
  baseUrl?: string;
};

/** A `fetch`-compatible function answered by the simulator in this process; `backend` is its state. */
export interface SimulatorFetch {
  (input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** The backend behind it: `simulator` (the store), `hub` (what the event stream would send), `close()`. */
  readonly backend: Backend;
}

/**
 * The reference backend in simulator mode as a `fetch` function: no server, no network, no Node-only
 * module, no `stripe` package, so it runs in a browser page or a test as well as in Node. Give it to a
 * widget's `fetcher` (or `configure({ fetch })`); every route, simulator control
 * (`POST /api/simulator/…`) and signed webhook works as on `npx stripe-widget-kit-backend`.
 */
export function createSimulatorFetch(options: SimulatorFetchOptions = {}): SimulatorFetch {
  const { baseUrl, ...backendOptions } = options;
  const backend = createBackend(backendOptions);
  const base = baseUrl ?? globalThis.location?.href ?? 'http://simulator.local/';
  const simulatorFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? new Request(input, init) : new Request(new URL(String(input), base), init);
    return backend.handle(request);
  };
  return Object.assign(simulatorFetch, { backend });
}
