/**
 * The broker behind the event stream and the webhook dedupe, after Socket.IO's adapters: one small
 * interface, an in-memory default (`MemoryEventStore`) and Redis Streams (`RedisEventStore`) for sites
 * that run more than one instance.
 */

/** A verified webhook event as the store keeps it. `object` is `data.object` (see `storableObject`). */
export interface StoredEvent {
  /** The stream id (`<ms>-<seq>`, as Redis Streams make them): the SSE `id:`, the client's `Last-Event-ID`. */
  id: string;
  /** The Stripe event type, e.g. `climate.order.canceled`. */
  type: string;
  /** What the `authorize` hook is asked about; never sent to the browser beyond `id` and `object`. */
  object: { id: string; object: string } & Record<string, unknown>;
}

/** What a reconnecting client missed: `last` (the event its Last-Event-ID names) is checked with `authorize` too. */
export interface Replay {
  last: StoredEvent;
  missed: StoredEvent[];
}

export interface EventStoreListener {
  /** An event appended on any instance, in stream order. */
  event(event: StoredEvent): void;
  /** The store lost events it should have delivered (it was unreachable): every client must refetch. */
  reset(): void;
}

export interface EventStore {
  /**
   * Appends the event unless `eventId` (Stripe's `evt_…`) was already published inside the dedupe
   * window: one atomic step, so a retry that lands on another instance is not published twice.
   * Resolves to the new stream id, or `null` for a duplicate. Rejects with `EventStoreUnavailable`
   * when the event can be neither stored nor safely refused (the webhook answers 503; Stripe retries).
   */
  publishOnce(eventId: string, event: Omit<StoredEvent, 'id'>): Promise<string | null>;
  /**
   * The buffered event `lastId` names and the events after it, oldest first; `undefined` (the client
   * must refetch instead) when `lastId` is unknown, has fallen out of the replay buffer, or more than
   * `limit` events came after it. An unknown id must cost one small lookup, and no more than `limit + 1`
   * events may be read, whatever the buffer holds.
   */
  after(lastId: string, limit?: number): Promise<Replay | undefined>;
  /** Listens to every event published from now on, on any instance. Returns the unsubscribe. */
  subscribe(listener: EventStoreListener): () => void;
  /**
   * Takes the right to run the site's webhook hook for `eventId`, on one instance at a time, for
   * `leaseSeconds`: `acquired` (with the token that ends the claim), `done` when a run for this event
   * already succeeded (inside the dedupe window), `busy` while another instance runs it. Rejects with
   * `EventStoreUnavailable` when the store cannot tell.
   */
  claimHook(eventId: string, leaseSeconds: number): Promise<HookClaim>;
  /**
   * Ends a claim: `succeeded` records the event as done for the dedupe window; otherwise the claim is
   * released so that Stripe's retry runs the hook again. A claim whose lease ran out is left alone.
   */
  settleHook(eventId: string, token: string, succeeded: boolean): Promise<void>;
  /** Stops background work and closes connections. */
  close(): Promise<void>;
}

/** `EventStore.claimHook`'s answer. */
export type HookClaim = { status: 'acquired'; token: string } | { status: 'done' } | { status: 'busy' };

/** The store cannot take the event now; a webhook answers 503 so that Stripe retries it later. */
export class EventStoreUnavailable extends Error {
  override name = 'EventStoreUnavailable';
}

/** How much of the stream a reconnecting client can catch up on. */
export interface ReplayBufferOptions {
  /** Events kept for `Last-Event-ID`. Default 1,000. */
  size?: number;
  /** Older events are not replayed (the client refetches). Default 10 minutes. */
  maxAgeMs?: number;
}

export const DEFAULT_REPLAY = { size: 1_000, maxAgeMs: 10 * 60_000 } as const;

/** Stripe's signature tolerance: an id must be remembered at least this long, or a replay gets through. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
/** Stripe retries a failed delivery for up to three days. */
export const DEFAULT_DEDUPE_WINDOW_SECONDS = 3 * 24 * 3600;
/** Past this size a stored `data.object` keeps only its top-level scalars and `metadata` (ownership fields). */
const MAX_STORED_OBJECT_BYTES = 64 * 1024;

/** Parses `<ms>-<seq>`; undefined for anything else (a forged or foreign `Last-Event-ID`). */
export function parseEventId(id: string): [number, number] | undefined {
  const match = /^(\d{1,15})-(\d{1,15})$/.exec(id);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** Orders two stream ids (`<ms>-<seq>`); unparsable ids sort first. */
export function compareEventIds(a: string, b: string): number {
  const [am, as] = parseEventId(a) ?? [-1, -1];
  const [bm, bs] = parseEventId(b) ?? [-1, -1];
  return am - bm || as - bs;
}

/**
 * Bounds what the store keeps of `data.object` for the `authorize` check: the whole object (less any
 * `client_secret`) up to
 * `MAX_STORED_OBJECT_BYTES` of JSON; past that its top-level strings, numbers, booleans and nulls
 * plus `metadata` (where sites keep ownership: `customer`, `on_behalf_of`, `metadata.user_id`, …).
 * Returns the object and its JSON.
 */
export function storableObject(original: StoredEvent['object']): { object: StoredEvent['object']; json: string } {
  // A PaymentIntent's client_secret has no business in a buffer, in Redis, or in the authorize hook.
  const { client_secret: _secret, ...object } = original;
  const json = JSON.stringify(object);
  if (json.length <= MAX_STORED_OBJECT_BYTES) return { object, json };
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) kept[key] = value;
  }
  if (object.metadata && typeof object.metadata === 'object') kept.metadata = object.metadata;
  const smaller = kept as StoredEvent['object'];
  const smallerJson = JSON.stringify(smaller);
  // A few huge strings can still blow the bound: then only the id and the type of object remain.
  if (smallerJson.length <= MAX_STORED_OBJECT_BYTES) return { object: smaller, json: smallerJson };
  const bare = { id: original.id, object: original.object };
  return { object: bare, json: JSON.stringify(bare) };
}
