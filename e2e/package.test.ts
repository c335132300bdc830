import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build as esbuild } from 'esbuild';
import type { Browser } from 'playwright-core';
import { build as viteBuild, createServer as viteServer } from 'vite';
import { ensureBuilt } from './support/build.js';
import { launchChromium } from './support/browser.js';
import { openLocalSite, servePages } from './support/local-site.js';
import { FULL_APP_DEPENDENCIES, installedApp } from './support/packed-app.js';
import { typeCheck } from './support/type-check.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, string | { types?: string; default?: string }>; bin: Record<string, string> };
const BIN = Object.keys(pkg.bin)[0] ?? '';

/** The subpaths a browser bundle may import: JavaScript entries other than the Node ones. */
const browserEntries = Object.entries(pkg.exports)
  .filter(([name, target]) => typeof target === 'object' && target.default?.endsWith('.js') && !['./server', './vite'].includes(name))
  .map(([name]) => `stripe-widget-kit${name.slice(1)}`);

function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/**
 * This process's environment as a developer's shell has it: no key, and no NODE_ENV=production, which
 * Vite's builds earlier in this process leave behind (there the backend refuses to run the simulator).
 */
function shellEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { NODE_ENV: _buildMode, ...rest } = process.env;
  return { ...rest, STRIPE_SECRET_KEY: '', ...env };
}

/** Runs `node -e` in `cwd` (as ES module unless `commonjs`), returning stdout or throwing with stderr. */
function node(cwd: string, code: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd, encoding: 'utf8', env: shellEnv(env) });
}

/** Starts the installed bin; resolves once it prints its address. */
async function startBin(app: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort();
  const child = spawn(join(app, 'node_modules', '.bin', BIN), ['--port', String(port), ...args], {
    cwd: app,
    env: shellEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((ready, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes(`:${port}`) && ready());
    child.once('exit', (code) => fail(new Error(`the bin exited with ${code}: ${stderr}`)));
  });
  return { child, origin: `http://127.0.0.1:${port}` };
}

describe('the packed tarball alone: no stripe, no React, no Vite', () => {
  let app = '';
  let browser: Browser;
  const children: ChildProcess[] = [];

  before(async () => {
    app = installedApp('bare', []);
    browser = await launchChromium();
  });

  after(async () => {
    for (const child of children) child.kill();
    await browser?.close();
  });

  it("installs no stripe, vite, React, React types, @lit/react or the test kit's event-source client", () => {
    const names = readdirSync(join(app, 'node_modules'));
    const scoped = (scope: string) => (names.includes(scope) ? readdirSync(join(app, 'node_modules', scope)).map((n) => `${scope}/${n}`) : []);
    const all = [...names, ...scoped('@types'), ...scoped('@lit')];
    assert.ok(all.includes('stripe-widget-kit') && all.includes('lit'));
    // eventsource: stripe-widget-kit/testing bundles it (the import test below runs its event source without it).
    for (const unwanted of ['stripe', 'vite', 'react', 'react-dom', '@types/react', '@lit/react', 'redis', 'eventsource', 'eventsource-parser']) {
      assert.ok(!all.includes(unwanted), `${unwanted} was installed`);
    }
    const du = spawnSync('du', ['-sk', join(app, 'node_modules')], { encoding: 'utf8' });
    console.log(`install weight (node_modules of the kit alone): ${du.stdout.split('\t')[0]} kB`);
  });

  it('imports stripe-widget-kit/server and runs the simulator, in-process and as a fetch function', () => {
    const result = node(
      app,
      [
        "const { createBackend, createSimulatorFetch } = await import('stripe-widget-kit/server');",
        "const backend = createBackend({});",
        "const mode = await (await backend.handle(new Request('http://localhost/api/mode'))).json();",
        "const simulator = createSimulatorFetch();",
        "const order = await (await simulator('/api/climate/orders/climorder_sim_open')).json();",
        'console.log(JSON.stringify([mode.mode, order.id]));',
      ].join('\n'),
    );
    assert.equal(result.stdout.trim(), '["simulator","climorder_sim_open"]', result.stderr);
  });

  it('imports stripe-widget-kit/testing (builders, simulator, controls, event source) without fast-check; only /testing/arbitraries asks for it', () => {
    const result = node(
      app,
      [
        "const { createSimulator, climateOrder } = await import('stripe-widget-kit/testing');",
        'const simulator = createSimulator();',
        "const source = new simulator.EventSource('/api/events');",
        "const heard = new Promise((resolve) => source.addEventListener('message', (m) => resolve(JSON.parse(m.data).type), { once: true }));",
        "await new Promise((resolve) => source.addEventListener('open', resolve, { once: true }));",
        "const revoked = await simulator.controls.sharedPayment.revokeToken('spt_sim_active');",
        'const type = await heard;',
        'source.close();',
        "const missing = await import('stripe-widget-kit/testing/arbitraries').then(() => 'loaded', (error) => error.code);",
        'console.log(JSON.stringify([climateOrder().object, revoked.deactivated_reason, type, missing]));',
      ].join('\n'),
    );
    assert.equal(result.stdout.trim(), '["climate.order","revoked","shared_payment.granted_token.deactivated","ERR_MODULE_NOT_FOUND"]', result.stderr);
  });

  it('says clearly that stripe mode needs the stripe package, when it starts', () => {
    const result = node(app, "const { createBackend } = await import('stripe-widget-kit/server'); createBackend({ secretKey: 'sk_test_x', allowNoAuthorize: true });");
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /Stripe mode \(a secret key\) needs the `stripe` package.*npm install stripe/);
  });

  it('loads the server entry and the Vite plugin with require() from a CommonJS project (no top-level await in their graphs)', () => {
    const cjs = join(app, 'cjs-app');
    mkdirSync(cjs, { recursive: true });
    writeFileSync(join(cjs, 'package.json'), JSON.stringify({ name: 'cjs-app', private: true, type: 'commonjs' }));
    writeFileSync(
      join(cjs, 'server.js'),
      [
        "const { createBackend, nodeHandler } = require('stripe-widget-kit/server');",
        "const vite = require('stripe-widget-kit/vite');",
        'const backend = createBackend({});',
        "if (typeof nodeHandler !== 'function') throw new Error('no nodeHandler');",
        "if (typeof vite.stripeWidgetKitBackend !== 'function') throw new Error('no Vite plugin: ' + Object.keys(vite));",
        "backend.handle(new Request('http://localhost/api/climate/orders/climorder_sim_open')).then((r) => r.json()).then((o) => console.log(o.id));",
      ].join('\n'),
    );
    const result = spawnSync(process.execPath, ['server.js'], { cwd: cjs, encoding: 'utf8' });
    assert.equal(result.stdout.trim(), 'climorder_sim_open', result.stderr);
  });

  it('runs the bin: --help, the simulator, and a clear exit in stripe mode', async () => {
    const help = spawnSync(join(app, 'node_modules', '.bin', BIN), ['--help'], { cwd: app, encoding: 'utf8' });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /--static <dir>/);
    const stripeMode = spawnSync(join(app, 'node_modules', '.bin', BIN), ['--insecure-no-authorize', '--port', '0'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, STRIPE_SECRET_KEY: 'sk_test_x' },
    });
    assert.equal(stripeMode.status, 1);
    assert.match(stripeMode.stderr, /needs the `stripe` package.*npm install stripe/);
    const { child, origin } = await startBin(app, []);
    children.push(child);
    const response = await fetch(`${origin}/api/climate/orders/climorder_sim_open`);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { id: string }).id, 'climorder_sim_open');
  });

  it('mounts the Vite plugin in the dev server and in vite build', async () => {
    const site = join(app, 'vite-site');
    mkdirSync(site, { recursive: true });
    // No `import 'vite'`: the project has no vite; the repository's runs it, as `npx vite` would run the user's.
    writeFileSync(join(site, 'vite.config.mjs'), "import { stripeWidgetKitBackend } from 'stripe-widget-kit/vite';\nexport default { plugins: [stripeWidgetKitBackend()] };\n");
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>vite</title><p>hello</p>');
    const configFile = join(site, 'vite.config.mjs');
    const output = await viteBuild({ root: site, configFile, logLevel: 'silent', build: { outDir: join(site, 'dist'), write: false } });
    assert.ok((Array.isArray(output) ? output : [output]).length > 0);
    const server = await viteServer({ root: site, configFile, logLevel: 'silent', server: { port: await freePort(), host: '127.0.0.1' } });
    try {
      await server.listen();
      const mode = await (await fetch(`${server.resolvedUrls!.local[0]}api/mode`)).json();
      assert.deepEqual(mode, { mode: 'simulator' });
    } finally {
      await server.close();
    }
  });

  it('serves a plain HTML page beside the bin (--static): widgets render and link offline, all on one origin', async () => {
    const site = join(app, 'site');
    mkdirSync(site, { recursive: true });
    // The README's page, as written there.
    const readme = readFileSync('README.md', 'utf8');
    const page = /```html\n(<!-- site\/index\.html[\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(page, 'the README has the --static page');
    writeFileSync(join(site, 'index.html'), page);
    const { child, origin } = await startBin(app, ['--static', 'site']);
    children.push(child);
    const tab = await browser.newPage();
    const foreign: string[] = [];
    tab.on('request', (request) => void (new URL(request.url()).origin !== origin && foreign.push(request.url())));
    await tab.goto(`${origin}/`);
    await tab.locator('climate-order-status').getByText('Open', { exact: true }).waitFor();
    await tab.locator('fc-link-account button').first().click();
    await tab.locator('fc-link-account').getByText('High Yield Savings').waitFor();
    assert.deepEqual(foreign, []);
    await tab.close();
    // What the script-tag file imports from beside itself when a page needs it; nothing else of the package.
    for (const file of ['stripe-widget-kit.ja.js', 'stripe-widget-kit.appearance.js', 'stripe-widget-kit.languages.js', 'stripe-widget-kit.ordering.js', 'stripe-widget-kit.stripe-loader.js', 'simulated-stripe-js.js']) {
      assert.equal((await fetch(`${origin}/stripe-widget-kit/${file}`)).status, 200, file);
    }
    for (const file of ['index.js', 'react.js', 'package.json']) assert.equal((await fetch(`${origin}/stripe-widget-kit/${file}`)).status, 404, file);
  });

  it('answers a page on another origin (allowedOrigins) whose fetch adds Authorization, as the README does', async () => {
    const pages = new Map<string, string>();
    const site = await openLocalSite((req, res) => servePages(pages, req, res));
    try {
      writeFileSync(join(app, 'cors.config.mjs'), `export default { allowedOrigins: [${JSON.stringify(site.origin)}] };\n`);
      // Keyless with a --config: the simulator only when asked for (--simulator), as the README says.
      const { child, origin } = await startBin(app, ['--config', 'cors.config.mjs', '--simulator']);
      children.push(child);
      // The site serves its own copy of the script-tag file; the bin only the API.
      pages.set('/kit.js', readFileSync(join(app, 'node_modules/stripe-widget-kit/dist/stripe-widget-kit.iife.js'), 'utf8'));
      pages.set(
        '/page.html',
        '<!doctype html><html lang="en"><title>cors</title><script src="/kit.js"></script>' +
          `<climate-order-status endpoint="${origin}/api/climate/orders" order-id="climorder_sim_open"></climate-order-status>` +
          '<script>StripeWidgetKit.configure({ fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, Authorization: "Bearer token" } }) });</script></html>',
      );
      const tab = await site.browser.newPage();
      const answered: string[] = [];
      tab.on('response', (response) => {
        if (response.url().startsWith(origin)) answered.push(`${response.status()} ${response.request().headers().authorization ?? '(none)'}`);
      });
      await tab.goto(`${site.origin}/page.html`);
      await tab.locator('climate-order-status').getByText('Open', { exact: true }).waitFor();
      assert.deepEqual(answered, ['200 Bearer token']);
      await tab.close();
    } finally {
      await site.close();
    }
  });
});

describe('the packed tarball in a React / Node-server project', () => {
  let app = '';

  before(() => {
    app = installedApp('full', FULL_APP_DEPENDENCIES);
  });

  it('bundles every browser entry with esbuild', async () => {
    assert.ok(browserEntries.length >= 9, `only ${browserEntries.join(', ')}`);
    for (const entry of browserEntries) {
      const result = await esbuild({
        stdin: { contents: `import * as entry from '${entry}'; console.log(entry);`, resolveDir: app },
        absWorkingDir: app,
        bundle: true,
        write: false,
        format: 'esm',
        logLevel: 'silent',
        define: { 'process.env.NODE_ENV': '"production"' },
      });
      assert.ok((result.outputFiles[0]?.text.length ?? 0) > 1000, `${entry} bundled to nothing`);
    }
  });

  it('builds a page that imports the core and one widget with Vite', async () => {
    const dir = join(app, 'vite-page');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.js'), "import 'stripe-widget-kit/climate-order-status';\nimport { configure } from 'stripe-widget-kit/core';\nconfigure({});\n");
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/main.js"></script><climate-order-status></climate-order-status>');
    const output = await viteBuild({ root: dir, logLevel: 'silent', configFile: false, build: { outDir: join(dir, 'out'), write: false } });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
    const code = chunks.map((c) => ('code' in c ? c.code : '')).join('\n');
    assert.match(code, /climate-order-status/);
    assert.doesNotMatch(code, /capital-offer-card/, 'the core registered other widgets');
  });

  it('type-checks the browser entries and the script-tag global with skipLibCheck off', () => {
    writeFileSync(
      join(app, 'check.ts'),
      [
        "import { configure, type WidgetError } from 'stripe-widget-kit/core';",
        "import type { CapitalOfferCard } from 'stripe-widget-kit/capital-offer-card';",
        "import type { CustomElements } from 'stripe-widget-kit/jsx';",
        "import { CapitalOfferCard as Card } from 'stripe-widget-kit/react';",
        "import type {} from 'stripe-widget-kit/iife';",
        "import type { ClimateOrder } from 'stripe-widget-kit/schemas';",
        "import { en, type SwkMessages } from 'stripe-widget-kit/messages';",
        "import { createSimulator, paymentIntent, type Simulator } from 'stripe-widget-kit/testing';",
        "import { paymentIntent as anyPaymentIntent } from 'stripe-widget-kit/testing/arbitraries';",
        'configure({});',
        "configure({ messages: { 'en-GB': en }, appearance: { theme: 'night' }, onEvent: (event) => event.name });",
        'export const english: SwkMessages = window.StripeWidgetKit.messages.en;',
        'window.StripeWidgetKit.configure({});',
        'StripeWidgetKit.configure({});',
        // The test kit's typings need neither stripe nor a DOM library beyond lib.dom.
        'export const simulator: Simulator = createSimulator();',
        'export const amount: number = paymentIntent().amount;',
        'export const amounts = anyPaymentIntent.map((intent): number => intent.amount);',
        "export type Checked = [WidgetError, CapitalOfferCard, CustomElements['capital-offer-card'], ClimateOrder, typeof Card];",
        '',
      ].join('\n'),
    );
    const result = typeCheck(app, 'tsconfig.check.json', { skipLibCheck: false }, { files: ['check.ts'] });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });
});

describe('the server typings without stripe installed', () => {
  it('type-check stripe-widget-kit/server with skipLibCheck off (a Node project: @types/node, no DOM)', () => {
    const app = installedApp('bare', []);
    assert.ok(!readdirSync(join(app, 'node_modules')).includes('stripe'), 'stripe is not installed');
    writeFileSync(
      join(app, 'server-check.ts'),
      [
        "import type { Backend, RouteModule, StripeClient } from 'stripe-widget-kit/server';",
        "const { createBackend } = await import('stripe-widget-kit/server');",
        "const health: RouteModule = (router) => router.add('GET', '/health', () => Response.json({ ok: true }));",
        'export const backend: Backend = createBackend({}, [health]);',
        'export const client: StripeClient = backend.stripe;',
        '',
      ].join('\n'),
    );
    // Node's own types, from this repository: the fresh project installs only the kit.
    const node = { lib: ['ES2023'], skipLibCheck: false, types: ['node'], typeRoots: [resolve('node_modules/@types')] };
    const result = typeCheck(app, 'tsconfig.server-check.json', node, { files: ['server-check.ts'] });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });
});

describe('the bin, from the repository', () => {
  it('serves the simulator backend', async () => {
    ensureBuilt();
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
    delete env.STRIPE_SECRET_KEY;
    // Vite's build earlier in this process set NODE_ENV=production, where the bin refuses to run the
    // simulator without --simulator; a developer trying it has none.
    delete env.NODE_ENV;
    const child = spawn(process.execPath, [Object.values(pkg.bin)[0] ?? ''], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((ready, fail) => {
        child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes(`:${port}`) && ready());
        child.once('exit', (code) => fail(new Error(`the bin exited with ${code}`)));
      });
      const response = await fetch(`http://127.0.0.1:${port}/api/climate/orders/climorder_sim_open`);
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { id: string }).id, 'climorder_sim_open');
    } finally {
      child.kill();
    }
  });
});

describe('the server typings', () => {
  it('import vite only from stripe-widget-kit/vite', () => {
    const dir = 'dist/types/server';
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.d.ts') && f !== 'vite-plugin.d.ts');
    assert.ok(files.includes('index.d.ts'));
    const importers = files.filter((f) => /from ['"]vite['"]/.test(readFileSync(join(dir, f), 'utf8')));
    assert.deepEqual(importers, []);
  });
});
