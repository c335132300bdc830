import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBackend, type Backend } from '../app.js';
import { startTestServer, stillServes, type TestServer } from '../test-support/raw-http.js';

const userOf = (request: Request) => /(?:^|;\s*)session=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1];
const VICTIM = { cookie: 'session=victim' };

// Today a page on evil.example opens the victim's stream with the victim's cookie: 200, and each such
// stream counts against the victim's own per-user cap (their tabs then get 503).
describe('attack: a cross-site page opening GET /api/events with the victim’s cookie', () => {
  let backend: Backend;
  let server: TestServer;
  before(async () => {
    backend = createBackend({ userOf, allowedOrigins: ['https://shop.example'], eventStream: { maxConnectionsPerUser: 2 } });
    server = await startTestServer(backend);
  });
  after(() => server.close());

  const open = async (headers: Record<string, string>) => {
    const controller = new AbortController();
    const response = await fetch(`${server.origin}/api/events`, { headers, signal: controller.signal });
    return { status: response.status, close: () => controller.abort() };
  };

  for (const [name, headers] of [
    ['Origin: https://evil.example', { ...VICTIM, Origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site, no Origin', { ...VICTIM, 'Sec-Fetch-Site': 'cross-site' }],
    ['Origin: null', { ...VICTIM, Origin: 'null' }],
  ] as const) {
    it(`${name}: 403, no slot taken, and the victim's own streams still open`, async () => {
      for (let i = 0; i < 5; i++) assert.equal((await open(headers)).status, 403);
      assert.equal(backend.hub.size, 0, 'slots taken');
      const own = [await open({ ...VICTIM, 'Sec-Fetch-Site': 'same-origin' }), await open({ ...VICTIM, Origin: 'https://shop.example' })];
      assert.deepEqual(own.map((s) => s.status), [200, 200]);
      for (const stream of own) stream.close();
      assert.equal(await stillServes(server), 200);
    });
  }
});
