import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { createBackend, optionsFromEnv } from '../app.js';
import { CLIMATE_ORDER_IDS } from '../simulator/climate.js';
import { runCli, stopCli } from '../test-support/cli.js';
import { sendRaw } from '../test-support/raw-http.js';
import { stripeEvent } from '../test-support/webhook.js';
import { signWebhookPayload } from '../webhook-signature.js';

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
// with its public secret are accepted, its controls are open, and anyone cancels any order. The
// backend answers every request with a 500 instead (frameworks build route modules before runtime
// secrets exist, so it does not throw); the CLI, which starts a server, exits.
describe('attack: production (or a site --config) without STRIPE_SECRET_KEY', () => {
  let configs: string;
  before(() => {
    configs = mkdtempSync(join(tmpdir(), 'swk-prod-'));
    writeFileSync(join(configs, 'site.mjs'), 'export default { authorize: () => true };\n');
  });
  after(() => rmSync(configs, { recursive: true, force: true }));

  it('createBackend says so at start and answers every request 500 naming STRIPE_SECRET_KEY: no forged webhook, no control, no cancel', async () => {
    const errors = mock.method(console, 'error', () => {});
    try {
      const backend = withNodeEnv('production', () => createBackend({}));
      assert.match(String(errors.mock.calls[0]?.arguments.join(' ')), /STRIPE_SECRET_KEY/, 'said in the log at start');
      const published: unknown[] = [];
      backend.hub.subscribe((event) => published.push(event));
      // A webhook signed with the simulator's public secret, a demo control, a buyer's cancel, the mode probe.
      const forged = JSON.stringify(stripeEvent('evt_forged', { id: CLIMATE_ORDER_IDS.open, object: 'climate.order', status: 'canceled' }));
      const requests = [
        new Request('http://127.0.0.1/api/webhooks', { method: 'POST', headers: { 'Stripe-Signature': await signWebhookPayload(forged, 'whsec_simulator_local_only') }, body: forged }),
        new Request(`http://127.0.0.1/api/simulator/climate/orders/${CLIMATE_ORDER_IDS.open}/cancel`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
        new Request(`http://127.0.0.1/api/climate/orders/${CLIMATE_ORDER_IDS.open}/cancel`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'swk_x' }, body: '{}' }),
        new Request('http://127.0.0.1/api/mode'),
      ];
      for (const request of requests) {
        const response = await backend.handle(request);
        assert.equal(response.status, 500, request.url);
        assert.match(((await response.json()) as { error: { message: string } }).error.message, /STRIPE_SECRET_KEY/);
      }
      assert.equal(published.length, 0);
    } finally {
      errors.mock.restore();
    }
  });

  it('simulator: true or SWK_SIMULATOR=1 runs it on purpose; outside production nothing is needed', async () => {
    const mode = async (backend: ReturnType<typeof createBackend>) => (await backend.handle(new Request('http://127.0.0.1/api/mode'))).status;
    withNodeEnv('production', () => {
      assert.equal(createBackend({ simulator: true }).mode, 'simulator');
      assert.equal(createBackend({ secretKey: 'sk_test_x', authorize: () => true }).mode, 'stripe');
    });
    assert.equal(await mode(withNodeEnv('production', () => createBackend({ simulator: true }))), 200);
    process.env.SWK_SIMULATOR = '1';
    try {
      assert.equal(await mode(withNodeEnv('production', () => createBackend(optionsFromEnv({})))), 200);
    } finally {
      delete process.env.SWK_SIMULATOR;
    }
    assert.equal(await mode(withNodeEnv('development', () => createBackend({}))), 200);
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
