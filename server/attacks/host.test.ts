import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBackend } from '../app.js';
import { sendRaw, startTestServer, stillServes, type TestServer } from '../test-support/raw-http.js';

const get = (host: string) => `GET /api/mode HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;

// DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 sends `Host: evil.example`.
// Today that is a 200.
describe('attack: a foreign Host (DNS rebinding)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(createBackend({ allowedHosts: ['localhost', '127.0.0.1', '[::1]', 'shop.example', '.widgets.example'] }));
  });
  after(() => server.close());

  // `evilwidgets.example` ends with the letters of `.widgets.example` less its dot: the match is on a label boundary.
  for (const host of ['evil.example', 'evil.example:80', 'localhost.evil.example', 'shop.example.evil.example', 'widgets.example.evil', 'evilwidgets.example']) {
    it(`Host: ${host}: 421 with nothing of the backend's, and the server keeps serving`, async () => {
      const response = await sendRaw(server.port, get(host));
      assert.equal(response.status, 421);
      assert.doesNotMatch(response.body, /simulator/);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(await stillServes(server), 200);
    });
  }

  for (const host of ['localhost', '127.0.0.1', '[::1]', 'LOCALHOST', 'shop.example:8443', 'widgets.example', 'a.widgets.example']) {
    it(`Host: ${host} is answered`, async () => {
      const response = await sendRaw(server.port, get(host.includes(':') && !host.startsWith('[') ? host : `${host}:${server.port}`));
      assert.equal(response.status, 200);
      assert.deepEqual(JSON.parse(response.body), { mode: 'simulator' });
    });
  }

  it('a foreign Host cannot POST either', async () => {
    const body = '{}';
    const response = await sendRaw(
      server.port,
      `POST /api/simulator/payment_intents/async_capture HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    assert.equal(response.status, 421);
    assert.equal(await stillServes(server), 200);
  });

  it('a request path that starts with // is a path on this host, never another host (it would pass the Origin check)', async () => {
    const open = await startTestServer(createBackend({}));
    try {
      const body = '{}';
      const response = await sendRaw(
        open.port,
        `POST //evil.example/api/simulator/payment_intents/async_capture HTTP/1.1\r\nHost: shop.example\r\nOrigin: http://evil.example\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      );
      assert.equal(response.status, 404);
      assert.equal((await sendRaw(open.port, 'GET //evil.example/api/mode HTTP/1.1\r\nHost: shop.example\r\nConnection: close\r\n\r\n')).status, 404);
      assert.equal((await sendRaw(server.port, 'GET //localhost/api/mode HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n')).status, 421);
    } finally {
      await open.close();
    }
  });

  it('without allowedHosts every Host is answered (the site or its proxy decides)', async () => {
    const open = await startTestServer(createBackend({}));
    try {
      assert.equal((await sendRaw(open.port, get('anything.example'))).status, 200);
    } finally {
      await open.close();
    }
  });
});

// Today Node keeps the first of two Host headers and drops the other: `Host: 127.0.0.1` then
// `Host: evil.example` is a 200, and whatever sits in front of the backend may have read the second.
describe('attack: two Host headers', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(createBackend({ allowedHosts: ['127.0.0.1'] }));
  });
  after(() => server.close());

  for (const [first, second] of [
    ['127.0.0.1', 'evil.example'],
    ['127.0.0.1', '127.0.0.1'],
    ['evil.example', '127.0.0.1'],
  ]) {
    it(`Host: ${first} and Host: ${second}: 400, and the server keeps serving`, async () => {
      const response = await sendRaw(server.port, `GET /api/mode HTTP/1.1\r\nHost: ${first}\r\nhost: ${second}\r\nConnection: close\r\n\r\n`);
      assert.equal(response.status, 400);
      assert.deepEqual(JSON.parse(response.body), { error: { message: 'Invalid Host header' } });
      assert.equal(await stillServes(server), 200);
    });
  }
});
