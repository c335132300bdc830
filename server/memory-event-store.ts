import {
  DEFAULT_DEDUPE_WINDOW_SECONDS,
  DEFAULT_REPLAY,
  EventStoreUnavailable,
  SIGNATURE_TOLERANCE_SECONDS,
  parseEventId,
  storableObject,
  type EventStore,
  type EventStoreListener,
  type HookClaim,
  type Replay,
  type ReplayBufferOptions,
  type StoredEvent,
} from './event-store.js';

export interface MemoryEventStoreOptions {
  replay?: ReplayBufferOptions;
  /** How long a published event id is refused again. Default 3 days (Stripe's retry window). */
  dedupeWindowSeconds?: number;
  /**
   * Memory bound of the dedupe: at most this many ids. Past it the oldest id is forgotten only when it
   * is older than the signature tolerance (its signed replays are refused anyway); otherwise the event
   * is refused with `EventStoreUnavailable` (503, Stripe retries). Default 100,000 (about 10 MB).
   */
  maxRememberedIds?: number;
  /** Memory bound of the replay buffer's stored objects, in bytes of JSON. Default 16 MB. */
  maxBufferBytes?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  clock?: () => number;
}

interface Buffered {
  event: StoredEvent;
  bytes: number;
}

/** One process's store: the default, and all a single instance needs. */
export class MemoryEventStore implements EventStore {
  private readonly listeners = new Set<EventStoreListener>();
  /** Event id → when it was published (ms). A Map iterates in insertion order, which is time order. */
  private readonly seen = new Map<string, number>();
  /** Event id → the hook's claim (a lease) or its success (kept for the dedupe window), in insertion order. */
  private readonly hooks = new Map<string, { token: string; until: number } | { done: number }>();
  private hookTokens = 0;
  private readonly buffer: Buffered[] = [];
  private bufferBytes = 0;
  private lastMs = 0;
  private lastSeq = 0;
  private readonly size: number;
  private readonly maxAgeMs: number;
  private readonly windowMs: number;
  private readonly maxIds: number;
  private readonly maxBytes: number;
  private readonly clock: () => number;

  constructor(options: MemoryEventStoreOptions = {}) {
    this.size = options.replay?.size ?? DEFAULT_REPLAY.size;
    this.maxAgeMs = options.replay?.maxAgeMs ?? DEFAULT_REPLAY.maxAgeMs;
    this.windowMs = Math.max(options.dedupeWindowSeconds ?? DEFAULT_DEDUPE_WINDOW_SECONDS, SIGNATURE_TOLERANCE_SECONDS) * 1000;
    this.maxIds = options.maxRememberedIds ?? 100_000;
    this.maxBytes = options.maxBufferBytes ?? 16 * 1024 * 1024;
    this.clock = options.clock ?? Date.now;
  }

  async publishOnce(eventId: string, event: Omit<StoredEvent, 'id'>): Promise<string | null> {
    const now = this.clock();
    this.forgetExpired(now);
    const at = this.seen.get(eventId);
    if (at !== undefined) return null;
    if (this.seen.size >= this.maxIds) {
      const [oldestId, oldestAt] = this.seen.entries().next().value!;
      if (now - oldestAt <= SIGNATURE_TOLERANCE_SECONDS * 1000) {
        throw new EventStoreUnavailable('Too many webhook events inside the signature tolerance');
      }
      this.seen.delete(oldestId);
    }
    this.seen.set(eventId, now);
    const { object, json } = storableObject(event.object);
    const stored: StoredEvent = { id: this.nextId(now), type: event.type, object };
    this.append({ event: stored, bytes: json.length });
    for (const listener of [...this.listeners]) listener.event(stored);
    return stored.id;
  }

  async after(lastId: string, limit = this.size): Promise<Replay | undefined> {
    const last = parseEventId(lastId);
    const newest = this.buffer.at(-1);
    if (!last || !newest) return undefined;
    if (parseEventId(newest.event.id)![0] - last[0] > this.maxAgeMs) return undefined;
    const index = this.buffer.findIndex((entry) => entry.event.id === lastId);
    if (index === -1 || this.buffer.length - index - 1 > limit) return undefined;
    return { last: this.buffer[index]!.event, missed: this.buffer.slice(index + 1).map((entry) => entry.event) };
  }

  subscribe(listener: EventStoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async claimHook(eventId: string, leaseSeconds: number): Promise<HookClaim> {
    const now = this.clock();
    // In time order (a success is re-inserted), so the scan stops at the first entry still in force.
    for (const [id, entry] of this.hooks) {
      const expired = 'done' in entry ? now - entry.done >= this.windowMs : now >= entry.until;
      if (!expired) break;
      this.hooks.delete(id);
    }
    const entry = this.hooks.get(eventId);
    if (entry) return 'done' in entry ? { status: 'done' } : { status: 'busy' };
    if (this.hooks.size >= this.maxIds) throw new EventStoreUnavailable('Too many webhook hook runs remembered');
    const token = String((this.hookTokens += 1));
    this.hooks.set(eventId, { token, until: now + leaseSeconds * 1000 });
    return { status: 'acquired', token };
  }

  async settleHook(eventId: string, token: string, succeeded: boolean): Promise<void> {
    const entry = this.hooks.get(eventId);
    if (!entry || !('token' in entry) || entry.token !== token) return;
    if (succeeded) {
      // Re-inserted so that the map stays in time order for the pruning above.
      this.hooks.delete(eventId);
      this.hooks.set(eventId, { done: this.clock() });
    } else {
      this.hooks.delete(eventId);
    }
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }

  private forgetExpired(now: number): void {
    for (const [id, at] of this.seen) {
      if (now - at < this.windowMs) break;
      this.seen.delete(id);
    }
  }

  /** Redis Streams' id shape, strictly increasing even when the clock goes back. */
  private nextId(now: number): string {
    if (now > this.lastMs) {
      this.lastMs = now;
      this.lastSeq = 0;
    } else {
      this.lastSeq += 1;
    }
    return `${this.lastMs}-${this.lastSeq}`;
  }

  private append(entry: Buffered): void {
    this.buffer.push(entry);
    this.bufferBytes += entry.bytes;
    const newestMs = parseEventId(entry.event.id)![0];
    while (
      this.buffer.length > 1 &&
      (this.buffer.length > this.size || this.bufferBytes > this.maxBytes || newestMs - parseEventId(this.buffer[0]!.event.id)![0] > this.maxAgeMs)
    ) {
      this.bufferBytes -= this.buffer.shift()!.bytes;
    }
  }
}
