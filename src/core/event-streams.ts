import type { Clock } from './clock.js';

/** What the backend's `GET /events` stream sends: never whole objects, never secrets. */
export interface LiveEvent {
  type: string;
  id: string;
  object: string;
}

/** What a shared stream tells each widget listening to it. */
export interface StreamSubscriber {
  /** A published event; the widget decides whether it concerns it. */
  event(event: LiveEvent): void;
  /** Events may have been missed (the stream reopened, or the server sent `swk-refetch`): refetch once. */
  resync(): void;
  /** The stream is down: called at the reconnect backoff's pace until it is open again. */
  down(): void;
}

/** The named event by which the server says "refetch everything" (its replay buffer could not cover a gap). */
export const REFETCH_EVENT = 'swk-refetch';

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
const CLOSED = 2;

/**
 * The wait before retry number `attempt` (from 0): 1 s doubling up to 30 s, shortened at random by up
 * to a quarter so that the clients of a restarted server do not all come back at the same moment.
 */
export function backoffMs(attempt: number, random: () => number): number {
  return Math.round(Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt) * (1 - random() / 4));
}

function parseLiveEvent(data: unknown): LiveEvent | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return undefined;
    const { type, id, object } = value as Record<string, unknown>;
    if (typeof type !== 'string' || typeof id !== 'string') return undefined;
    return { type, id, object: typeof object === 'string' ? object : '' };
  } catch {
    return undefined;
  }
}

/**
 * One URL's stream, shared by its subscribers. The browser's `EventSource` reconnects by itself after
 * a dropped connection, but gives up for good (CLOSED) after an HTTP error such as a 502: then the dead
 * source is dropped and a new one opened after a backoff. While down, subscribers hear `down()` at the
 * backoff's pace; after any reopen they hear `resync()` once, so nothing changed meanwhile is missed.
 */
class SharedStream {
  readonly subscribers = new Set<StreamSubscriber>();
  readonly #url: string;
  readonly #clock: Clock;
  readonly #random: () => number;
  #source: EventSource | undefined;
  /** An error happened since the last open: the next open may have missed events. */
  #missed = false;
  #attempt = 0;
  #timer: { handle: unknown } | undefined;

  constructor(url: string, clock: Clock, random: () => number) {
    this.#url = url;
    this.#clock = clock;
    this.#random = random;
    this.#open();
  }

  close(): void {
    this.#source?.close();
    this.#source = undefined;
    if (this.#timer) this.#clock.clearTimeout(this.#timer.handle);
    this.#timer = undefined;
  }

  #each(call: (subscriber: StreamSubscriber) => void): void {
    for (const subscriber of [...this.subscribers]) call(subscriber);
  }

  #open(): void {
    let source: EventSource;
    try {
      source = new EventSource(this.#url);
    } catch {
      // A URL the browser refuses (e.g. `http://[`): no stream, but subscribers still poll at the backoff pace.
      this.#missed = true;
      this.#scheduleRetry();
      return;
    }
    this.#source = source;
    const current = () => this.#source === source;
    source.addEventListener('message', (message) => {
      const event = current() ? parseLiveEvent(message.data) : undefined;
      if (event) this.#each((s) => s.event(event));
    });
    source.addEventListener(REFETCH_EVENT, () => {
      if (current()) this.#each((s) => s.resync());
    });
    source.addEventListener('open', () => {
      if (!current()) return;
      if (this.#timer) this.#clock.clearTimeout(this.#timer.handle);
      this.#timer = undefined;
      this.#attempt = 0;
      if (this.#missed) {
        this.#missed = false;
        this.#each((s) => s.resync());
      }
    });
    source.addEventListener('error', () => {
      if (!current()) return;
      this.#missed = true;
      if (source.readyState === CLOSED) this.#dropSource();
      this.#scheduleRetry();
    });
  }

  #dropSource(): void {
    this.#source?.close();
    this.#source = undefined;
  }

  #scheduleRetry(): void {
    if (this.#timer) return;
    const timer = { handle: undefined as unknown };
    this.#timer = timer;
    timer.handle = this.#clock.setTimeout(() => {
      if (this.#timer !== timer) return;
      this.#timer = undefined;
      this.#attempt += 1;
      if (this.#source?.readyState === CLOSED) this.#dropSource();
      if (!this.#source) this.#open();
      this.#scheduleRetry();
      this.#each((s) => s.down());
    }, backoffMs(this.#attempt, this.#random));
  }
}

/** The streams of one clock: one per URL, opened by the first subscriber and closed by the last. */
export class EventStreams {
  readonly #streams = new Map<string, SharedStream>();
  readonly #clock: Clock;
  readonly #random: () => number;

  constructor(clock: Clock, random: () => number = Math.random) {
    this.#clock = clock;
    this.#random = random;
  }

  subscribe(url: string, subscriber: StreamSubscriber): () => void {
    let stream = this.#streams.get(url);
    if (!stream) {
      stream = new SharedStream(url, this.#clock, this.#random);
      this.#streams.set(url, stream);
    }
    const owned = stream;
    owned.subscribers.add(subscriber);
    return () => {
      owned.subscribers.delete(subscriber);
      if (owned.subscribers.size > 0) return;
      owned.close();
      if (this.#streams.get(url) === owned) this.#streams.delete(url);
    };
  }
}

const byClock = new WeakMap<Clock, EventStreams>();

/** The shared streams for `clock` (a page's widgets share the system clock, hence one stream per URL). */
export function eventStreamsFor(clock: Clock): EventStreams {
  let streams = byClock.get(clock);
  if (!streams) byClock.set(clock, (streams = new EventStreams(clock)));
  return streams;
}
