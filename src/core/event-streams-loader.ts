import type { Clock } from './clock.js';
import type * as EventStreams from './event-streams.js';
import type { StreamSubscriber } from './event-streams.js';

// event-streams.ts on demand: npm builds split it into a chunk of its own, fetched the first time a
// widget has an `events-url`; pages without one never download it. The script-tag build aliases this
// file to event-streams-loader.iife.ts (see vite.config.ts): its pages mostly listen, and one file is
// what they load.
let streams: typeof EventStreams | undefined;
let loading: Promise<typeof EventStreams> | undefined;

const load = (): Promise<typeof EventStreams> =>
  (loading ??= import('./event-streams.js').then(
    (module) => (streams = module),
    (cause: unknown) => {
      // Not kept: the next update asks again.
      loading = undefined;
      throw cause;
    },
  ));

/**
 * What an element with an `events-url` waits for before an update (SwkElement.scheduleUpdate), as a
 * Japanese one waits for its texts: the stream code, so that its subscription (asked for when it
 * connected, and made first once the code is there) is open before its first request, and nothing
 * that happens after the answer goes unheard. Undefined when there is nothing to wait for; a load
 * that fails does not hold the update.
 */
export function eventStreamsReady(url: string): Promise<void> | undefined {
  if (streams || !url || typeof EventSource === 'undefined') return undefined;
  return load().then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Subscribes to `url`'s shared stream; until the stream code has arrived the subscription waits, and a
 * load that fails calls `failed` (the widget asks again on its next update). Returns the unsubscribe.
 */
export function subscribeEvents(url: string, clock: Clock, subscriber: StreamSubscriber, failed: () => void): () => void {
  if (streams) return streams.eventStreamsFor(clock).subscribe(url, subscriber);
  let wanted = true;
  let unsubscribe: (() => void) | undefined;
  load().then(
    (module) => {
      if (wanted) unsubscribe = module.eventStreamsFor(clock).subscribe(url, subscriber);
    },
    () => {
      if (wanted) failed();
    },
  );
  return () => {
    wanted = false;
    unsubscribe?.();
  };
}
