import type { BackendOptions } from './context.js';
import { backendErrorResponse } from './http.js';

export const NO_SECRET_KEY =
  'No STRIPE_SECRET_KEY (secretKey): a production backend never falls back to the offline simulator, whose webhook ' +
  'secret is public and whose demo controls are open to anyone. Set STRIPE_SECRET_KEY, or run the simulator on purpose ' +
  'with simulator: true or SWK_SIMULATOR=1 (the CLI: --simulator).';

const env = () => (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};

/**
 * Why the backend must not run the simulator for these options, or `undefined`: without a secret key
 * it would, so under `NODE_ENV=production` (or when `site` says a site configured it, as the CLI's
 * `--config`) that needs `simulator: true` or `SWK_SIMULATOR=1`.
 */
export function simulatorRefusal(options: BackendOptions, { site = false } = {}): string | undefined {
  if (options.secretKey || options.simulator || env().SWK_SIMULATOR === '1') return undefined;
  return site || env().NODE_ENV === 'production' ? NO_SECRET_KEY : undefined;
}

/**
 * What a backend that must not run the simulator answers to every request, webhooks and simulator
 * controls included: a 500 naming STRIPE_SECRET_KEY. It is said in the log at once (at start) rather
 * than thrown, because frameworks evaluate route modules at build time, before runtime secrets exist.
 */
export function refuseEveryRequest(reason: string): () => Response {
  console.error(`[stripe-widget-kit] ${reason}`);
  return () => backendErrorResponse(500, 'The backend is not configured: STRIPE_SECRET_KEY is missing');
}
