// Issue 10, "GET /api/events, then a webhook for another customer's order": each event reaches a
// subscriber only when `authorize(subscriberRequest, event.data.object)` allows it, live and on replay;
// without `authorize` every subscriber gets it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBackend } from './app.js';
import type { AuthorizeObject, StripeObject } from './context.js';
import { dataOf, openStream } from './test-support/sse.js';
import { climateOrderObject, postWebhook, stripeEvent, WEBHOOK_SECRET } from './test-support/webhook.js';

const as = (user: string) => ({ headers: { 'x-user': user } });
/** The site's rule: the order's metadata names its owner. */
const ownerRule: AuthorizeObject = (request, object) =>
  (object.metadata as Record<string, string> | undefined)?.user_id === request.headers.get('x-user');
const order = (id: string, owner: string) => climateOrderObject(id, 'canceled', { metadata: { user_id: owner } });

describe('GET /events sends each event only to subscribers the authorize rule allows', () => {
  it("alice hears about her order, never about bob's; bob the other way round", async () => {
    const backend = createBackend({ webhookSecret: WEBHOOK_SECRET, authorize: ownerRule }, []);
    const alice = await openStream(backend, as('alice'));
    const bob = await openStream(backend, as('bob'));
    assert.equal((await postWebhook(backend, stripeEvent('evt_bob', order('climorder_bob', 'bob')))).status, 200);
    assert.equal((await postWebhook(backend, stripeEvent('evt_alice', order('climorder_alice', 'alice')))).status, 200);

    await alice.stream!.next((frame) => frame.data !== undefined);
    await bob.stream!.next((frame) => frame.data?.includes('climorder_bob') ?? false);
    // Bob's event was published first: had alice been sent it, it would precede hers on her stream.
    assert.deepEqual(alice.stream!.events.map(dataOf), [{ type: 'climate.order.created', id: 'climorder_alice', object: 'climate.order' }]);
    assert.deepEqual(bob.stream!.events.map((frame) => dataOf(frame).id), ['climorder_bob']);
  });

  it('asks the rule with the subscriber’s own request and data.object (less any client_secret); sends only type, id, object', async () => {
    const asked: [string | null, StripeObject][] = [];
    const authorize: AuthorizeObject = async (request, object) => {
      asked.push([request.headers.get('x-user'), object]);
      return true;
    };
    const backend = createBackend({ webhookSecret: WEBHOOK_SECRET, authorize }, []);
    const carol = await openStream(backend, as('carol'));
    await postWebhook(backend, stripeEvent('evt_c', { ...order('climorder_c', 'carol'), client_secret: 'cs_secret_never_kept' }));
    const frame = await carol.stream!.next((f) => f.data !== undefined);
    assert.deepEqual(asked, [['carol', order('climorder_c', 'carol')]]);
    assert.equal(frame.data, JSON.stringify({ type: 'climate.order.created', id: 'climorder_c', object: 'climate.order' }));
  });

  it('filters the Last-Event-ID replay the same way', async () => {
    const backend = createBackend({ webhookSecret: WEBHOOK_SECRET, authorize: ownerRule }, []);
    const first = await openStream(backend, as('alice'));
    await postWebhook(backend, stripeEvent('evt_1', order('climorder_a1', 'alice')));
    const seen = await first.stream!.next((frame) => frame.id !== undefined);
    first.close();
    await postWebhook(backend, stripeEvent('evt_2', order('climorder_b1', 'bob')));
    await postWebhook(backend, stripeEvent('evt_3', order('climorder_a2', 'alice')));

    const back = await openStream(backend, { headers: { 'x-user': 'alice', 'Last-Event-ID': seen.id! } });
    await back.stream!.next((frame) => frame.data?.includes('climorder_a2') ?? false);
    assert.deepEqual(back.stream!.events.map((frame) => dataOf(frame).id), ['climorder_a2']);
  });

  it('keeps the order of events when the rule answers out of order, and a throwing rule only withholds that event', async () => {
    const delays: Record<string, number> = { climorder_slow: 30, climorder_fast: 0, climorder_boom: 0, climorder_last: 0 };
    const authorize: AuthorizeObject = async (_request, object) => {
      if (object.id === 'climorder_boom') throw new Error('session store down');
      await new Promise((resolve) => setTimeout(resolve, delays[object.id]));
      return true;
    };
    const backend = createBackend({ webhookSecret: WEBHOOK_SECRET, authorize }, []);
    const dave = await openStream(backend, as('dave'));
    const printed: unknown[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => printed.push(args.join(' '));
    try {
      for (const id of Object.keys(delays)) await postWebhook(backend, stripeEvent(`evt_${id}`, order(id, 'dave')));
      await dave.stream!.next((frame) => frame.data?.includes('climorder_last') ?? false);
    } finally {
      console.error = error;
    }
    assert.deepEqual(dave.stream!.events.map((frame) => dataOf(frame).id), ['climorder_slow', 'climorder_fast', 'climorder_last']);
    assert.doesNotMatch(printed.join('\n'), /session store down/);
  });

  it('without authorize (simulator mode) every subscriber gets every event', async () => {
    const backend = createBackend({ webhookSecret: WEBHOOK_SECRET }, []);
    const streams = await Promise.all(['alice', 'bob'].map((user) => openStream(backend, as(user))));
    await postWebhook(backend, stripeEvent('evt_all', order('climorder_all', 'alice')));
    for (const { stream } of streams) assert.equal(dataOf(await stream!.next((frame) => frame.data !== undefined)).id, 'climorder_all');
  });
});

describe('a throwing server-side listener', () => {
  it('neither fails the webhook nor keeps the event from the event streams', async () => {
    const backend = createBackend({ webhookSecret: WEBHOOK_SECRET }, []);
    backend.hub.subscribe(() => {
      throw new Error('site listener bug');
    });
    const { stream } = await openStream(backend);
    const error = console.error;
    const printed: string[] = [];
    console.error = (...args: unknown[]) => printed.push(args.join(' '));
    let status: number;
    try {
      status = (await postWebhook(backend, stripeEvent('evt_l', order('climorder_l', 'x')))).status;
    } finally {
      console.error = error;
    }
    assert.equal(status, 200);
    assert.equal(dataOf(await stream!.next((frame) => frame.data !== undefined)).id, 'climorder_l');
    assert.doesNotMatch(printed.join('\n'), /site listener bug/);
  });
});
