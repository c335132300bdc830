import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createBackend, optionsFromEnv } from '../app.js';
import { runCli, stopCli as stop } from '../test-support/cli.js';
import { sendRaw } from '../test-support/raw-http.js';

const get = (port: number, host: string) => sendRaw(port, `GET /api/mode HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

// Today stripe mode with no authorize (the CLI and optionsFromEnv) lets any user read and cancel any order.
describe('attack: stripe mode without an ownership rule', () => {
  let configs: string;
  before(() => {
    configs = mkdtempSync(join(tmpdir(), 'swk-cli-'));
    writeFileSync(join(configs, 'site.mjs'), "export default { authorize: (request, object) => object.id.startsWith('mine_'), allowedHosts: ['shop.example'] };\n");
    writeFileSync(join(configs, 'named.mjs'), "export const options = { resolveCustomer: () => 'cus_1' };\n");
  });
  after(() => rmSync(configs, { recursive: true, force: true }));

  it('createBackend throws a message naming authorize, unless allowNoAuthorize', () => {
    assert.throws(() => createBackend({ secretKey: 'sk_test_x' }), /`authorize`/);
    assert.throws(() => createBackend(optionsFromEnv({ STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_CUSTOMER: 'cus_1' })), /`authorize`/);
    assert.equal(createBackend({ secretKey: 'sk_test_x', authorize: () => true }).mode, 'stripe');
    assert.equal(createBackend({ secretKey: 'sk_test_x', allowNoAuthorize: true }).mode, 'stripe');
    assert.equal(createBackend(optionsFromEnv({ STRIPE_SECRET_KEY: 'sk_test_x', SWK_INSECURE_NO_AUTHORIZE: '1' })).mode, 'stripe');
    assert.equal(createBackend(optionsFromEnv({})).mode, 'simulator');
  });

  it('the CLI exits non-zero naming authorize when stripe mode has none', async () => {
    const run = runCli([], { STRIPE_SECRET_KEY: 'sk_test_x' });
    const result = await run.ready;
    assert.ok('code' in result, 'it must not start listening');
    assert.equal(result.code, 1);
    assert.match(result.stderr, /`authorize`/);
    assert.match(result.stderr, /--config/);
  });

  it('the CLI exits non-zero when its --config module has no authorize either', async () => {
    const run = runCli(['--config', join(configs, 'named.mjs')], { STRIPE_SECRET_KEY: 'sk_test_x' });
    const result = await run.ready;
    assert.ok('code' in result);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /`authorize`/);
  });

  it('--config with authorize starts stripe mode, answering its own and the configured host names only', async () => {
    const run = runCli(['--config', join(configs, 'site.mjs')], { STRIPE_SECRET_KEY: 'sk_test_x' });
    try {
      const result = await run.ready;
      assert.ok('port' in result, JSON.stringify(result));
      const own = await get(result.port, `127.0.0.1:${result.port}`);
      assert.equal(own.status, 200);
      assert.deepEqual(JSON.parse(own.body), { mode: 'stripe' });
      assert.equal((await get(result.port, 'shop.example')).status, 200);
      assert.equal((await get(result.port, `localhost:${result.port}`)).status, 200);
      assert.equal((await get(result.port, 'evil.example')).status, 421);
      assert.equal((await get(result.port, 'localhost')).status, 200, 'still serving');
    } finally {
      await stop(run);
    }
  });

  it('--insecure-no-authorize starts stripe mode with a warning; the simulator needs no flag', async () => {
    const insecure = runCli(['--insecure-no-authorize'], { STRIPE_SECRET_KEY: 'sk_test_x' });
    try {
      const result = await insecure.ready;
      assert.ok('port' in result, JSON.stringify(result));
      assert.deepEqual(JSON.parse((await get(result.port, 'localhost')).body), { mode: 'stripe' });
      assert.equal((await get(result.port, 'evil.example')).status, 421, 'DNS rebinding is refused by default');
    } finally {
      await stop(insecure);
    }
    const simulator = runCli([]);
    try {
      const result = await simulator.ready;
      assert.ok('port' in result, JSON.stringify(result));
      assert.deepEqual(JSON.parse((await get(result.port, '127.0.0.1')).body), { mode: 'simulator' });
    } finally {
      await stop(simulator);
    }
  });
});
