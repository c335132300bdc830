import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { ensureBuilt } from './support/build.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, string | { types?: string; default?: string }>; bin: Record<string, string> };
const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8' });

/** The subpaths a browser bundle may import: JavaScript entries other than the Node ones. */
const browserEntries = Object.entries(pkg.exports)
  .filter(([name, target]) => typeof target === 'object' && target.default?.endsWith('.js') && !['./server', './vite'].includes(name))
  .map(([name]) => `stripe-widget-kit${name.slice(1)}`);

describe('the packed tarball, installed without stripe', () => {
  let app = '';

  before(() => {
    ensureBuilt();
    app = mkdtempSync(join(tmpdir(), 'swk-pack-'));
    const packed = npm(['pack', '--silent', '--pack-destination', app], process.cwd());
    assert.equal(packed.status, 0, packed.stderr);
    const tarball = join(app, packed.stdout.trim().split('\n').at(-1) ?? '');
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'swk-pack-check', private: true, type: 'module' }));
    // react/react-dom for the /react entry (optional peers); no stripe, no vite: the browser install.
    const installed = npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, 'react@19', 'react-dom@19', '@types/react@19'], app);
    assert.equal(installed.status, 0, installed.stderr);
  });

  it('leaves stripe and vite out of a browser install', () => {
    const names = readdirSync(join(app, 'node_modules'));
    assert.ok(names.includes('stripe-widget-kit') && names.includes('lit'));
    assert.ok(!names.includes('stripe'), 'stripe was installed');
    assert.ok(!names.includes('vite'), 'vite was installed');
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
    writeFileSync(join(app, 'main.js'), "import 'stripe-widget-kit/climate-order-status';\nimport { configure } from 'stripe-widget-kit/core';\nconfigure({});\n");
    writeFileSync(join(app, 'index.html'), '<!doctype html><script type="module" src="/main.js"></script><climate-order-status></climate-order-status>');
    const output = await viteBuild({ root: app, logLevel: 'silent', configFile: false, build: { outDir: join(app, 'out'), write: false } });
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
        'configure({});',
        'window.StripeWidgetKit.configure({});',
        'StripeWidgetKit.configure({});',
        "export type Checked = [WidgetError, CapitalOfferCard, CustomElements['capital-offer-card'], ClimateOrder, typeof Card];",
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, skipLibCheck: false, types: [] },
        files: ['check.ts'],
      }),
    );
    const result = spawnSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', join(app, 'tsconfig.json')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  it('says that stripe-widget-kit/server needs stripe, and so does the bin', () => {
    const server = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('stripe-widget-kit/server');"], { cwd: app, encoding: 'utf8' });
    assert.notEqual(server.status, 0);
    assert.match(server.stderr, /stripe-widget-kit\/server needs the `stripe` package .*npm install stripe/);
    const bin = spawnSync(join(app, 'node_modules', '.bin', Object.keys(pkg.bin)[0] ?? ''), [], { cwd: app, encoding: 'utf8' });
    assert.notEqual(bin.status, 0);
    assert.match(bin.stderr, /needs the `stripe` package/);
  });
});

describe('the bin, with stripe installed', () => {
  it('serves the simulator backend', async () => {
    ensureBuilt();
    const port = await new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => done(free));
      });
    });
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
