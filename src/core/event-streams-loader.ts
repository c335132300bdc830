import type { Clock } from './clock.js';
import type * as EventStreams from './event-streams.js';
import type { StreamSubscriber } from './event-streams.js';

let streams: typeof EventStreams | undefined;
let loading: Promise<typeof EventStreams> | undefined;

/**
 * Subscribes to `url`'s shared stream (event-streams.ts), which npm builds split into a chunk of its
 * own, fetched the first time a widget has an `events-url`: pages without one never download it. Until
 * it has arrived the subscription waits; a load that fails calls `failed` (the widget asks again on its
 * next update). Returns the unsubscribe. The script-tag build aliases this file to
 * event-streams-loader.iife.ts (see vite.config.ts): its pages mostly listen, and one file is what they load.
 */
export function subscribeEvents(url: string, clock: Clock, subscriber: StreamSubscriber, failed: () => void): () => void {
  if (streams) return streams.eventStreamsFor(clock).subscribe(url, subscriber);
  let wanted = true;
  let unsubscribe: (() => void) | undefined;
  loading ??= import('./event-streams.js').then(
    (module) => (streams = module),
    (cause: unknown) => {
      loading = undefined;
      throw cause;
    },
  );
  loading.then(
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
