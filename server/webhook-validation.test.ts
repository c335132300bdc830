// Issue 10, "a validly signed webhook with a timestamp one day ahead, with no id, or whose body is null":
// each is refused with 400 (never 200, never 500), nothing is published, and the endpoint keeps working.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBackend } from './app.js';
import type { PublishedEvent } from './event-hub.js';
import { climateOrderObject, postWebhook, stripeEvent, WEBHOOK_SECRET } from './test-support/webhook.js';

const order = climateOrderObject('climorder_1', 'delivered');

function setup() {
  const backend = createBackend({ webhookSecret: WEBHOOK_SECRET }, []);
  const published: PublishedEvent[] = [];
  backend.hub.subscribe((event) => published.push(event));
  return { backend, published };
}

async function refused(response: Response, message: RegExp): Promise<void> {
  assert.equal(response.status, 400);
  const body = (await response.json()) as { error: { type: string; message: string } };
  assert.equal(body.error.type, 'invalid_request_error');
  assert.match(body.error.message, message);
}

/** The endpoint still takes a good event after the bad one. */
async function stillServes(backend: ReturnType<typeof createBackend>, published: PublishedEvent[]): Promise<void> {
  assert.equal((await postWebhook(backend, stripeEvent('evt_good_after', order))).status, 200);
  assert.deepEqual(published, [{ type: 'climate.order.created', id: 'climorder_1', object: 'climate.order' }]);
}

describe('POST /webhooks refuses validly signed events it must not trust', () => {
  it('a timestamp one day in the future: 400', async () => {
    const { backend, published } = setup();
    const tomorrow = Math.floor(Date.now() / 1000) + 24 * 3600;
    await refused(await postWebhook(backend, stripeEvent('evt_future', order), { timestamp: tomorrow }), /future/);
    await stillServes(backend, published);
  });

  it('a timestamp just past the 300 s tolerance ahead: 400; inside it: 200', async () => {
    const { backend, published } = setup();
    const now = Math.floor(Date.now() / 1000);
    await refused(await postWebhook(backend, stripeEvent('evt_ahead_far', order), { timestamp: now + 330 }), /future/);
    assert.equal((await postWebhook(backend, stripeEvent('evt_ahead_near', order), { timestamp: now + 60 })).status, 200);
    assert.equal(published.length, 1);
  });

  it('an event with no id: 400, and a second one is refused too (not deduped as the first)', async () => {
    const { backend, published } = setup();
    const { id: _id, ...noId } = stripeEvent('evt_x', order);
    await refused(await postWebhook(backend, noId), /id/);
    await refused(await postWebhook(backend, { ...noId, type: 'climate.order.canceled' }), /id/);
    await refused(await postWebhook(backend, { ...noId, id: 42 }), /id/);
    await refused(await postWebhook(backend, { ...noId, id: '' }), /id/);
    await stillServes(backend, published);
  });

  for (const [name, body] of [
    ['null', 'null'],
    ['an array', '[]'],
    ['a number', '42'],
    ['a string', '"evt_1"'],
  ] as const) {
    it(`a body that is ${name}: 400`, async () => {
      const { backend, published } = setup();
      await refused(await postWebhook(backend, body), /not an event/);
      await stillServes(backend, published);
    });
  }
});
