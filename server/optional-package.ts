/**
 * Loads an optional peer dependency (`stripe`, `redis`) synchronously, when a feature first needs it and
 * never at import time: the simulator, the Vite plugin and `require('stripe-widget-kit/server')` work
 * without them, and nothing here imports a Node module a browser bundle would choke on. `missing` is
 * the error's message when the package is not installed.
 */
export function requireOptional<T>(name: string, missing: string): T {
  const nodeModule = globalThis.process?.getBuiltinModule?.('node:module');
  if (!nodeModule) throw new Error(`${missing} (this needs Node.js 20.19 or later)`);
  try {
    return nodeModule.createRequire(import.meta.url)(name) as T;
  } catch (cause) {
    const error = cause as { code?: string; message?: string };
    if (error?.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes(`'${name}'`)) throw cause;
    throw new Error(missing, { cause });
  }
}
