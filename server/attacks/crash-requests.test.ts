import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createBackend } from '../app.js';
import { sendRaw, startTestServer, stillServes, type TestServer } from '../test-support/raw-http.js';

// Each of these ended the process: `new URL` / `new Request` threw outside the promise chain.
describe('attack: requests that cannot become a fetch Request', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(createBackend({}));
  });
  after(() => server.close());

  const cases: [name: string, head: string, status: number][] = [
    ['TRACE', 'TRACE /api/mode HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', 501],
    ['CONNECT', 'CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', 501],
    ['a method Node does not know', 'BREW /api/mode HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', 501],
    ['Host: [', 'GET /api/mode HTTP/1.1\r\nHost: [\r\nConnection: close\r\n\r\n', 400],
    ['Host: a b', 'GET /api/mode HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n', 400],
    ['an empty Host', 'GET /api/mode HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n', 400],
    ['no Host (HTTP/1.0)', 'GET /api/mode HTTP/1.0\r\n\r\n', 400],
    ['a Host with a path', 'GET /api/mode HTTP/1.1\r\nHost: evil.example/x\r\nConnection: close\r\n\r\n', 400],
  ];
  for (const [name, head, status] of cases) {
    it(`${name}: a ${status} JSON answer, and the server keeps serving`, async () => {
      const response = await sendRaw(server.port, head);
      assert.equal(response.status, status);
      assert.match(response.headers['content-type'] ?? '', /^application\/json/);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(typeof (JSON.parse(response.body) as { error: { message: string } }).error.message, 'string');
      assert.equal(await stillServes(server), 200);
    });
  }

  it('a client that leaves in the middle of a body does not take the server down', async () => {
    const left = new Promise<void>((done) => server.server.once('request', (req: IncomingMessage) => req.once('close', done)));
    const socket = connect(server.port, '127.0.0.1');
    socket.on('error', () => {});
    const head = 'POST /api/simulator/payment_intents/async_capture HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n';
    socket.write(`${head}{"conn`, () => socket.destroy());
    await left;
    assert.equal(await stillServes(server), 200);
  });
});
