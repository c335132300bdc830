import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBackend, type Backend } from '../app.js';
import { CLIMATE_ORDER_IDS } from '../simulator/climate.js';
import { sendRaw, startTestServer, stillServes, type TestServer } from '../test-support/raw-http.js';

const SCRIPT = '<script>alert(1)</script>';
const JSON_POST = { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'swk_echo' }, body: '{}' };

// Today `GET /api/payment_intents/<script>…` is a 404 whose message holds the decoded id, without nosniff.
describe('attack: echoed input and missing security headers', () => {
  let backend: Backend;
  let server: TestServer;
  before(async () => {
    backend = createBackend({
      allowedHosts: ['127.0.0.1'],
      authorize: (_request, object) => {
        if (object.id === CLIMATE_ORDER_IDS.open) throw new Error('session store down');
        return true;
      },
    });
    server = await startTestServer(backend);
  });
  after(() => server.close());

  const idRoutes = [
    (id: string) => ['/api/payment_intents/' + id, {}],
    (id: string) => ['/api/climate/orders/' + id, {}],
    (id: string) => ['/api/climate/orders/' + id + '/cancel', JSON_POST],
    (id: string) => ['/api/shared_payment/granted_tokens/' + id, {}],
    (id: string) => ['/api/capital/financing_offers/' + id, {}],
  ] as const;

  for (const route of idRoutes) {
    const [path] = route(':id');
    it(`${path}: a malformed id and an unknown one answer alike (404 resource_missing), never echoing the id`, async () => {
      for (const id of [encodeURIComponent(SCRIPT), 'pi_nope', 'spt_nope', 'climorder_nope', 'financingoffer_nope']) {
        const [url, init] = route(id);
        const response = await fetch(`${server.origin}${url}`, init as RequestInit);
        const text = await response.text();
        assert.equal(response.status, 404, `${url}: ${text}`);
        assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, 'resource_missing');
        assert.doesNotMatch(text, /script|_nope/);
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(response.headers.get('cache-control'), 'no-store');
      }
      assert.equal(await stillServes(server), 200);
    });
  }

  it('an unknown route does not echo its path', async () => {
    const response = await fetch(`${server.origin}/api/${encodeURIComponent(SCRIPT)}`);
    assert.equal(response.status, 404);
    assert.doesNotMatch(await response.text(), /script/);
  });

  it('every kind of answer carries nosniff and no-store, the event stream too', async () => {
    const answers: [name: string, status: number, send: () => Promise<{ status: number; headers: (name: string) => string | null | undefined }>][] = [
      ['200', 200, () => fetchHeaders('/api/mode')],
      ['404', 404, () => fetchHeaders('/api/nothing')],
      ['405', 405, () => fetchHeaders('/api/mode', { method: 'PUT' })],
      ['413', 413, () => fetchHeaders('/api/financial_connections/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: ' '.repeat(70_000) })],
      ['415', 415, () => fetchHeaders('/api/financial_connections/sessions', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' })],
      ['403', 403, () => fetchHeaders('/api/financial_connections/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' }, body: '{}' })],
      ['500 (authorize threw)', 500, () => fetchHeaders(`/api/climate/orders/${CLIMATE_ORDER_IDS.open}`)],
      ['421', 421, () => raw('GET /api/mode HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n')],
      ['501', 501, () => raw('TRACE /api/mode HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')],
      ['400 (bad Host)', 400, () => raw('GET /api/mode HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n')],
    ];
    for (const [name, status, send] of answers) {
      const response = await send();
      assert.equal(response.status, status, name);
      assert.equal(response.headers('x-content-type-options'), 'nosniff', name);
      assert.equal(response.headers('cache-control'), 'no-store', name);
    }
    const stream = new AbortController();
    const events = await fetch(`${server.origin}/api/events`, { signal: stream.signal });
    assert.equal(events.status, 200);
    assert.equal(events.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(events.headers.get('cache-control'), 'no-store');
    stream.abort();
    assert.equal(await stillServes(server), 200);
  });

  it("a throwing authorize is a bare 500: nothing of the error reaches the browser", async () => {
    const response = await fetch(`${server.origin}/api/climate/orders/${CLIMATE_ORDER_IDS.open}`);
    assert.equal(response.status, 500);
    assert.deepEqual(await response.json(), { error: { message: 'Internal error' } });
  });

  async function fetchHeaders(path: string, init?: RequestInit) {
    const response = await fetch(`${server.origin}${path}`, init);
    await response.arrayBuffer();
    return { status: response.status, headers: (name: string) => response.headers.get(name) };
  }
  async function raw(head: string) {
    const response = await sendRaw(server.port, head);
    return { status: response.status, headers: (name: string) => response.headers[name] };
  }
});
