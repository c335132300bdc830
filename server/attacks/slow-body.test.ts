import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBackend, type Backend } from '../app.js';
import { openRaw, startTestServer, stillServes, type TestServer } from '../test-support/raw-http.js';
import { wellFormedWrongSignature } from '../test-support/webhook.js';

const BODY_TIMEOUT_MS = 300;
const post = (path: string, headers: string) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n${headers}\r\n{"permissions":`;

// Today a body that stops arriving is waited for without end: each such request holds its connection
// and what it sent for as long as the client likes (313 s measured with 1 MB bodies).
describe('attack: POST bodies that stop arriving half way', () => {
  let backend: Backend;
  let server: TestServer;
  before(async () => {
    backend = createBackend({ bodyTimeoutMs: BODY_TIMEOUT_MS });
    server = await startTestServer(backend);
  });
  after(() => server.close());

  for (const [name, path, headers] of [
    ['a JSON route', '/api/financial_connections/sessions', ''],
    ['the webhook route (with a well-formed signature header)', '/api/webhooks', `Stripe-Signature: ${wellFormedWrongSignature()}\r\n`],
  ] as const) {
    it(`${name}: 408 once bodyTimeoutMs (${BODY_TIMEOUT_MS} ms) passed, the connection closed, and the server keeps serving`, async () => {
      const connection = openRaw(server.port);
      connection.write(post(path, headers));
      const answer = await connection.answer(2_000);
      assert.equal(answer.status, 408);
      assert.equal(answer.headers.connection, 'close');
      const held = await connection.closed(3_000);
      assert.ok(held >= BODY_TIMEOUT_MS && held <= 3_000, `held ${held} ms`);
      assert.equal(await stillServes(server), 200);
    });
  }

  it('the same through backend.handle (a Hono or Next.js mount): 408 from a stream that never ends', { timeout: 5_000 }, async () => {
    const stalled = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"permissions":')) });
    const started = Date.now();
    const response = await backend.handle(
      new Request('http://127.0.0.1/api/financial_connections/sessions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: stalled,
        duplex: 'half',
      } as RequestInit),
    );
    assert.equal(response.status, 408);
    assert.ok(Date.now() - started <= 2_000);
  });
});
