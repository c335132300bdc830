import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createBackend, optionsFromEnv } from '../app.js';
import { runCli, stopCli } from '../test-support/cli.js';
import { sendRaw } from '../test-support/raw-http.js';

const mode = async (port: number) => JSON.parse((await sendRaw(port, 'GET /api/mode HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')).body) as { mode: string };

/** Runs `body` with NODE_ENV set to `value`, restoring it after. */
function withNodeEnv<T>(value: string, body: () => T): T {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = value;
  try {
    return body();
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

// Today a production deployment that lost STRIPE_SECRET_KEY silently runs the simulator: webhooks forged
// with its public secret are accepted, its controls are open, and anyone cancels any order.
describe('attack: production (or a site --config) without STRIPE_SECRET_KEY', () => {
  let configs: string;
  before(() => {
    configs = mkdtempSync(join(tmpdir(), 'swk-prod-'));
    writeFileSync(join(configs, 'site.mjs'), 'export default { authorize: () => true };\n');
  });
  after(() => rmSync(configs, { recursive: true, force: true }));

  it('createBackend throws, naming STRIPE_SECRET_KEY, unless the simulator is asked for', () => {
    withNodeEnv('production', () => {
      assert.throws(() => createBackend({}), /STRIPE_SECRET_KEY/);
      assert.throws(() => createBackend(optionsFromEnv({ NODE_ENV: 'production' })), /STRIPE_SECRET_KEY/);
      assert.equal(createBackend({ simulator: true }).mode, 'simulator');
      assert.equal(createBackend(optionsFromEnv({ SWK_SIMULATOR: '1' })).mode, 'simulator');
      assert.equal(createBackend({ secretKey: 'sk_test_x', authorize: () => true }).mode, 'stripe');
    });
    withNodeEnv('development', () => assert.equal(createBackend({}).mode, 'simulator'));
  });

  it('the CLI exits 1 naming STRIPE_SECRET_KEY under NODE_ENV=production, and with --config', async () => {
    for (const [args, env] of [
      [[], { NODE_ENV: 'production' }],
      [['--config', join(configs, 'site.mjs')], {}],
    ] as const) {
      const run = runCli([...args], env);
      try {
        const result = await run.ready;
        assert.ok('code' in result, `${args.join(' ') || 'no flag'} must not start listening`);
        assert.equal(result.code, 1);
        assert.match(result.stderr, /STRIPE_SECRET_KEY/);
        assert.match(result.stderr, /--simulator/);
      } finally {
        await stopCli(run);
      }
    }
  });

  it('--simulator (or SWK_SIMULATOR=1) runs it on purpose', async () => {
    for (const [args, env] of [
      [['--simulator'], { NODE_ENV: 'production' }],
      [['--config', join(configs, 'site.mjs')], { SWK_SIMULATOR: '1' }],
    ] as const) {
      const run = runCli([...args], env);
      try {
        const result = await run.ready;
        assert.ok('port' in result, JSON.stringify(result));
        assert.deepEqual(await mode(result.port), { mode: 'simulator' });
      } finally {
        await stopCli(run);
      }
    }
  });
});
