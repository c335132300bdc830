// Issue 10, "replay of an event after 12,000 newer ones, inside the 300 s tolerance": ids are remembered by
// time (at least the signature tolerance), not by count, and the memory bound never forgets an id
// younger than the tolerance.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBackend } from './app.js';
import type { PublishedEvent } from './event-hub.js';
import { MemoryEventStore } from './memory-event-store.js';
import { climateOrderObject, postWebhook, stripeEvent, WEBHOOK_SECRET } from './test-support/webhook.js';

const orderEvent = (id: string) => stripeEvent(id, climateOrderObject(`climorder_${id}`));

describe('webhook dedupe by time', () => {
  it('refuses the replay of an event after 12,000 newer ones inside the tolerance', async () => {
    const backend = createBackend({ webhookSecret: WEBHOOK_SECRET }, []);
    const published: PublishedEvent[] = [];
    backend.hub.subscribe((event) => published.push(event));
    const first = orderEvent('evt_first');
    const body = JSON.stringify(first);
    assert.equal((await postWebhook(backend, body)).status, 200);
    for (let batch = 0; batch < 120; batch++) {
      const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => postWebhook(backend, orderEvent(`evt_newer_${batch * 100 + i}`))));
      assert.deepEqual(new Set(responses.map((response) => response.status)), new Set([200]));
    }
    const replay = await postWebhook(backend, body);
    assert.equal(replay.status, 200);
    assert.deepEqual(await replay.json(), { received: true, duplicate: true });
    assert.equal(published.length, 12_001);
    assert.equal(published.filter((event) => event.id === 'climorder_evt_first').length, 1);
  });

  it('at the memory bound: 503 (Stripe retries) while every id is inside the tolerance, then forgets the oldest past it', async () => {
    let now = Date.now();
    const eventStore = new MemoryEventStore({ maxRememberedIds: 3, clock: () => now });
    const backend = createBackend({ webhookSecret: WEBHOOK_SECRET, eventStore }, []);
    for (const id of ['evt_a', 'evt_b', 'evt_c']) assert.equal((await postWebhook(backend, orderEvent(id))).status, 200);

    const full = await postWebhook(backend, orderEvent('evt_d'));
    assert.equal(full.status, 503);
    // A replay of a remembered id is still a duplicate, not a 503.
    assert.deepEqual(await (await postWebhook(backend, orderEvent('evt_a'))).json(), { received: true, duplicate: true });

    now += 301_000;
    assert.equal((await postWebhook(backend, orderEvent('evt_d'))).status, 200);
    // evt_a made room; the others are still remembered.
    assert.deepEqual(await (await postWebhook(backend, orderEvent('evt_b'))).json(), { received: true, duplicate: true });
  });

  it('remembers an id for the dedupe window (default three days, Stripe retries that long), then lets it through', async () => {
    let now = Date.now();
    const eventStore = new MemoryEventStore({ clock: () => now });
    const backend = createBackend({ webhookSecret: WEBHOOK_SECRET, eventStore }, []);
    assert.equal((await postWebhook(backend, orderEvent('evt_retried'))).status, 200);
    now += 3 * 24 * 3600_000 - 1_000;
    assert.deepEqual(await (await postWebhook(backend, orderEvent('evt_retried'))).json(), { received: true, duplicate: true });
    now += 2_000;
    assert.deepEqual(await (await postWebhook(backend, orderEvent('evt_retried'))).json(), { received: true });
  });
});
