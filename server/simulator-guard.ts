import type { BackendOptions } from './context.js';

export const NO_SECRET_KEY =
  'No STRIPE_SECRET_KEY (secretKey): a production backend never falls back to the offline simulator, whose webhook ' +
  'secret is public and whose demo controls are open to anyone. Set STRIPE_SECRET_KEY, or run the simulator on purpose ' +
  'with simulator: true (the CLI: --simulator or SWK_SIMULATOR=1).';

const inProduction = () => (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.NODE_ENV === 'production';

/**
 * Why the backend must not run the simulator for these options, or `undefined`: without a secret key
 * it would, so under `NODE_ENV=production` (or when `site` says a site configured it, as the CLI's
 * `--config`) that needs `simulator: true`.
 */
export function simulatorRefusal(options: BackendOptions, { site = false } = {}): string | undefined {
  if (options.secretKey || options.simulator) return undefined;
  return site || inProduction() ? NO_SECRET_KEY : undefined;
}
