import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBackend, type Backend } from '../app.js';
import { sendRaw, startTestServer, stillServes, type TestServer } from '../test-support/raw-http.js';

// Today HEAD on a GET route is a 405, and no 405 says what is allowed.
describe('attack: HEAD and the wrong method', () => {
  let backend: Backend;
  let server: TestServer;
  before(async () => {
    backend = createBackend({});
    server = await startTestServer(backend);
  });
  after(() => server.close());

  it('HEAD on a GET route answers like the GET, without a body', async () => {
    const response = await sendRaw(server.port, 'HEAD /api/climate/orders/climorder_sim_confirmed HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    assert.equal(response.status, 200);
    assert.match(response.headers['content-type'] ?? '', /^application\/json/);
    assert.equal(response.body, '');
    const missing = await sendRaw(server.port, 'HEAD /api/climate/orders/climorder_nope HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    assert.equal(missing.status, 404);
    assert.equal(missing.body, '');
    assert.equal(await stillServes(server), 200);
  });

  it('HEAD on the event stream answers its headers and keeps no subscriber', async () => {
    const response = await fetch(`${server.origin}/api/events`, { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(backend.hub.size, 0);
  });

  const wrong: [request: string, allow: string][] = [
    ['PUT /api/mode', 'GET, HEAD, OPTIONS'],
    ['DELETE /api/climate/orders/climorder_sim_confirmed', 'GET, HEAD, OPTIONS'],
    ['GET /api/webhooks', 'POST, OPTIONS'],
    ['PATCH /api/financial_connections/sessions', 'POST, OPTIONS'],
  ];
  for (const [request, allow] of wrong) {
    it(`${request}: 405 with Allow: ${allow}`, async () => {
      const response = await sendRaw(server.port, `${request} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      assert.equal(response.status, 405);
      assert.equal(response.headers.allow, allow);
      assert.equal(await stillServes(server), 200);
    });
  }

  it('OPTIONS on a route lists its methods; an unknown path stays a 404', async () => {
    const options = await fetch(`${server.origin}/api/climate/orders/climorder_1/cancel`, { method: 'OPTIONS' });
    assert.equal(options.status, 204);
    assert.equal(options.headers.get('allow'), 'POST, OPTIONS');
    const unknown = await fetch(`${server.origin}/api/nothing/here`, { method: 'PUT' });
    assert.equal(unknown.status, 404);
    assert.equal(await stillServes(server), 200);
  });

  it('TRACE (which no fetch Request can carry): 501 with Allow', async () => {
    const response = await sendRaw(server.port, 'TRACE /api/mode HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    assert.equal(response.status, 501);
    assert.equal(response.headers.allow, 'GET, HEAD, POST, OPTIONS');
    assert.equal(await stillServes(server), 200);
  });
});
