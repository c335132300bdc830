import { getConfig } from './config.js';

/**
 * Dev mode: `configure({ dev })` when set, else whether Lit runs its development build (the
 * `development` export condition that Vite's dev server and @web/dev-server resolve; Lit's dev build
 * creates `globalThis.litIssuedWarnings`). Production bundles and the script-tag build stay quiet.
 */
export function isDev(): boolean {
  return getConfig().dev ?? 'litIssuedWarnings' in globalThis;
}

const warned = new Set<string>();

/** Warns once per distinct message, in dev mode only. */
export function devWarn(message: string): void {
  if (!isDev() || warned.has(message)) return;
  warned.add(message);
  // eslint-disable-next-line no-console -- dev mode's one channel: the developer's console
  console.warn(`stripe-widget-kit: ${message}`);
}
