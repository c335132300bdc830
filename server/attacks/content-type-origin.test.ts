import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBackend } from '../app.js';
import { startTestServer, stillServes, type TestServer } from '../test-support/raw-http.js';
import { wellFormedWrongSignature } from '../test-support/webhook.js';

const FC = '/api/financial_connections/sessions';
const BODY = JSON.stringify({ permissions: ['balances'] });

// Today a cross-site form (`text/plain`, `Origin: https://evil.example`) gets a 200 and a client_secret.
describe('attack: cross-site and non-JSON POSTs', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(createBackend({ allowedOrigins: ['https://shop.example'] }));
  });
  after(() => server.close());

  const post = async (path: string, headers: Record<string, string>, body: string | Uint8Array<ArrayBuffer> = BODY) => {
    const response = await fetch(`${server.origin}${path}`, { method: 'POST', headers, body });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };

  const refused: [name: string, headers: Record<string, string>, status: number][] = [
    ['a text/plain body (a cross-site form)', { 'Content-Type': 'text/plain' }, 415],
    ['a form-encoded body', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415],
    ['Origin: https://evil.example', { 'Content-Type': 'application/json', Origin: 'https://evil.example' }, 403],
    ['Origin: null (a sandboxed frame)', { 'Content-Type': 'application/json', Origin: 'null' }, 403],
    ['the same host name on another port', { 'Content-Type': 'application/json', Origin: 'http://127.0.0.1:1' }, 403],
    ['Sec-Fetch-Site: cross-site without Origin', { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' }, 403],
    ['the text/plain form from evil.example', { 'Content-Type': 'text/plain', Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }, 403],
  ];
  for (const [name, headers, status] of refused) {
    it(`${name}: ${status}, no session, and the server keeps serving`, async () => {
      const response = await post(FC, headers);
      assert.equal(response.status, status);
      assert.doesNotMatch(response.body, /client_secret/);
      assert.equal(await stillServes(server), 200);
    });
  }

  it('no Content-Type at all (bytes, which fetch sends untyped): 415', async () => {
    const response = await post(FC, {}, new TextEncoder().encode(BODY));
    assert.equal(response.status, 415);
    assert.equal(await stillServes(server), 200);
  });

  it('same-origin and allowed-origin JSON POSTs pass; the allowed origin gets CORS headers', async () => {
    const own = await post(FC, { 'Content-Type': 'application/json', Origin: server.origin, 'Sec-Fetch-Site': 'same-origin' });
    assert.equal(own.status, 200);
    assert.equal(own.headers.get('access-control-allow-origin'), null);
    const shop = await post(FC, { 'Content-Type': 'application/json; charset=utf-8', Origin: 'https://shop.example', 'Sec-Fetch-Site': 'cross-site' });
    assert.equal(shop.status, 200);
    assert.equal(shop.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.equal(shop.headers.get('access-control-allow-credentials'), 'true');
    assert.match(shop.headers.get('vary') ?? '', /Origin/);
  });

  it("answers an allowed origin's preflight, and gives another origin's none of the CORS headers", async () => {
    const preflight = (origin: string) =>
      fetch(`${server.origin}${FC}`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' },
      });
    const allowed = await preflight('https://shop.example');
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
    assert.deepEqual(allowed.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/).sort(), [
      'authorization',
      'content-type',
      'idempotency-key',
      'last-event-id',
      'x-csrf-token',
      'x-requested-with',
    ]);
    assert.match(allowed.headers.get('access-control-allow-methods') ?? '', /POST/);
    const evil = await preflight('https://evil.example');
    assert.equal(evil.status, 204);
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    assert.equal(evil.headers.get('access-control-allow-headers'), null);
    assert.equal(await stillServes(server), 200);
  });

  it('allows the headers a site adds (Authorization by default, allowedHeaders besides) in the preflight', async () => {
    const custom = createBackend({ allowedOrigins: ['https://shop.example'], allowedHeaders: ['X-Tenant'] });
    const response = await custom.handle(
      new Request(`http://127.0.0.1${FC}`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, x-tenant' },
      }),
    );
    const allowed = response.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/) ?? [];
    assert.ok(allowed.includes('authorization') && allowed.includes('x-tenant'), allowed.join(', '));
  });

  it('webhooks take any Content-Type (Stripe signs the bytes), but not from a cross-site page', async () => {
    const signature = { 'Stripe-Signature': wellFormedWrongSignature() };
    assert.equal((await post('/api/webhooks', { ...signature, 'Content-Type': 'text/plain' }, '{}')).status, 400, 'reaches the signature check');
    assert.equal((await post('/api/webhooks', { ...signature, 'Content-Type': 'application/json', Origin: 'https://evil.example' }, '{}')).status, 403);
    assert.equal(await stillServes(server), 200);
  });

  it('a simulator control (a POST too) refuses a cross-site form just the same', async () => {
    const response = await post('/api/simulator/payment_intents/async_capture', { 'Content-Type': 'text/plain', Origin: 'https://evil.example' }, '{}');
    assert.equal(response.status, 403);
    assert.equal(await stillServes(server), 200);
  });
});
