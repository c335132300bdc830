import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { FULL_APP_DEPENDENCIES, installedApp } from './support/packed-app.js';
import { readmeBlocks, writeBlocks } from './support/readme-blocks.js';

// The README's Next.js App Router recipe, as written there (the client component with the wrapper, its
// Server Component page, the route handler and the authorize.ts it imports), built by a real
// `next build` from the packed tarball and served by `next start`.
function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

interface Seen {
  loads: (string | null)[];
  errors: unknown[];
}

describe('the README Next.js recipe, built with next build and served with next start', () => {
  let app = '';
  let project = '';
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let origin = '';

  before(async () => {
    app = installedApp('full', FULL_APP_DEPENDENCIES);
    project = join(app, 'next-app');
    rmSync(project, { recursive: true, force: true });
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'next-app', private: true }));
    // Next.js itself, react and the kit are installed one folder up (the shared install).
    writeFileSync(join(project, 'next.config.mjs'), `export default { turbopack: { root: ${JSON.stringify(app)} } };\n`);
    // The recipe, not the Quickstart's keyless app (e2e/readme-snippets.test.ts compiles that one apart).
    const recipe = readmeBlocks(['ts', 'tsx']).filter((block) => block.section !== 'Quickstart' && (block.path === 'authorize.ts' || block.path?.startsWith('app/')));
    writeBlocks(project, recipe);
    // Next.js' own boilerplate, which the recipe does not repeat.
    writeFileSync(join(project, 'app', 'layout.tsx'), 'export default function RootLayout({ children }: { children: React.ReactNode }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n');
  });

  after(async () => {
    server?.kill();
    await browser?.close();
  });

  it('builds (type-checking included)', () => {
    const next = join(app, 'node_modules', 'next', 'dist', 'bin', 'next');
    const started = Date.now();
    const result = spawnSync(process.execPath, [next, 'build'], { cwd: project, encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    console.log(`next build: ${Math.round((Date.now() - started) / 1000)} s`);
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /\/offer/);
    assert.match(result.stdout, /\/api\/\[\.\.\.swk\]/);
  });

  it('serves the page: the wrapper waits for its props (no config error), loads through the route handler and follows the replacement', async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    // next start runs under NODE_ENV=production: a keyless backend runs the simulator only when asked to.
    const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', SWK_SIMULATOR: '1' };
    for (const name of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']) delete env[name];
    server = spawn(process.execPath, [join(app, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: project,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((ready, fail) => {
      server!.stdout!.on('data', (chunk: Buffer) => /Ready|started server|Local:/i.test(chunk.toString()) && ready());
      server!.once('exit', (code) => fail(new Error(`next start exited with ${code}`)));
    });
    const html = await (await fetch(`${origin}/offer`)).text();
    assert.match(html, /<capital-offer-card[^>]*defer-hydration=""/, 'the server renders the tag with defer-hydration');

    browser = await launchChromium();
    const context = await browser.newContext();
    await context.addCookies([{ name: 'session', value: 'session-alice', url: origin }]);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.addInitScript(() => {
      const seen: Seen = { loads: [], errors: [] };
      (globalThis as { swkSeen?: Seen }).swkSeen = seen;
      document.addEventListener('swk-load', (e) => seen.loads.push(((e as CustomEvent).detail.object as { id?: string } | null)?.id ?? null), true);
      document.addEventListener('swk-error', (e) => seen.errors.push((e as CustomEvent).detail), true);
    });
    await page.goto(`${origin}/offer`);
    await page.waitForFunction(() => (globalThis as { swkSeen?: Seen }).swkSeen?.loads.includes('financingoffer_xyz456'));
    const seen = await page.evaluate(() => (globalThis as { swkSeen?: Seen }).swkSeen);
    assert.deepEqual(seen?.errors, [], 'no swk-error (config or other) at any time');
    assert.deepEqual(pageErrors, []);
    assert.equal(await page.locator('capital-offer-card[defer-hydration]').count(), 0);
  });

  it('answers the API through the route handler with the authorize rule', async () => {
    const owned = await fetch(`${origin}/api/climate/orders/climorder_sim_open`, { headers: { Cookie: 'session=session-alice' } });
    assert.equal(owned.status, 200);
    assert.equal((await fetch(`${origin}/api/climate/orders/climorder_sim_open`)).status, 404);
    assert.ok(readFileSync(join(project, 'app', 'api', '[...swk]', 'route.ts'), 'utf8').includes("from '../../../authorize'"));
  });
});
