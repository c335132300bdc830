// Issue 10, "SSE clients that stop reading": over real HTTP the adapter waits for the socket to drain,
// so a client that stops reading fills its own stream's queue and the hub drops it, instead of Node
// buffering its events without bound.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { after, it } from 'node:test';
import { createBackend } from '../app.js';
import { createNodeServer } from '../node-adapter.js';
import { postWebhook, stripeEvent, WEBHOOK_SECRET } from '../test-support/webhook.js';

const backend = createBackend({ webhookSecret: WEBHOOK_SECRET, eventStream: { maxQueuedBytes: 16 * 1024 } }, []);
const server = createNodeServer(backend.handle);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('drops an event-stream client that stopped reading, once its queue passes the limit, and keeps serving', async () => {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {});
  socket.write('GET /api/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n');
  // Read the head, then stop reading: the kernel's buffers fill, then the server's writes stop draining.
  await new Promise<void>((resolve) => socket.once('data', () => resolve()));
  socket.pause();
  assert.equal(backend.hub.size, 1);
  let sent = 0;
  // Bounded: far more than the socket buffers and the 16 kB queue hold, stopping as soon as it is dropped.
  for (; sent < 60_000 && backend.hub.size > 0; sent++) {
    const response = await postWebhook(backend, stripeEvent(`evt_${sent}`, { id: `climorder_${sent}_${'x'.repeat(180)}`, object: 'climate.order', status: 'open' }));
    assert.equal(response.status, 200);
  }
  assert.equal(backend.hub.size, 0, `the stalled stream was dropped (after ${sent} events)`);
  socket.destroy();
  const mode = await fetch(`http://127.0.0.1:${port}/api/mode`, { headers: { Host: 'localhost' } });
  assert.equal(mode.status, 200);
});
