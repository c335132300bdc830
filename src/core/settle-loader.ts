import type { Clock } from './clock.js';

/**
 * settle.ts on demand. What a widget waits for before its first request, and the grace a missing
 * setting gets, matter only while the document is still loading (a script in the head), for a
 * `defer-hydration` element (the React wrappers) and for a setting that is missing: npm builds split
 * settle.ts into a chunk of its own that only such pages fetch. The script-tag build aliases this file
 * to settle-loader.iife.ts (see vite.config.ts): its widgets connect while the page is still loading.
 * A chunk that cannot load fails the run: the widget shows its error state with Retry.
 */
const settle = () => import('./settle.js');

/** The module, unless the run was aborted while it loaded (settle.ts only hears aborts that come later). */
const settleFor = (signal: AbortSignal) =>
  settle().then((module) => {
    signal.throwIfAborted();
    return module;
  });

/** settle.ts's `untilReady`, loaded only when there may be something to wait for (it checks again). */
export function untilReady(host: HTMLElement, signal: AbortSignal): Promise<void> | undefined {
  const parsing = typeof document !== 'undefined' && document.readyState === 'loading';
  if (!parsing && !host.hasAttribute('defer-hydration')) return undefined;
  return settleFor(signal).then((module) => module.untilReady(host, signal));
}

/** settle.ts's `settled`: the page has loaded and `SETTLE_MS` more have passed on `clock`. */
export const settled = (clock: Clock, signal: AbortSignal): Promise<void> => settleFor(signal).then((module) => module.settled(clock, signal));
