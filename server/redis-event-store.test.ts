// Issue 11, several instances on one real Redis (scripts/node-tests.mjs starts redis-server and passes
// SWK_TEST_REDIS_URL; the outage test starts its own so that it can kill and restart it).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient } from 'redis';
import { startRedis } from '../scripts/redis.mjs';
import { createBackend, optionsFromEnv, type Backend } from './app.js';
import type { AuthorizeObject } from './context.js';
import { RedisEventStore } from './redis-event-store.js';
import { useTestRedis } from './test-support/redis.js';
import { dataOf, openStream, type SseFrame } from './test-support/sse.js';
import { climateOrderObject, postWebhook, stripeEvent, WEBHOOK_SECRET } from './test-support/webhook.js';

const orderEvent = (name: string) => stripeEvent(`evt_${name}`, climateOrderObject(`climorder_${name}`));
const about = (name: string) => (frame: SseFrame) => frame.data?.includes(`"climorder_${name}"`) ?? false;
const objectIds = (frames: SseFrame[]) => frames.filter((frame) => frame.event === undefined).map((frame) => dataOf(frame).id);
const isRefetch = (frame: SseFrame) => frame.event === 'swk-refetch';

const redis = useTestRedis();
const { backends } = redis;
let prefixes = 0;

/** Instances A and B: separate processes' worth of state, sharing nothing but Redis (one key prefix per test). */
async function twoInstances(): Promise<[Backend, Backend]> {
  const keyPrefix = `swk_test_${process.pid}_${prefixes++}`;
  const pair = [0, 1].map(() => {
    const eventStore = new RedisEventStore({ url: redis.url(), keyPrefix });
    const backend = createBackend({ webhookSecret: WEBHOOK_SECRET, eventStore }, []);
    backends.push(backend);
    return { backend, eventStore };
  });
  await Promise.all(pair.map(({ eventStore }) => eventStore.ready));
  return [pair[0]!.backend, pair[1]!.backend];
}

describe('RedisEventStore: two instances, one Redis', () => {
  it('a webhook verified on A reaches the event streams of A and B', async () => {
    const [a, b] = await twoInstances();
    const onA = await openStream(a);
    const onB = await openStream(b);
    assert.equal((await postWebhook(a, orderEvent('1'))).status, 200);
    const [fromA, fromB] = await Promise.all([onA.stream!.next(about('1')), onB.stream!.next(about('1'))]);
    assert.deepEqual(dataOf(fromB), { type: 'climate.order.created', id: 'climorder_1', object: 'climate.order' });
    assert.match(fromB.id!, /^\d+-\d+$/);
    assert.equal(fromA.id, fromB.id, 'one stream id on every instance');
  });

  it('the same event retried to B is answered as a duplicate and published once', async () => {
    const [a, b] = await twoInstances();
    const onB = await openStream(b);
    const body = JSON.stringify(orderEvent('once'));
    assert.deepEqual(await (await postWebhook(a, body)).json(), { received: true });
    assert.deepEqual(await (await postWebhook(b, body)).json(), { received: true, duplicate: true });
    assert.equal((await postWebhook(b, orderEvent('after'))).status, 200);
    // Events arrive in stream order: once 'after' is here, a second 'once' would already be too.
    await onB.stream!.next(about('after'));
    assert.deepEqual(objectIds(onB.stream!.events), ['climorder_once', 'climorder_after']);
  });

  it('remembers event ids with SET NX EX for at least three days', async () => {
    const [a] = await twoInstances();
    await postWebhook(a, orderEvent('ttl'));
    const client = createClient({ url: redis.url() });
    await client.connect();
    try {
      const keys = await client.keys(`{swk_test_${process.pid}_*}:seen:evt_ttl`);
      assert.equal(keys.length, 1);
      assert.ok((await client.ttl(keys[0]!)) >= 3 * 24 * 3600 - 60);
    } finally {
      await client.close();
    }
  });

  it('a client that reconnects to B with Last-Event-ID gets what it missed on A, then live events', async () => {
    const [a, b] = await twoInstances();
    const first = await openStream(a);
    await postWebhook(a, orderEvent('seen'));
    const seen = await first.stream!.next(about('seen'));
    first.close();
    await postWebhook(a, orderEvent('missed1'));
    await postWebhook(b, orderEvent('missed2'));

    const back = await openStream(b, { headers: { 'Last-Event-ID': seen.id! } });
    await back.stream!.next(about('missed2'));
    await postWebhook(a, orderEvent('live'));
    await back.stream!.next(about('live'));
    assert.deepEqual(objectIds(back.stream!.events), ['climorder_missed1', 'climorder_missed2', 'climorder_live']);
  });

  it("B's authorize rule judges the data.object that came through Redis: each user hears only their own", async () => {
    const keyPrefix = `swk_test_${process.pid}_${prefixes++}`;
    const authorize: AuthorizeObject = (request, object) =>
      (object.metadata as { user_id?: string } | undefined)?.user_id === request.headers.get('x-user');
    const [a, b] = [0, 1].map(() => createBackend({ webhookSecret: WEBHOOK_SECRET, eventStore: new RedisEventStore({ url: redis.url(), keyPrefix }), authorize }, []));
    backends.push(a!, b!);
    await Promise.all([a!, b!].map((backend) => (backend.eventStore as RedisEventStore).ready));
    const alice = await openStream(b!, { headers: { 'x-user': 'alice' } });
    const order = (name: string, owner: string) => stripeEvent(`evt_${name}`, climateOrderObject(`climorder_${name}`, 'confirmed', { metadata: { user_id: owner } }));
    await postWebhook(a!, order('bobs', 'bob'));
    await postWebhook(a!, order('alices', 'alice'));
    await alice.stream!.next(about('alices'));
    assert.deepEqual(objectIds(alice.stream!.events), ['climorder_alices']);
  });

  it('an id that is not in the stream gets swk-refetch', async () => {
    const [, b] = await twoInstances();
    const { stream } = await openStream(b, { headers: { 'Last-Event-ID': '1-0' } });
    assert.deepEqual(await stream!.next(isRefetch), { event: 'swk-refetch', data: '{}' });
  });
});

describe('RedisEventStore: Redis goes away and comes back', () => {
  it('no crash; webhooks answer 503 meanwhile; streams get swk-refetch when it is back, then converge', async () => {
    let redis = await startRedis();
    const port = redis.port;
    const url = redis.url;
    // As the CLI builds them: REDIS_URL through optionsFromEnv, the default key prefix.
    const env = { REDIS_URL: url, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET };
    const [a, b] = [0, 1].map(() => createBackend(optionsFromEnv(env), []));
    backends.push(a!, b!);
    await Promise.all([a!, b!].map((backend) => (backend.eventStore as RedisEventStore).ready));
    try {
      const onA = await openStream(a!);
      const onB = await openStream(b!);
      await postWebhook(a!, orderEvent('before'));
      const before = await onB.stream!.next(about('before'));

      await redis.stop({ crash: true });
      const during = JSON.stringify(orderEvent('during'));
      const refused = await postWebhook(a!, during);
      assert.equal(refused.status, 503);
      assert.equal(((await refused.json()) as { error: { type: string } }).error.type, 'api_error');
      assert.equal((await postWebhook(b!, during)).status, 503);
      // The instance still answers everything else, and a reconnecting client is told to refetch.
      assert.equal((await a!.handle(new Request('http://test.local/api/mode'))).status, 200);
      const reconnecting = await openStream(b!, { headers: { 'Last-Event-ID': before.id! } });
      await reconnecting.stream!.next(isRefetch);

      const refetchFrom = { a: onA.stream!.frames.length, b: onB.stream!.frames.length };
      redis = await startRedis({ port });
      await Promise.all([onA.stream!.next(isRefetch, { from: refetchFrom.a, timeoutMs: 10_000 }), onB.stream!.next(isRefetch, { from: refetchFrom.b, timeoutMs: 10_000 })]);

      // Stripe retries the refused delivery: now it goes through and reaches both instances' clients.
      let retried = await postWebhook(b!, during);
      for (let attempt = 0; retried.status === 503 && attempt < 50; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        retried = await postWebhook(b!, during);
      }
      assert.equal(retried.status, 200);
      await Promise.all([onA.stream!.next(about('during')), onB.stream!.next(about('during')), reconnecting.stream!.next(about('during'))]);
    } finally {
      await Promise.all([a!, b!].map((backend) => backend.close()));
      await redis.stop();
    }
  });
});

describe('RedisEventStore: Redis hangs (stopped, not gone)', () => {
  it('a webhook answers 503 after the command timeout; once Redis resumes the retry goes through and the event is published once', async () => {
    const redis = await startRedis();
    const eventStore = new RedisEventStore({ url: redis.url, commandTimeoutMs: 300 });
    const backend = createBackend({ webhookSecret: WEBHOOK_SECRET, eventStore }, []);
    backends.push(backend);
    await eventStore.ready;
    try {
      const { stream } = await openStream(backend);
      const body = JSON.stringify(orderEvent('hung'));
      process.kill(redis.pid, 'SIGSTOP');
      let answered: Response;
      try {
        answered = await postWebhook(backend, body);
      } finally {
        process.kill(redis.pid, 'SIGCONT');
      }
      assert.equal(answered.status, 503);
      // Stripe's retry: stored now, or already stored when Redis woke up (then a duplicate).
      const retried = await postWebhook(backend, body);
      assert.equal(retried.status, 200);
      await postWebhook(backend, orderEvent('hung_after'));
      await stream!.next(about('hung_after'));
      assert.deepEqual(objectIds(stream!.events), ['climorder_hung', 'climorder_hung_after']);
    } finally {
      await backend.close();
      await redis.stop();
    }
  });
});

describe('RedisEventStore: a malformed URL', () => {
  it('throws a message without the URL (it may hold a password)', () => {
    for (const url of ['redis://:hunter2@host:notaport', 'http://user:hunter2@host:6379']) {
      assert.throws(
        () => createBackend({ redisUrl: url }, []),
        (error: Error) => error.message === 'The Redis URL is not a valid redis:// or rediss:// URL' && !JSON.stringify({ ...error }).includes('hunter2'),
      );
    }
  });
});
