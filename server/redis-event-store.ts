import type * as RedisModule from 'redis';
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
import { requireOptional } from './optional-package.js';

export interface RedisEventStoreOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…`. */
  url: string;
  /** Keys are `{<prefix>}:stream`, `{<prefix>}:seen:<evt id>` and `{<prefix>}:hook:<evt id>` (one hash slot). Default `swk`. */
  keyPrefix?: string;
  replay?: ReplayBufferOptions;
  /** How long a published event id is refused again (`SET NX EX`). Default 3 days, at least 300 s. */
  dedupeWindowSeconds?: number;
  /** A publish Redis has not answered by then is a 503 (Redis hangs rather than drops). Default 5 s. */
  commandTimeoutMs?: number;
}

/** Dedupe and append in one step: a retry that races the first delivery on another instance loses. */
const PUBLISH_ONCE = `
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'type', ARGV[3], 'object', ARGV[4])
end
return false`;

/** The hook's claim: `done` once a run succeeded, a lease token while one runs, nothing otherwise. */
const CLAIM_HOOK = `
local current = redis.call('GET', KEYS[1])
if current == 'done' then return 'done' end
if current then return 'busy' end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return 'acquired'`;

/** Ends a claim only while it is still this one's (a lease that ran out may belong to a retry now). */
const SETTLE_HOOK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  if ARGV[2] == '1' then redis.call('SET', KEYS[1], 'done', 'EX', ARGV[3]) else redis.call('DEL', KEYS[1]) end
end
return 1`;

type Client = ReturnType<typeof RedisModule.createClient>;

/** `redis` is an optional peer dependency: loaded only when a Redis store is asked for. */
function loadRedis(): typeof RedisModule {
  return requireOptional<typeof RedisModule>('redis', 'A Redis event store (redisUrl / REDIS_URL) needs the `redis` package: run `npm install redis`.');
}
type StreamMessage = { id: string; message: Record<string, string> };

/**
 * Every instance's events through one Redis Stream (after socket.io-redis-streams-adapter): `XADD …
 * MAXLEN ~` is the fan-out, the replay buffer and the source of the SSE ids; each instance follows the
 * stream with a blocking `XREAD` on its own connection. While Redis is unreachable `publishOnce`
 * rejects at once (no offline queue: the webhook answers 503 and Stripe retries) and the reader keeps
 * retrying; when it is back, listeners get `reset()` so that every open stream tells its widgets to
 * refetch, then the reader resumes after the last id it saw.
 */
export class RedisEventStore implements EventStore {
  /** Resolves once the reader knows where the stream ends (tests and startup scripts may wait on it). */
  readonly ready: Promise<void>;
  private readonly client: Client;
  private readonly reader: Client;
  private readonly listeners = new Set<EventStoreListener>();
  private readonly streamKey: string;
  private readonly seenPrefix: string;
  private readonly hookPrefix: string;
  private readonly size: number;
  private readonly maxAgeMs: number;
  private readonly windowSeconds: number;
  private readonly commandTimeoutMs: number;
  private closed = false;
  private markReady = () => {};

  constructor(options: RedisEventStoreOptions) {
    const prefix = `{${options.keyPrefix ?? 'swk'}}`;
    this.streamKey = `${prefix}:stream`;
    this.seenPrefix = `${prefix}:seen:`;
    this.hookPrefix = `${prefix}:hook:`;
    this.size = options.replay?.size ?? DEFAULT_REPLAY.size;
    this.maxAgeMs = options.replay?.maxAgeMs ?? DEFAULT_REPLAY.maxAgeMs;
    this.windowSeconds = Math.max(options.dedupeWindowSeconds ?? DEFAULT_DEDUPE_WINDOW_SECONDS, SIGNATURE_TOLERANCE_SECONDS);
    this.commandTimeoutMs = options.commandTimeoutMs ?? 5_000;
    const { createClient } = loadRedis();
    try {
      this.client = createClient({
        url: options.url,
        disableOfflineQueue: true,
        socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2_000) },
      });
    } catch {
      // The parser's error carries the URL, password included: never let it reach a log.
      throw new TypeError('The Redis URL is not a valid redis:// or rediss:// URL');
    }
    this.reader = this.client.duplicate();
    // node-redis emits 'error' on every failed (re)connect; without a listener that would crash the process.
    for (const client of [this.client, this.reader]) {
      client.on('error', () => {});
      client.connect().catch(() => {});
    }
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    void this.follow();
  }

  async publishOnce(eventId: string, event: Omit<StoredEvent, 'id'>): Promise<string | null> {
    const { json } = storableObject(event.object);
    const publish = this.client.eval(PUBLISH_ONCE, {
      keys: [this.seenPrefix + eventId, this.streamKey],
      arguments: [String(this.windowSeconds), String(this.size), event.type, json],
    });
    // A Redis that hangs (rather than drops the connection) would hold the webhook forever. If the event
    // lands after the 503 anyway, Stripe's retry is answered as a duplicate: it is still published once.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(reject, this.commandTimeoutMs)));
    try {
      const id: unknown = await Promise.race([publish, timeout]);
      return typeof id === 'string' ? id : null;
    } catch {
      publish.catch(() => {});
      throw new EventStoreUnavailable('Redis is unreachable');
    } finally {
      clearTimeout(timer);
    }
  }

  async claimHook(eventId: string, leaseSeconds: number): Promise<HookClaim> {
    const token = crypto.randomUUID();
    const status = await this.command(
      this.client.eval(CLAIM_HOOK, { keys: [this.hookPrefix + eventId], arguments: [token, String(Math.max(1, Math.ceil(leaseSeconds)))] }),
    );
    if (status === 'acquired') return { status, token };
    return { status: status === 'done' ? 'done' : 'busy' };
  }

  async settleHook(eventId: string, token: string, succeeded: boolean): Promise<void> {
    await this.command(
      this.client.eval(SETTLE_HOOK, { keys: [this.hookPrefix + eventId], arguments: [token, succeeded ? '1' : '0', String(this.windowSeconds)] }),
    );
  }

  /** A command's answer, or `EventStoreUnavailable` when Redis fails or does not answer in time. */
  private async command<T>(pending: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(reject, this.commandTimeoutMs)));
    try {
      return await Promise.race([pending, timeout]);
    } catch {
      pending.catch(() => {});
      throw new EventStoreUnavailable('Redis is unreachable');
    } finally {
      clearTimeout(timer);
    }
  }

  async after(lastId: string, limit = this.size): Promise<Replay | undefined> {
    const last = parseEventId(lastId);
    if (!last) return undefined;
    const most = Math.min(limit, this.size);
    try {
      // One small lookup first: an unknown id (forged, trimmed) costs nothing more.
      const [found] = (await this.client.xRange(this.streamKey, lastId, lastId, { COUNT: 1 })) as StreamMessage[];
      const at = found && toStoredEvent(found);
      if (!at) return undefined;
      const later = (await this.client.xRange(this.streamKey, `(${lastId}`, '+', { COUNT: most + 1 })) as StreamMessage[];
      if (later.length > most) return undefined;
      // All of the rest was read, so its last entry is the stream's newest.
      const newestMs = later.length ? parseEventId(later.at(-1)!.id)![0] : last[0];
      if (newestMs - last[0] > this.maxAgeMs) return undefined;
      return { last: at, missed: later.flatMap((message) => toStoredEvent(message) ?? []) };
    } catch {
      return undefined;
    }
  }

  subscribe(listener: EventStoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.markReady();
    for (const client of [this.reader, this.client]) {
      try {
        client.destroy();
      } catch {
        // never connected
      }
    }
  }

  /** The instance's one reader: follows the stream and survives any number of Redis outages. */
  private async follow(): Promise<void> {
    let lastId: string | undefined;
    let reachable = false;
    let warned = false;
    let failures = 0;
    while (!this.closed) {
      try {
        if (!reachable) {
          if (lastId === undefined) {
            const newest = (await this.reader.xRevRange(this.streamKey, '+', '-', { COUNT: 1 })) as StreamMessage[];
            lastId = newest[0]?.id ?? '0-0';
          } else {
            await this.reader.ping();
          }
          reachable = true;
          if (warned) console.warn('[stripe-widget-kit] Redis reachable again; event streams told to refetch');
          warned = false;
          failures = 0;
          this.markReady();
          // Whatever was published while this reader could not read may be gone (Redis restarted).
          for (const listener of [...this.listeners]) listener.reset();
        }
        const reply = (await this.reader.xRead({ key: this.streamKey, id: lastId ?? '$' }, { BLOCK: 2_000, COUNT: 500 })) as
          | { messages: StreamMessage[] }[]
          | null;
        for (const message of reply?.[0]?.messages ?? []) {
          lastId = message.id;
          const event = toStoredEvent(message);
          if (event) for (const listener of [...this.listeners]) listener.event(event);
        }
      } catch {
        if (this.closed) return;
        // Said once per outage (at startup only after ~10 s of trying); the URL may carry a password: never logged.
        if (!warned && (reachable || failures === 15)) {
          console.warn('[stripe-widget-kit] Redis unreachable; webhooks answer 503 until it is back');
          warned = true;
        }
        reachable = false;
        failures += 1;
        await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** failures, 1_000)));
      }
    }
  }
}

function toStoredEvent({ id, message }: StreamMessage): StoredEvent | undefined {
  try {
    const object = JSON.parse(message.object ?? '') as StoredEvent['object'];
    if (typeof message.type !== 'string' || !object || typeof object.id !== 'string') return undefined;
    return { id, type: message.type, object };
  } catch {
    return undefined;
  }
}
