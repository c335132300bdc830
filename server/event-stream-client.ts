import type { AuthorizeObject } from './context.js';
import { compareEventIds, type EventStore, type StoredEvent } from './event-store.js';

/** What the hub calls on each of its streams (and on server-side listeners). */
export interface Subscriber {
  event(event: StoredEvent): void;
  reset(): void;
  ping?(): void;
}

const encoder = new TextEncoder();
const REFETCH = encoder.encode('event: swk-refetch\ndata: {}\n\n');
const PING = encoder.encode(': ping\n\n');
const RETRY = encoder.encode('retry: 2000\n\n');
/** Events waiting for an asynchronous `authorize` answer, per client, before the client is dropped. */
const MAX_PENDING_CHECKS = 1_000;

/** The wire's `data` of an event: ids and types only, never the object. */
export const wireEvent = (event: StoredEvent) => ({
  type: event.type,
  id: event.object.id,
  object: typeof event.object.object === 'string' ? event.object.object : '',
});

/** Each event is encoded once, however many streams send it. */
const frames = new WeakMap<StoredEvent, Uint8Array>();
function frameOf(event: StoredEvent): Uint8Array {
  let frame = frames.get(event);
  if (!frame) frames.set(event, (frame = encoder.encode(`id: ${event.id}\ndata: ${JSON.stringify(wireEvent(event))}\n\n`)));
  return frame;
}

/**
 * One `GET /events` client: sends what `authorize` allows, in stream order, and is dropped (its unsent
 * queue discarded) once that queue passes the stream's high-water mark. A class rather than closures:
 * thousands of these stay open, and prototype methods cost nothing per connection.
 */
export class EventStreamClient implements Subscriber {
  private open = true;
  private pendingChecks = 0;
  private checks: Promise<void> | undefined;
  /** Live events wait here while a reconnecting client's missed ones are read back. */
  private backlog: StoredEvent[] | undefined;

  constructor(
    private readonly controller: ReadableStreamDefaultController<Uint8Array>,
    private readonly request: Request,
    private readonly authorize: AuthorizeObject | undefined,
    private readonly onClose: () => void,
  ) {
    this.send(RETRY);
  }

  event(event: StoredEvent): void {
    if (this.backlog) this.backlog.push(event);
    else this.deliver(event);
  }

  reset(): void {
    if (this.backlog) this.backlog = [];
    // Behind pending checks, so that the refetch follows what was already decided.
    this.afterChecks(() => this.send(REFETCH));
  }

  ping(): void {
    this.send(PING);
  }

  /**
   * Sends the events after `lastId` first (at most `limit` of them), then live ones; or `swk-refetch`
   * when they are gone, too many, or `lastId` names an event this client may not see (so that the
   * answer tells nothing about events of others).
   */
  catchUp(store: EventStore, lastId: string, limit: number): void {
    this.backlog = [];
    void store
      .after(lastId, limit)
      .catch(() => undefined)
      .then(async (replay) => (replay && (await this.allowed(replay.last)) ? replay.missed : undefined))
      .then((missed) => {
        if (missed === undefined) this.send(REFETCH);
        for (const event of missed ?? []) this.deliver(event);
        const newestReplayed = missed?.at(-1)?.id ?? lastId;
        const live = this.backlog ?? [];
        this.backlog = undefined;
        // A live event the replay already covered is not sent twice.
        for (const event of live) if (!missed || compareEventIds(event.id, newestReplayed) > 0) this.deliver(event);
      });
  }

  /** Ends the stream; with a `failure`, at once, discarding what the client has not read. */
  close(failure?: Error): void {
    if (!this.open) return;
    this.open = false;
    this.onClose();
    try {
      if (failure) this.controller.error(failure);
      else this.controller.close();
    } catch {
      // already closed
    }
  }

  private deliver(event: StoredEvent): void {
    if (!this.authorize) return this.send(frameOf(event));
    if (++this.pendingChecks > MAX_PENDING_CHECKS) return this.close(new Error('event stream client too slow'));
    this.afterChecks(async () => {
      this.pendingChecks -= 1;
      if (this.open && (await this.allowed(event))) this.send(frameOf(event));
    });
  }

  /** Whether this client may hear about `event`'s object: `authorize` said `true` (a throw is a no). */
  private async allowed(event: StoredEvent): Promise<boolean> {
    if (!this.authorize) return true;
    try {
      return (await this.authorize(this.request, event.object)) === true;
    } catch {
      console.error('[stripe-widget-kit] authorize threw for an event; not sent');
      return false;
    }
  }

  private afterChecks(step: () => void | Promise<void>): void {
    this.checks = (this.checks ?? Promise.resolve()).then(step);
  }

  private send(bytes: Uint8Array): void {
    if (!this.open) return;
    try {
      this.controller.enqueue(bytes);
    } catch {
      this.close();
      return;
    }
    // desiredSize is the high-water mark (maxQueuedBytes) minus the bytes the reader has not taken.
    if ((this.controller.desiredSize ?? 0) < 0) this.close(new Error('event stream client too slow'));
  }
}
