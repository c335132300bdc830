import { systemClock, type Clock } from './clock.js';

/**
 * How long a widget whose required setting is missing waits, once the page has loaded, before it says
 * so: a framework that sets properties when it hydrates (React, Next.js) gets that long to set them.
 */
export const SETTLE_MS = 1000;

const aborted = (signal: AbortSignal) => signal.reason ?? new DOMException('Aborted', 'AbortError');

/** Resolves on `target`'s `type` event, or rejects when `signal` aborts first. */
function nextEvent(target: EventTarget, type: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      signal.removeEventListener('abort', stop);
      resolve();
    };
    const stop = () => {
      target.removeEventListener(type, done);
      reject(aborted(signal));
    };
    target.addEventListener(type, done, { once: true });
    signal.addEventListener('abort', stop, { once: true });
  });
}

/** Resolves when `defer-hydration` leaves `host` (a wrapper removes it once every property is set). */
function attributeRemoved(host: HTMLElement, name: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (host.hasAttribute(name)) return;
      observer.disconnect();
      signal.removeEventListener('abort', stop);
      resolve();
    });
    const stop = () => {
      observer.disconnect();
      reject(aborted(signal));
    };
    observer.observe(host, { attributes: true, attributeFilter: [name] });
    signal.addEventListener('abort', stop, { once: true });
  });
}

/**
 * What a widget waits for before its first request, or `undefined` when nothing: the rest of the page's
 * synchronous scripts (while the document is still loading, until `DOMContentLoaded`, so a
 * `configure({ fetch })` after the markup applies to the first request), and the `defer-hydration`
 * attribute (Lit's SSR convention, which the React wrappers render) to be removed.
 */
export function untilReady(host: HTMLElement, signal: AbortSignal): Promise<void> | undefined {
  const parsing = typeof document !== 'undefined' && document.readyState === 'loading';
  const deferred = host.hasAttribute('defer-hydration');
  if (!parsing && !deferred) return undefined;
  return (async () => {
    if (parsing) await nextEvent(document, 'DOMContentLoaded', signal);
    if (host.hasAttribute('defer-hydration')) await attributeRemoved(host, 'defer-hydration', signal);
  })();
}

/** Resolves once the page has loaded (`load`) and `SETTLE_MS` more have passed on `clock`. */
export async function settled(clock: Clock = systemClock, signal: AbortSignal): Promise<void> {
  if (typeof document !== 'undefined' && document.readyState !== 'complete') await nextEvent(window, 'load', signal);
  await new Promise<void>((resolve, reject) => {
    const timer = clock.setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, SETTLE_MS);
    const stop = () => {
      clock.clearTimeout(timer);
      reject(aborted(signal));
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}
