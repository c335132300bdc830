import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBackend } from '../app.js';
import { sendRaw, startTestServer, stillServes, type TestServer } from '../test-support/raw-http.js';
import { wellFormedWrongSignature } from '../test-support/webhook.js';

const MB = 1024 * 1024;
const FC = '/api/financial_connections/sessions';
const head = (path: string, headers: string) => `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${headers}\r\n`;
/** A JSON body of `size` bytes: `{"permissions":["balances"],"pad":"xxxx…"}`. */
const jsonOf = (size: number) => {
  const start = '{"permissions":["balances"],"pad":"';
  return `${start}${'x'.repeat(size - start.length - 2)}"}`;
};

// Today: a 100 MB JSON body is read whole (RSS 83 → 395 MB), and so is a webhook before its signature.
describe('attack: oversized bodies', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(createBackend({}));
  });
  after(() => server.close());

  it('a declared 100 MB JSON body: 413 from Content-Length alone, before one byte of it is sent', async () => {
    const response = await sendRaw(server.port, head(FC, `Content-Length: ${100 * MB}\r\n`));
    assert.equal(response.status, 413);
    assert.equal(await stillServes(server), 200);
  });

  it('a declared 10 MB webhook: 413 before its signature is even looked at', async () => {
    const response = await sendRaw(server.port, head('/api/webhooks', `Stripe-Signature: ${wellFormedWrongSignature()}\r\nContent-Length: ${10 * MB}\r\n`));
    assert.equal(response.status, 413);
    assert.equal(await stillServes(server), 200);
  });

  it('a chunked JSON upload that never ends: 413 once the count passes 64 kB, long before 100 MB are sent', async () => {
    const response = await sendRaw(server.port, head(FC, 'Transfer-Encoding: chunked\r\n'), { stream: { chunk: Buffer.alloc(16 * 1024, 0x20), total: 100 * MB, chunked: true } });
    assert.equal(response.status, 413);
    // What the client got out is the cap plus the sockets' buffers, not the 100 MB.
    assert.ok(response.sent < 25 * MB, `the client got to send ${response.sent} bytes`);
    assert.equal(await stillServes(server), 200);
  });

  it('a chunked webhook with no length: 413 once more than 1 MB arrives', async () => {
    const response = await sendRaw(server.port, head('/api/webhooks', `Stripe-Signature: ${wellFormedWrongSignature()}\r\nTransfer-Encoding: chunked\r\n`), {
      stream: { chunk: Buffer.alloc(64 * 1024, 0x20), total: 100 * MB, chunked: true },
    });
    assert.equal(response.status, 413);
    assert.ok(response.sent < 25 * MB, `the client got to send ${response.sent} bytes`);
    assert.equal(await stillServes(server), 200);
  });

  it('bodies up to the caps still reach their routes', async () => {
    const json = jsonOf(64 * 1024);
    const fits = await fetch(`${server.origin}${FC}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json });
    assert.equal(fits.status, 200);
    const over = await fetch(`${server.origin}${FC}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `${json} ` });
    assert.equal(over.status, 413);
    const webhook = await fetch(`${server.origin}/api/webhooks`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': wellFormedWrongSignature() }, body: ' '.repeat(MB) });
    assert.equal(webhook.status, 400, 'a 1 MB webhook is read and its signature refused');
    assert.equal(await stillServes(server), 200);
  });
});

describe('attack: oversized bodies, with the caps as options', () => {
  it('maxJsonBodyBytes and maxWebhookBodyBytes set the caps', async () => {
    const backend = createBackend({ maxJsonBodyBytes: 100, maxWebhookBodyBytes: 200 });
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      backend.handle(new Request(`http://127.0.0.1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body }));
    assert.equal((await post(FC, jsonOf(100))).status, 200);
    assert.equal((await post(FC, jsonOf(101))).status, 413);
    assert.equal((await post('/api/webhooks', ' '.repeat(200), { 'Stripe-Signature': wellFormedWrongSignature() })).status, 400);
    assert.equal((await post('/api/webhooks', ' '.repeat(201), { 'Stripe-Signature': wellFormedWrongSignature() })).status, 413);
    // A stream with no length is counted as it comes.
    const endless = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(new Uint8Array(64)) });
    const streamed = await backend.handle(
      new Request(`http://127.0.0.1${FC}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: endless, duplex: 'half' } as RequestInit),
    );
    assert.equal(streamed.status, 413);
    assert.equal((await backend.handle(new Request('http://127.0.0.1/api/mode'))).status, 200);
  });
});
