import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { createBackend } from '../app.js';
import type { AuthorizeObject } from '../context.js';
import { openStream, type SseFrame } from '../test-support/sse.js';
import { climateOrderObject, postWebhook, stripeEvent, WEBHOOK_SECRET } from '../test-support/webhook.js';

const tenantOf = (request: Request) => request.headers.get('x-tenant');
const isRefetch = (frame: SseFrame) => frame.event === 'swk-refetch';
const orderOf = (tenant: string, n: number) =>
  stripeEvent(`evt_${tenant}_${n}`, climateOrderObject(`climorder_${tenant}_${n}`, 'confirmed', { metadata: { tenant } }));

/** A backend whose rule lets each tenant hear only its own orders, counting the rule's calls per tenant. */
function setup() {
  const calls = new Map<string, number>();
  const authorize: AuthorizeObject = (request, object) => {
    const tenant = tenantOf(request) ?? '';
    calls.set(tenant, (calls.get(tenant) ?? 0) + 1);
    return (object.metadata as { tenant?: string } | undefined)?.tenant === tenant;
  };
  const backend = createBackend({ webhookSecret: WEBHOOK_SECRET, authorize }, []);
  return { backend, calls };
}

/** The stream id a tenant's client saw for the next event it may see. */
async function idSeenBy(backend: ReturnType<typeof setup>['backend'], tenant: string, n: number): Promise<string> {
  const { stream, close } = await openStream(backend, { headers: { 'x-tenant': tenant } });
  await postWebhook(backend, orderOf(tenant, n));
  const frame = await stream!.next((f) => f.data?.includes(`climorder_${tenant}_${n}`) ?? false);
  close();
  return frame.id!;
}

/** What a reconnecting tenant hears first: the frames up to a live event published after it connected. */
async function reconnect(backend: ReturnType<typeof setup>['backend'], tenant: string, lastEventId: string, live: number) {
  const { stream, close } = await openStream(backend, { headers: { 'x-tenant': tenant, 'Last-Event-ID': lastEventId } });
  await postWebhook(backend, orderOf(tenant, live));
  await stream!.next((f) => f.data?.includes(`climorder_${tenant}_${live}`) ?? false);
  close();
  return stream!.frames.map((f) => (isRefetch(f) ? 'refetch' : f.retry ? 'retry' : (JSON.parse(f.data ?? '{}') as { id: string }).id));
}

// Today a tenant reconnecting with another tenant's Last-Event-ID gets a replay instead of swk-refetch,
// which tells that the id exists; and one reconnect costs up to 999 authorize calls.
describe("attack: Last-Event-ID of another tenant's event", () => {
  it('gets exactly what an unknown id gets: swk-refetch', async () => {
    const { backend } = setup();
    const foreign = await idSeenBy(backend, 'b', 1);
    const [m, s] = foreign.split('-').map(Number) as [number, number];
    const unknown = `${m}-${s + 7}`;
    assert.deepEqual(await reconnect(backend, 'a', foreign, 2), ['retry', 'refetch', 'climorder_a_2']);
    assert.deepEqual(await reconnect(backend, 'a', unknown, 3), ['retry', 'refetch', 'climorder_a_3']);
    // Its owner still gets a replay from it.
    await postWebhook(backend, orderOf('b', 4));
    assert.deepEqual(await reconnect(backend, 'b', foreign, 5), ['retry', 'climorder_b_4', 'climorder_b_5']);
  });

  it('999 events of another tenant after your own id: at most 101 authorize calls, then swk-refetch', async () => {
    const { backend, calls } = setup();
    const own = await idSeenBy(backend, 'a', 0);
    for (let n = 1; n <= 999; n++) assert.equal((await postWebhook(backend, orderOf('b', n))).status, 200);
    calls.set('a', 0);
    const frames = await reconnect(backend, 'a', own, 1_000);
    assert.deepEqual(frames, ['retry', 'refetch', 'climorder_a_1000']);
    // The replay (and the one live event the test waits for): never the 999 of before.
    assert.ok(calls.get('a')! <= 101 + 1, `authorize was called ${calls.get('a')} times for one reconnect`);
  });

  it('a HEAD with a Last-Event-ID does no replay work at all: the store is not asked', async () => {
    const { backend, calls } = setup();
    const own = await idSeenBy(backend, 'a', 0);
    for (let n = 1; n <= 50; n++) await postWebhook(backend, orderOf('a', n));
    calls.set('a', 0);
    const lookups = mock.method(backend.eventStore, 'after');
    try {
      const response = await backend.handle(new Request('http://test.local/api/events', { method: 'HEAD', headers: { 'x-tenant': 'a', 'Last-Event-ID': own } }));
      assert.equal(response.status, 200);
      assert.equal(response.body, null);
    } finally {
      lookups.mock.restore();
    }
    assert.equal(lookups.mock.callCount(), 0);
    assert.equal(calls.get('a'), 0);
    assert.equal(backend.hub.size, 0);
  });
});
