import type { AuthorizeObject } from './context.js';
import type { EventStore } from './event-store.js';
import { EventStreamClient, wireEvent, type Subscriber } from './event-stream-client.js';
import { backendErrorResponse } from './http.js';
import { signInRequired } from './user-access.js';

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
   * Default: the backend's top-level `userOf`. With either set, a request it names no user for is
   * anonymous: refused (401) when the top-level `userOf` is set, otherwise counted against
   * `maxAnonymousConnections`. Without any `userOf` every stream counts only against `maxConnections`.
   */
  userOf?: (request: Request) => string | undefined | Promise<string | undefined>;
  /** Open streams per user (with `userOf`); past it 503. Default 16. */
  maxConnectionsPerUser?: number;
  /**
   * Open anonymous streams (a `userOf` names no user) on this instance; past it 503, so that anonymous
   * traffic never takes the slots of signed-in users. Default 100.
   */
  maxAnonymousConnections?: number;
  /** Open streams on this instance; past it 503. Default 5,000. */
  maxConnections?: number;
  /**
   * Most events replayed to one reconnecting client (`Last-Event-ID`); past it the client gets
   * `swk-refetch` instead, so one request never reads or checks the whole buffer. Default 100.
   */
  maxReplayEvents?: number;
  /** A client whose unsent bytes pass this is dropped (it reconnects with Last-Event-ID). Default 256 kB. */
  maxQueuedBytes?: number;
  heartbeatMs?: number;
}

/**
 * Fans the store's events out to this instance's `GET /events` streams, each event only to the
 * streams whose request `authorize` allows for its object (all of them when there is no `authorize`).
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly perUser = new Map<string, number>();
  private streams = 0;
  private anonymous = 0;
  /** One heartbeat timer for all of this instance's streams, running while any is open. */
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly options: {
      authorize?: AuthorizeObject | undefined;
      stream?: EventStreamOptions | undefined;
      /** The backend's top-level `userOf`: with it, an anonymous stream request is refused. */
      userOf?: EventStreamOptions['userOf'];
    } = {},
  ) {
    store.subscribe({
      event: (event) => this.each((subscriber) => subscriber.event(event)),
      reset: () => this.each((subscriber) => subscriber.reset()),
    });
  }

  /** A throwing server-side listener must not keep the event from the others, nor fail the webhook. */
  private each(call: (subscriber: Subscriber) => void): void {
    for (const subscriber of [...this.subscribers]) {
      try {
        call(subscriber);
      } catch {
        console.error('[stripe-widget-kit] an event listener threw');
      }
    }
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
    const user = await this.userOf(request);
    if (user === null) return signInRequired();
    // A HEAD gets the stream's headers and takes no slot (nor any replay work).
    if (request.method === 'HEAD') return new Response(null, { headers: STREAM_HEADERS });
    const anonymous = user === undefined && (limits.userOf ?? this.options.userOf) !== undefined;
    if (this.streams >= (limits.maxConnections ?? 5_000)) return tooMany('Too many event streams');
    if (anonymous && this.anonymous >= (limits.maxAnonymousConnections ?? 100)) return tooMany('Too many anonymous event streams');
    if (user !== undefined && (this.perUser.get(user) ?? 0) >= (limits.maxConnectionsPerUser ?? 16)) {
      return tooMany('Too many event streams for this user');
    }
    this.streams += 1;
    if (anonymous) this.anonymous += 1;
    if (user !== undefined) this.perUser.set(user, (this.perUser.get(user) ?? 0) + 1);
    // Called once, when the client closes.
    const release = () => {
      this.streams -= 1;
      if (anonymous) this.anonymous -= 1;
      if (user === undefined) return;
      const left = (this.perUser.get(user) ?? 1) - 1;
      if (left > 0) this.perUser.set(user, left);
      else this.perUser.delete(user);
    };

    const url = new URL(request.url);
    const lastId = request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId');
    let client: EventStreamClient | undefined;
    const body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          client = new EventStreamClient(controller, request, this.options.authorize, () => {
            this.subscribers.delete(client!);
            release();
          });
        },
        cancel: () => client?.close(),
      },
      new ByteLengthQueuingStrategy({ highWaterMark: limits.maxQueuedBytes ?? 256 * 1024 }),
    );
    this.subscribers.add(client!);
    this.startHeartbeat(limits.heartbeatMs ?? 15_000);
    if (lastId) client!.catchUp(this.store, lastId, limits.maxReplayEvents ?? 100);
    request.signal.addEventListener('abort', () => client!.close(), { once: true });
    if (request.signal.aborted) client!.close();
    return new Response(body, { headers: STREAM_HEADERS });
  }

  /**
   * The user the stream counts against: `undefined` when anonymous (or no `userOf` at all), `null` when
   * the request must be refused (the top-level `userOf` is set and names no one).
   */
  private async userOf(request: Request): Promise<string | undefined | null> {
    const signedIn = this.options.userOf ? (await this.options.userOf(request)) || undefined : undefined;
    if (this.options.userOf && signedIn === undefined) return null;
    const streamUserOf = this.options.stream?.userOf;
    return streamUserOf ? (await streamUserOf(request)) || undefined : signedIn;
  }

  private startHeartbeat(everyMs: number): void {
    this.heartbeat ??= setInterval(() => {
      if (this.streams === 0) {
        clearInterval(this.heartbeat);
        this.heartbeat = undefined;
      }
      this.each((subscriber) => subscriber.ping?.());
    }, everyMs);
    this.heartbeat.unref?.();
  }
}

const STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-store',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
};

function tooMany(message: string): Response {
  return backendErrorResponse(503, message, { 'Retry-After': '10' });
}
