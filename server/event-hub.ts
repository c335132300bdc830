import type { AuthorizeObject } from './context.js';
import { compareEventIds, type EventStore, type StoredEvent } from './event-store.js';
import { json } from './http.js';

/**
 * `GET /events` wire format (the browser's live-updates client is written against it):
 *
 *     retry: 2000                      first, once: EventSource's reconnect delay (ms)
 *
 *     id: 1764460800000-0              one per event the subscriber may see (`authorize`)
 *     data: {"type":"climate.order.canceled","id":"climorder_1","object":"climate.order"}
 *
 *     event: swk-refetch               "refetch everything": the stream may have missed events
 *     data: {}                         (Last-Event-ID unknown or out of the replay buffer, the
 *                                       store was unreachable and is back)
 *
 *     : ping                           every 15 s, keeps proxies from closing an idle stream
 *
 * `id:` values are Redis Streams ids (`<ms>-<seq>`), also with the in-memory store. A request with a
 * `Last-Event-ID` header (sent by EventSource when it reconnects by itself) or a `lastEventId` query
 * parameter (for a client that opens a new EventSource) first gets every buffered event after that id
 * that it may see, then live ones; when that id is no longer buffered it gets `swk-refetch` instead.
 */
export interface PublishedEvent {
  type: string;
  id: string;
  object: string;
}

export interface EventStreamOptions {
  /**
   * Names the user behind a stream request (e.g. the session's user id), for `maxConnectionsPerUser`.
   * `undefined` (or no `userOf`) counts only against `maxConnections`.
   */
  userOf?: (request: Request) => string | undefined | Promise<string | undefined>;
  /** Open streams per user (with `userOf`); past it 503. Default 16. */
  maxConnectionsPerUser?: number;
  /** Open streams on this instance; past it 503. Default 5,000. */
  maxConnections?: number;
  /** A client whose unsent bytes pass this is dropped (it reconnects with Last-Event-ID). Default 256 kB. */
  maxQueuedBytes?: number;
  heartbeatMs?: number;
}

interface Subscriber {
  event(event: StoredEvent): void;
  reset(): void;
}

const REFETCH = 'event: swk-refetch\ndata: {}\n\n';
const RETRY_MS = 2_000;
/** Events waiting for an asynchronous `authorize` answer, per client, before the client is dropped. */
const MAX_PENDING_CHECKS = 1_000;

const wireEvent = (event: StoredEvent): PublishedEvent => ({
  type: event.type,
  id: event.object.id,
  object: typeof event.object.object === 'string' ? event.object.object : '',
});

/**
 * Fans the store's events out to this instance's `GET /events` streams, each event only to the
 * streams whose request `authorize` allows for its object (all of them when there is no `authorize`).
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly perUser = new Map<string, number>();
  private streams = 0;

  constructor(
    private readonly store: EventStore,
    private readonly options: { authorize?: AuthorizeObject | undefined; stream?: EventStreamOptions | undefined } = {},
  ) {
    store.subscribe({
      event: (event) => {
        for (const subscriber of [...this.subscribers]) subscriber.event(event);
      },
      reset: () => {
        for (const subscriber of [...this.subscribers]) subscriber.reset();
      },
    });
  }

  /** Open streams plus server-side listeners. */
  get size(): number {
    return this.subscribers.size;
  }

  /** Hears every event on the wire's `{ type, id, object }`, unfiltered (server-side listeners, tests). */
  subscribe(listener: (event: PublishedEvent) => void): () => void {
    const subscriber: Subscriber = { event: (event) => listener(wireEvent(event)), reset: () => {} };
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** A `text/event-stream` response that lives until the client goes away (or falls too far behind). */
  async streamResponse(request: Request): Promise<Response> {
    const limits = this.options.stream ?? {};
    const user = (await limits.userOf?.(request)) ?? undefined;
    if (this.streams >= (limits.maxConnections ?? 5_000)) return tooMany('Too many event streams');
    if (user !== undefined && (this.perUser.get(user) ?? 0) >= (limits.maxConnectionsPerUser ?? 16)) {
      return tooMany('Too many event streams for this user');
    }
    this.streams += 1;
    if (user !== undefined) this.perUser.set(user, (this.perUser.get(user) ?? 0) + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.streams -= 1;
      if (user === undefined) return;
      const left = (this.perUser.get(user) ?? 1) - 1;
      if (left > 0) this.perUser.set(user, left);
      else this.perUser.delete(user);
    };

    const url = new URL(request.url);
    const lastId = request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId');
    const maxQueued = limits.maxQueuedBytes ?? 256 * 1024;
    const encoder = new TextEncoder();
    const authorize = this.options.authorize;
    let cleanup = (_failure?: Error) => {};

    const body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          let open = true;
          let pendingChecks = 0;
          let checks = Promise.resolve();

          const send = (text: string) => {
            if (!open) return;
            try {
              controller.enqueue(encoder.encode(text));
            } catch {
              cleanup();
              return;
            }
            // desiredSize counts the bytes the reader has not taken yet against maxQueued.
            if ((controller.desiredSize ?? 0) < 0) drop();
          };
          // error() discards the unsent queue at once; close() would keep it until read.
          const drop = () => cleanup(new Error('event stream client too slow'));
          const sendEvent = (event: StoredEvent) => send(`id: ${event.id}\ndata: ${JSON.stringify(wireEvent(event))}\n\n`);
          const deliver = (event: StoredEvent) => {
            if (!authorize) return sendEvent(event);
            if (++pendingChecks > MAX_PENDING_CHECKS) return drop();
            checks = checks.then(async () => {
              pendingChecks -= 1;
              if (!open) return;
              let allowed = false;
              try {
                allowed = (await authorize(request, event.object)) === true;
              } catch {
                console.error('[stripe-widget-kit] authorize threw for an event; not sent');
              }
              if (allowed) sendEvent(event);
            });
          };

          // Live events wait here while the missed ones are read back, then follow them in order.
          let backlog: StoredEvent[] | undefined = lastId ? [] : undefined;
          const subscriber: Subscriber = {
            event: (event) => {
              if (backlog) backlog.push(event);
              else deliver(event);
            },
            reset: () => {
              if (backlog) backlog = [];
              // Queued behind pending checks so that the refetch follows what was already decided.
              checks = checks.then(() => send(REFETCH));
            },
          };
          this.subscribers.add(subscriber);
          const heartbeat = setInterval(() => send(': ping\n\n'), limits.heartbeatMs ?? 15_000);
          heartbeat.unref?.();
          cleanup = (failure?: Error) => {
            if (!open) return;
            open = false;
            clearInterval(heartbeat);
            this.subscribers.delete(subscriber);
            release();
            try {
              if (failure) controller.error(failure);
              else controller.close();
            } catch {
              // already closed
            }
          };
          request.signal.addEventListener('abort', () => cleanup(), { once: true });

          send(`retry: ${RETRY_MS}\n\n`);
          if (lastId) {
            void this.store
              .after(lastId)
              .catch(() => undefined)
              .then((missed) => {
                if (missed === undefined) send(REFETCH);
                for (const event of missed ?? []) deliver(event);
                const newestReplayed = missed?.at(-1)?.id ?? lastId;
                const live = backlog ?? [];
                backlog = undefined;
                // A live event the replay already covered is not sent twice.
                for (const event of live) if (!missed || compareEventIds(event.id, newestReplayed) > 0) deliver(event);
              });
          }
        },
        cancel: () => cleanup(),
      },
      new ByteLengthQueuingStrategy({ highWaterMark: maxQueued }),
    );
    if (request.signal.aborted) cleanup();
    return new Response(body, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      },
    });
  }
}

function tooMany(message: string): Response {
  return json({ error: { message } }, 503, { 'Retry-After': '10' });
}
