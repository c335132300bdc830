import type { BackendOptions } from './context.js';

/** Default of `hookTimeoutMs`: a session lookup or an ownership query takes far less. */
export const DEFAULT_HOOK_TIMEOUT_MS = 5_000;

/** A site hook (`authorize`, `userOf`, …) that did not settle in time: the request answers 503. */
export class HookTimeout extends Error {
  override name = 'HookTimeout';
}

type Hook<A extends unknown[], R> = ((...args: A) => R) | undefined;

function bounded<A extends unknown[], R>(name: string, hook: Hook<A, R>, ms: number): Hook<A, Promise<Awaited<R>>> {
  if (!hook) return undefined;
  return (...args) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HookTimeout(`${name} did not settle within ${ms} ms`)), ms);
    });
    return Promise.race([Promise.resolve().then(() => hook(...args)), late]).finally(() => clearTimeout(timer));
  };
}

/**
 * `options` with each of the site's hooks bounded: a call that has not settled after `hookTimeoutMs`
 * rejects with `HookTimeout`, which the backend answers with a 503 (and an event the stream cannot
 * check is not sent), instead of holding the request open for as long as the hook hangs. Every route
 * reads its hooks from these options, so a new route is covered without doing anything.
 */
export function withBoundedHooks(options: BackendOptions): BackendOptions {
  const ms = options.hookTimeoutMs ?? DEFAULT_HOOK_TIMEOUT_MS;
  const { eventStream } = options;
  return {
    ...options,
    authorize: bounded('authorize', options.authorize, ms),
    userOf: bounded('userOf', options.userOf, ms),
    resolveCustomer: bounded('resolveCustomer', options.resolveCustomer, ms),
    resolveStripeAccount: bounded('resolveStripeAccount', options.resolveStripeAccount, ms),
    ...(eventStream && { eventStream: { ...eventStream, userOf: bounded('eventStream.userOf', eventStream.userOf, ms) } }),
  };
}
