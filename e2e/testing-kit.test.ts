import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
// @ts-expect-error: plain .mjs helper shared with the test runner config
import { ensureChromium } from '../scripts/chromium.mjs';
import { FULL_APP_DEPENDENCIES, installedApp } from './support/packed-app.js';
import { readmeBlocks, writeBlocks } from './support/readme-blocks.js';

// The README's test-kit examples, as written there, in the shared fresh project that installed the packed
// tarball (with Vitest, happy-dom, fast-check and playwright-core from the registry): the Vitest suite and
// the Playwright test must run and pass there.
const EXAMPLES = ['vitest.config.ts', 'tests/order-status.test.ts', 'tests/page.e2e.ts'];

describe("the README's test-kit examples, in a fresh project with the packed tarball", () => {
  let dir = '';

  before(() => {
    const app = installedApp('full', FULL_APP_DEPENDENCIES);
    dir = join(app, 'testing-kit');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const written = writeBlocks(dir, readmeBlocks(['ts']).filter((block) => block.path !== undefined && EXAMPLES.includes(block.path)));
    assert.deepEqual(written.sort(), [...EXAMPLES].sort(), 'the README names each example file once');
  });

  it('runs the Vitest example: the simulator in happy-dom, a live update, a builder, generated objects', () => {
    const result = spawnSync(process.execPath, [join(dir, '..', 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Tests\s+3 passed \(3\)/, result.stdout);
  });

  it('runs the Playwright example: a page on the simulator, a control, a pinned answer', () => {
    // A user's own `node --test`, not a child of this runner (which would report to us in its own protocol).
    const env: NodeJS.ProcessEnv = { ...process.env, CHROME_PATH: ensureChromium() as string };
    delete env.NODE_TEST_CONTEXT;
    const result = spawnSync(process.execPath, ['--import', resolve('node_modules/tsx/dist/loader.mjs'), '--test', '--test-reporter=tap', 'tests/page.e2e.ts'], { cwd: dir, encoding: 'utf8', env });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /# pass 1\n# fail 0/, result.stdout);
  });
});
