// Issue 11, server: every event carries an `id:`, the stream starts with `retry:`, a reconnect with
// Last-Event-ID gets what it missed before live events, and an id that is unknown or out of the buffer
// gets `event: swk-refetch`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBackend, type Backend } from './app.js';
import { MemoryEventStore } from './memory-event-store.js';
import { dataOf, openStream } from './test-support/sse.js';
import { climateOrderObject, postWebhook, stripeEvent, WEBHOOK_SECRET } from './test-support/webhook.js';

const orderEvent = (n: number) => stripeEvent(`evt_${n}`, climateOrderObject(`climorder_${n}`));
const ids = (frames: { data?: string }[]) => frames.map((frame) => dataOf(frame).id);
const isRefetch = (frame: { event?: string }) => frame.event === 'swk-refetch';

function setup(eventStore = new MemoryEventStore()) {
  return createBackend({ webhookSecret: WEBHOOK_SECRET, eventStore }, []);
}

/** A client hears event `n`, then goes away: returns the Last-Event-ID it would come back with. */
async function idSeenByLeavingClient(backend: Backend, n: number): Promise<string> {
  const first = await openStream(backend);
  await postWebhook(backend, orderEvent(n));
  const seen = await first.stream!.next((frame) => frame.data !== undefined);
  first.close();
  return seen.id!;
}

describe('GET /events: ids, retry and Last-Event-ID', () => {
  it('starts with retry: and gives every event a distinct, increasing id', async () => {
    const backend = setup();
    const { stream } = await openStream(backend);
    for (const n of [1, 2, 3]) await postWebhook(backend, orderEvent(n));
    await stream!.next((frame) => frame.data?.includes('climorder_3') ?? false);
    assert.deepEqual(stream!.frames[0], { retry: '2000' });
    const eventIds = stream!.events.map((frame) => frame.id!);
    assert.equal(eventIds.length, 3);
    for (const id of eventIds) assert.match(id, /^\d+-\d+$/);
    assert.equal(new Set(eventIds).size, 3);
    assert.deepEqual(ids(stream!.events), ['climorder_1', 'climorder_2', 'climorder_3']);
  });

  it('replays what a client missed, then live events, without duplicates', async () => {
    const backend = setup();
    const seenId = await idSeenByLeavingClient(backend, 1);
    for (const n of [2, 3]) await postWebhook(backend, orderEvent(n));

    const back = await openStream(backend, { headers: { 'Last-Event-ID': seenId } });
    await back.stream!.next((frame) => frame.data?.includes('climorder_3') ?? false);
    await postWebhook(backend, orderEvent(4));
    await back.stream!.next((frame) => frame.data?.includes('climorder_4') ?? false);
    assert.deepEqual(ids(back.stream!.events), ['climorder_2', 'climorder_3', 'climorder_4']);
    assert.equal(back.stream!.frames.some(isRefetch), false);
  });

  it('takes the id from ?lastEventId= too (a client that opens a new EventSource cannot set the header)', async () => {
    const backend = setup();
    const seenId = await idSeenByLeavingClient(backend, 1);
    await postWebhook(backend, orderEvent(2));
    const back = await openStream(backend, { query: `?lastEventId=${encodeURIComponent(seenId)}` });
    assert.deepEqual(ids([await back.stream!.next((frame) => frame.data !== undefined)]), ['climorder_2']);
  });

  it('an up-to-date client gets nothing replayed and no refetch', async () => {
    const backend = setup();
    const first = await openStream(backend);
    await postWebhook(backend, orderEvent(1));
    const seen = await first.stream!.next((frame) => frame.data !== undefined);
    const back = await openStream(backend, { headers: { 'Last-Event-ID': seen.id! } });
    await postWebhook(backend, orderEvent(2));
    await back.stream!.next((frame) => frame.data !== undefined);
    assert.deepEqual(ids(back.stream!.events), ['climorder_2']);
    assert.equal(back.stream!.frames.some(isRefetch), false);
  });

  it('an unknown or malformed Last-Event-ID gets event: swk-refetch with data {}', async () => {
    const backend = setup();
    await postWebhook(backend, orderEvent(1));
    for (const lastId of ['1-0', 'not-an-id', '99999999999999-0']) {
      const { stream } = await openStream(backend, { headers: { 'Last-Event-ID': lastId } });
      const frame = await stream!.next(isRefetch);
      assert.deepEqual(frame, { event: 'swk-refetch', data: '{}' });
    }
  });

  it('an id pushed out of the buffer (1,000 events by default) gets swk-refetch, then live events', async () => {
    const backend = setup();
    const seenId = await idSeenByLeavingClient(backend, 0);
    for (let n = 1; n <= 1_000; n++) await postWebhook(backend, orderEvent(n));
    const back = await openStream(backend, { headers: { 'Last-Event-ID': seenId } });
    await back.stream!.next(isRefetch);
    await postWebhook(backend, orderEvent(1_001));
    await back.stream!.next((frame) => frame.data?.includes('climorder_1001') ?? false);
    assert.deepEqual(ids(back.stream!.events.filter((frame) => !isRefetch(frame))), ['climorder_1001']);
  });

  it('an id older than the buffer’s 10 minutes gets swk-refetch', async () => {
    let now = Date.now();
    const backend = setup(new MemoryEventStore({ clock: () => now }));
    const seenId = await idSeenByLeavingClient(backend, 1);
    now += 10 * 60_000 + 1;
    await postWebhook(backend, orderEvent(2));
    const back = await openStream(backend, { headers: { 'Last-Event-ID': seenId } });
    await back.stream!.next(isRefetch);
    // Nothing stale is replayed: the first event after the refetch is the next live one.
    await postWebhook(backend, orderEvent(3));
    await back.stream!.next((frame) => frame.data?.includes('climorder_3') ?? false);
    assert.deepEqual(ids(back.stream!.events.filter((frame) => !isRefetch(frame))), ['climorder_3']);
  });

  it('keeps an idle stream open with ": ping" comments (one timer for all streams)', async () => {
    const backend = createBackend({ webhookSecret: WEBHOOK_SECRET, eventStream: { heartbeatMs: 20 } }, []);
    const streams = await Promise.all([openStream(backend), openStream(backend)]);
    for (const { stream } of streams) assert.equal((await stream!.next((frame) => frame.comment !== undefined)).comment, 'ping');
    for (const { close } of streams) close();
  });
});
