import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it, mock } from 'node:test';
import express from 'express';
import { createBackend } from '../app.js';
import { BODY_ALREADY_READ, nodeHandler } from '../node-adapter.js';
import { wellFormedWrongSignature } from '../test-support/webhook.js';

// Today: 500 `Response body object should not be disturbed or locked`, which says nothing useful.
describe('attack (misconfiguration): express.json() mounted before the handler', () => {
  let server: Server;
  let origin: string;
  const logged: unknown[] = [];
  const consoleError = console.error;
  before(async () => {
    console.error = (...args: unknown[]) => void logged.push(args.join(' '));
    const app = express();
    app.use(express.json());
    app.use('/api', nodeHandler(createBackend({}).handle));
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((ready) => server.once('listening', ready));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    console.error = consoleError;
    server.closeAllConnections();
    server.close();
  });

  it('a JSON POST gets a 500 that says to mount the handler before body parsers, and is logged', async () => {
    const response = await fetch(`${origin}/api/financial_connections/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ permissions: ['balances'] }),
    });
    assert.equal(response.status, 500);
    const { error } = (await response.json()) as { error: { message: string } };
    assert.equal(error.message, BODY_ALREADY_READ);
    assert.match(error.message, /before any body parser/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(logged.some((line) => String(line).includes('before any body parser')));
  });

  it('GETs (no body to lose) still work behind the parser, and the server keeps serving', async () => {
    const response = await fetch(`${origin}/api/mode`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { mode: 'simulator' });
  });
});

// Today a Hono or Next.js mount whose body was already read (`await c.req.json()` first) gets a bare
// 500 `Internal error`, which says nothing about what to change.
describe('attack (misconfiguration): a fetch-style mount that read the body first (Hono, Next.js)', () => {
  for (const [name, path, headers] of [
    ['a JSON route', '/api/financial_connections/sessions', { 'Content-Type': 'application/json' }],
    ['the webhook route', '/api/webhooks', { 'Content-Type': 'application/json', 'Stripe-Signature': wellFormedWrongSignature() }],
  ] as const) {
    it(`${name}: the same 500 as the Node adapter's, saying to mount before any body parser, and logged`, async () => {
      const backend = createBackend({});
      const request = new Request(`http://127.0.0.1${path}`, { method: 'POST', headers, body: JSON.stringify({ permissions: ['balances'] }) });
      await request.json(); // what `await c.req.json()` in a Hono middleware does
      const errors = mock.method(console, 'error', () => {});
      let response: Response;
      try {
        response = await backend.handle(request);
      } finally {
        errors.mock.restore();
      }
      assert.equal(response.status, 500);
      assert.deepEqual(await response.json(), { error: { message: BODY_ALREADY_READ } });
      assert.ok(errors.mock.calls.some((c) => String(c.arguments.join(' ')).includes('before any body parser')));
      assert.equal((await backend.handle(new Request('http://127.0.0.1/api/mode'))).status, 200);
    });
  }
});
