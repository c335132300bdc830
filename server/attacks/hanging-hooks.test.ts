import assert from 'node:assert/strict';
import { after, describe, it, mock } from 'node:test';
import { createBackend, type Backend } from '../app.js';
import type { BackendOptions } from '../context.js';
import { CLIMATE_ORDER_IDS } from '../simulator/climate.js';
import { startTestServer, stillServes, type TestServer } from '../test-support/raw-http.js';

const HOOK_TIMEOUT_MS = 200;
const never = () => new Promise<never>(() => {});

// Today a hook that never settles holds the request open forever.
describe('attack: an authorize or userOf hook that never settles', () => {
  const servers: TestServer[] = [];
  after(() => Promise.all(servers.map((s) => s.close())));
  const serve = async (options: BackendOptions): Promise<[Backend, TestServer]> => {
    const backend = createBackend({ hookTimeoutMs: HOOK_TIMEOUT_MS, ...options });
    const server = await startTestServer(backend);
    servers.push(server);
    return [backend, server];
  };

  /** Fetches `path` and returns its status and how long the answer took, with console.error captured. */
  async function timed(server: TestServer, path: string) {
    const errors = mock.method(console, 'error', () => {});
    const started = Date.now();
    try {
      const response = await fetch(`${server.origin}${path}`, { signal: AbortSignal.timeout(3_000) });
      const ms = Date.now() - started;
      const body = await response.text();
      return { status: response.status, ms, body, retryAfter: response.headers.get('retry-after'), log: errors.mock.calls.map((c) => c.arguments.join(' ')).join('\n') };
    } finally {
      errors.mock.restore();
    }
  }

  for (const [name, options, path] of [
    ['authorize', { authorize: never }, `/api/climate/orders/${CLIMATE_ORDER_IDS.open}`],
    ['top-level userOf', { userOf: never }, `/api/climate/orders/${CLIMATE_ORDER_IDS.open}`],
    ['userOf on the event stream', { userOf: never }, '/api/events'],
    ['eventStream.userOf', { eventStream: { userOf: never } }, '/api/events'],
  ] as const) {
    it(`${name}: a 503 with Retry-After after hookTimeoutMs (${HOOK_TIMEOUT_MS} ms), and the server keeps serving`, async () => {
      const [, server] = await serve(options as BackendOptions);
      const answer = await timed(server, path);
      assert.equal(answer.status, 503);
      assert.equal(answer.retryAfter, '1');
      assert.deepEqual(JSON.parse(answer.body), { error: { message: 'Busy, retry shortly' } });
      assert.ok(answer.ms >= HOOK_TIMEOUT_MS && answer.ms < 2_000, `answered after ${answer.ms} ms`);
      assert.match(answer.log, /did not settle/);
      assert.equal(await stillServes(server), 200);
    });
  }
});
