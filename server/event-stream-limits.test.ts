// Issue 10, "10 SSE clients that stop reading, then 1,500 events of 20 kB": a client whose unsent queue
// passes the limit is dropped (its memory freed), the others keep their events; streams are capped per
// user and in total, 503 past the cap.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBackend } from './app.js';
import type { EventStreamOptions } from './event-hub.js';
import { openStream, SseReader } from './test-support/sse.js';
import { postWebhook, stripeEvent, WEBHOOK_SECRET } from './test-support/webhook.js';

const backendWith = (eventStream: EventStreamOptions) => createBackend({ webhookSecret: WEBHOOK_SECRET, eventStream }, []);
const userHeader = (user: string) => ({ headers: { 'x-user': user } });
const byHeader: EventStreamOptions['userOf'] = (request) => request.headers.get('x-user') ?? undefined;

/** A stream whose body nobody reads, as a browser tab that stopped reading would look to the server. */
async function stalledStream(backend: ReturnType<typeof createBackend>) {
  const controller = new AbortController();
  const response = await backend.handle(new Request('http://test.local/api/events', { signal: controller.signal }));
  return { response, close: () => controller.abort() };
}

describe('GET /events limits', () => {
  it('drops a client that stops reading once its unsent queue passes 256 kB; a reading client gets every event', async () => {
    const backend = backendWith({});
    const stalled = await stalledStream(backend);
    const reading = await openStream(backend);
    const streamsBefore = backend.hub.size;
    // Each event's wire text is small, so make many: 256 kB / ~120 bytes is about 2,200 events.
    const padding = 'x'.repeat(20_000);
    for (let i = 0; i < 3_000; i++) {
      const response = await postWebhook(backend, stripeEvent(`evt_${i}`, { id: `climorder_${i}`, object: 'climate.order', status: 'open', description: padding }));
      assert.equal(response.status, 200);
    }
    assert.equal(backend.hub.size, streamsBefore - 1, 'the stalled stream was dropped');
    // What the stalled client can still read is at most the limit, then the stream fails (EventSource reconnects).
    const reader = stalled.response.body!.getReader();
    let bytes = 0;
    await assert.rejects(async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
      }
    });
    assert.ok(bytes <= 256 * 1024 + 200, `read ${bytes} bytes after the drop`);
    await reading.stream!.next((frame) => frame.data?.includes('climorder_2999') ?? false);
    assert.equal(reading.stream!.events.length, 3_000);
    reading.close();
  });

  it('caps streams per user: 503 past the cap, for that user only, and a closed stream frees its slot', async () => {
    const backend = backendWith({ userOf: byHeader, maxConnectionsPerUser: 2 });
    const first = await openStream(backend, userHeader('alice'));
    const second = await openStream(backend, userHeader('alice'));
    const third = await openStream(backend, userHeader('alice'));
    assert.equal(first.response.status, 200);
    assert.equal(second.response.status, 200);
    assert.equal(third.response.status, 503);
    assert.equal(third.response.headers.get('retry-after'), '10');
    assert.match(((await third.response.json()) as { error: { message: string } }).error.message, /Too many event streams/);
    assert.equal((await openStream(backend, userHeader('bob'))).response.status, 200);

    first.close();
    await first.stream!.end();
    const again = await openStream(backend, userHeader('alice'));
    assert.equal(again.response.status, 200);
    await again.stream!.next((frame) => frame.retry !== undefined);
  });

  it('caps streams in total: 503 past the cap, whoever asks', async () => {
    const backend = backendWith({ maxConnections: 3 });
    const open = await Promise.all([0, 1, 2].map(() => openStream(backend)));
    assert.deepEqual(open.map((s) => s.response.status), [200, 200, 200]);
    const refused = await openStream(backend);
    assert.equal(refused.response.status, 503);
    open[0]!.close();
    await open[0]!.stream!.end();
    const replacement = await openStream(backend);
    assert.equal(replacement.response.status, 200);
    assert.ok(replacement.stream instanceof SseReader);
  });
});
