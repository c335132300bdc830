import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { createBackend } from '../app.js';
import { BODY_ALREADY_READ, nodeHandler } from '../node-adapter.js';

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
