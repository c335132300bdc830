import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createBackend, type Backend } from '../app.js';
import type { BackendOptions } from '../context.js';
import { startTestServer, stillServes, type TestServer } from '../test-support/raw-http.js';

/** The site's session: a `session=<user>` cookie. */
const userOf = (request: Request) => /(?:^|;\s*)session=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1];
const CAPS = { maxConnections: 60, maxAnonymousConnections: 10, maxConnectionsPerUser: 4 };

// Today cookie-less streams count only against the global cap: 5,000 of them filled it and every
// signed-in user got 503.
describe('attack: a flood of cookie-less GET /api/events', () => {
  const servers: TestServer[] = [];
  const streams: AbortController[] = [];
  after(async () => {
    for (const stream of streams) stream.abort();
    await Promise.all(servers.map((s) => s.close()));
  });
  // Stripe mode, as a site runs it (streams never call Stripe, so no fake of its API is needed).
  const serve = async (options: BackendOptions): Promise<[Backend, TestServer]> => {
    const backend = createBackend({ secretKey: 'sk_test_anonymous_streams', authorize: () => true, ...options });
    assert.equal(backend.mode, 'stripe');
    const server = await startTestServer(backend);
    servers.push(server);
    return [backend, server];
  };
  const open = async (server: TestServer, cookie?: string) => {
    const controller = new AbortController();
    streams.push(controller);
    const response = await fetch(`${server.origin}/api/events`, { headers: cookie ? { cookie } : {}, signal: controller.signal });
    return response.status;
  };

  it(`with eventStream.userOf: anonymous streams stop at their own cap (${CAPS.maxAnonymousConnections}); signed-in users still get theirs`, async () => {
    const [backend, server] = await serve({ eventStream: { userOf, ...CAPS } });
    const anonymous = [];
    for (let i = 0; i < CAPS.maxConnections; i++) anonymous.push(await open(server));
    assert.equal(anonymous.filter((s) => s === 200).length, CAPS.maxAnonymousConnections);
    assert.equal(anonymous.filter((s) => s === 503).length, CAPS.maxConnections - CAPS.maxAnonymousConnections);
    assert.equal(backend.hub.size, CAPS.maxAnonymousConnections, 'slots held by anonymous streams');
    for (const user of ['alice', 'bob']) {
      const mine = [];
      for (let i = 0; i < CAPS.maxConnectionsPerUser; i++) mine.push(await open(server, `session=${user}`));
      assert.deepEqual(mine, Array(CAPS.maxConnectionsPerUser).fill(200), `${user} finds room under the per-user cap`);
    }
    assert.equal(await stillServes(server), 200);
  });

  it('with the top-level userOf: an anonymous stream is refused (401) and takes no slot', async () => {
    const [backend, server] = await serve({ userOf, eventStream: CAPS });
    const statuses = new Set<number>();
    for (let i = 0; i < CAPS.maxConnections; i++) statuses.add(await open(server));
    assert.deepEqual([...statuses], [401]);
    assert.equal(backend.hub.size, 0);
    assert.equal(await open(server, 'session=alice'), 200);
    assert.equal(await stillServes(server), 200);
  });
});
