import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBackend, type Backend } from '../app.js';
import { createNodeServer } from '../node-adapter.js';
import { openRaw, startTestServer, stillServes, type TestServer } from '../test-support/raw-http.js';
import { until } from '../test-support/until.js';

const LIMITS = { headersTimeoutMs: 300, requestTimeoutMs: 600, checkIntervalMs: 50, maxConnections: 40 };
const HEAD = 'GET /api/mode HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ';

// Today createNodeServer keeps Node's defaults: a client dripping its head is held 60 s (checked only
// every 30 s: 84 s measured), idle sockets likewise, and there is no connection cap at all.
describe('attack: slow and idle clients on createNodeServer', () => {
  let backend: Backend;
  let server: TestServer;
  before(async () => {
    backend = createBackend({ eventStream: { heartbeatMs: 100 } });
    server = await startTestServer(backend, LIMITS);
  });
  after(() => server.close());

  it(`a client sending one header byte every 50 ms is answered 408 and closed within ${LIMITS.headersTimeoutMs} ms + 1 s`, async () => {
    const connection = openRaw(server.port);
    connection.write(HEAD);
    const drip = setInterval(() => connection.write('a'), 50);
    try {
      const answer = await connection.answer(2_000);
      assert.equal(answer.status, 408);
      const held = await connection.closed(2_000);
      assert.ok(held >= LIMITS.headersTimeoutMs && held <= LIMITS.headersTimeoutMs + 1_000, `held ${held} ms`);
    } finally {
      clearInterval(drip);
    }
    assert.equal(await stillServes(server), 200);
  });

  it('30 idle sockets that never send a byte are all closed within 1.5 s', async () => {
    const idle = Array.from({ length: 30 }, () => openRaw(server.port));
    const held = await Promise.all(idle.map((c) => c.closed(3_000)));
    assert.ok(Math.max(...held) <= 1_500, `longest held ${Math.max(...held)} ms`);
    assert.equal(await stillServes(server), 200);
  });

  it('an open event stream outlives both timeouts: it still gets pings after 3 × requestTimeoutMs', async () => {
    const connection = openRaw(server.port);
    connection.write('GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n');
    // A ping every 100 ms: the 18th comes 1.8 s after the stream opened, three request timeouts later.
    const pings = () => connection.received().split(': ping\n\n').length - 1;
    await until(() => pings() >= 18, 5_000, '18 pings');
    assert.match(connection.received(), /^HTTP\/1\.1 200 /);
    assert.equal(backend.hub.size, 1, 'the stream is still open');
    connection.destroy();
    await until(() => backend.hub.size === 0, 2_000, 'the stream to be released');
  });

  it(`past maxConnections (${LIMITS.maxConnections}) a new connection is closed at once; once the holders are gone, it serves again`, async () => {
    const holders = Array.from({ length: LIMITS.maxConnections }, () => openRaw(server.port));
    for (const holder of holders) holder.write(HEAD);
    await until(() => new Promise<boolean>((done) => server.server.getConnections((_e, n) => done(n >= LIMITS.maxConnections))), 2_000, 'the cap to fill');
    const refused = openRaw(server.port);
    refused.write('GET /api/mode HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    assert.ok((await refused.closed(1_000)) <= 1_000);
    await Promise.all(holders.map((h) => h.closed(3_000)));
    assert.equal(await stillServes(server), 200);
  });
});

describe('createNodeServer defaults', () => {
  it('closes a client still sending headers after 10 s, checked every second, and caps connections at 10,000', () => {
    const server = createNodeServer(async () => new Response(null));
    assert.equal(server.headersTimeout, 10_000);
    assert.equal(server.requestTimeout, 30_000);
    assert.equal(server.maxConnections, 10_000);
    server.close();
  });
});
