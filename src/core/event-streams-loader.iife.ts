import type { Clock } from './clock.js';
import { eventStreamsFor, type StreamSubscriber } from './event-streams.js';

// The script-tag build's event-streams-loader.ts: the streams are in the one file already.

export const eventStreamsReady = (): undefined => undefined;

export function subscribeEvents(url: string, clock: Clock, subscriber: StreamSubscriber): () => void {
  return eventStreamsFor(clock).subscribe(url, subscriber);
}
