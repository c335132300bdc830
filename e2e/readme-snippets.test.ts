import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { until } from '../server/test-support/until.js';
import { FULL_APP_DEPENDENCIES, installedApp } from './support/packed-app.js';
import { githubSlug, readmeBlocks, writeBlocks } from './support/readme-blocks.js';

// Every TypeScript and JavaScript block of README.md, as a user copies it into a project that installed
// the packed tarball: each must compile under `strict` on its own (with the files other blocks name,
// such as authorize.ts), and every `*-server.ts` recipe must start and answer. HTML, CSS, shell, JSON,
// Vue and Svelte blocks are not compiled here (the typing fixtures of scripts/type-tests.mjs check the
// Vue and Svelte forms). Each path of the Quickstart is a project of its own (several name a
// vite.config.ts, or the route.ts the recipes further down name too): its blocks go to quickstart/<slug>/.
const CODE_LANGS = ['ts', 'tsx', 'js'];
const QUICKSTART = 'Quickstart';

function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/**
 * Starts a README server with node on a free PORT (no Stripe keys, no NODE_ENV: the keyless simulator)
 * and resolves once `GET /api/mode` answers; fails, saying what it printed, if it exits or has not
 * answered within 30 s.
 */
async function startServer(args: string[], cwd: string): Promise<{ url: (path: string) => string; stop: () => void }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  // NODE_ENV too: Vite's builds in this process leave it at production, where a keyless backend refuses to serve.
  for (const name of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_PUBLISHABLE_KEY', 'NODE_ENV']) delete env[name];
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exit: number | null | undefined;
  child.once('exit', (code) => (exit = code));
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  const name = args.at(-1);
  try {
    await until(
      async () => {
        if (exit !== undefined) throw new Error(`${name} exited with ${exit}: ${output}`);
        return fetch(url('/api/mode')).then(
          (response) => response.arrayBuffer().then(() => true),
          () => false,
        );
      },
      30_000,
      `${name} to answer`,
    );
  } catch (error) {
    child.kill();
    throw error;
  }
  return { url, stop: () => child.kill() };
}

describe('README code blocks, in a fresh project with the packed tarball', () => {
  let root = '';
  let files: string[] = [];
  const quickstartFiles: string[] = [];

  before(() => {
    const app = installedApp('full', FULL_APP_DEPENDENCIES);
    root = join(app, 'readme');
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const blocks = readmeBlocks(CODE_LANGS);
    files = writeBlocks(root, blocks.filter((block) => block.section !== QUICKSTART));
    const paths = new Set(blocks.filter((block) => block.section === QUICKSTART).map((block) => block.subsection ?? ''));
    for (const path of paths) {
      const folder = `quickstart/${githubSlug(path) || 'intro'}`;
      const written = writeBlocks(join(root, folder), blocks.filter((block) => block.section === QUICKSTART && (block.subsection ?? '') === path));
      quickstartFiles.push(...written.map((file) => `${folder}/${file}`));
    }
    writeFileSync(
      join(root, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          jsx: 'react-jsx',
          strict: true,
          allowJs: true,
          checkJs: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
        },
        include: ['**/*'],
      }),
    );
  });

  it('extracts the recipes the README promises', () => {
    for (const path of ['authorize.ts', 'express-server.ts', 'hono-server.ts', 'stripe-server.ts', 'app/api/[...swk]/route.ts', 'app/offer/page.tsx', 'swk.config.mjs']) {
      assert.ok(files.includes(path), `no README block names ${path}: ${files.join(', ')}`);
    }
  });

  it("extracts the Quickstart's files, each path in a folder of its own", () => {
    const expected = [
      'quickstart/with-vite-no-framework/vite.config.ts',
      'quickstart/with-vite-no-framework/main.ts',
      'quickstart/with-react/src/App.tsx',
      'quickstart/with-nextjs/app/api/[...swk]/route.ts',
      'quickstart/with-nextjs/app/page.tsx',
      'quickstart/with-vue/vite.config.ts',
      'quickstart/with-your-own-node-server-express-hono/server.mjs',
    ];
    assert.deepEqual([...quickstartFiles].sort(), [...expected].sort());
  });

  it('compiles every block under strict TypeScript (JavaScript blocks with checkJs)', () => {
    const result = spawnSync(process.execPath, [join(root, '..', 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], { encoding: 'utf8' });
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
  });

  it("starts the Quickstart's server.mjs from the installed app: the simulator under /api and the script-tag files beside it", async () => {
    // Run from the project's root, as the Quickstart does: its static paths are relative to it.
    const { url, stop } = await startServer([join(root, 'quickstart/with-your-own-node-server-express-hono/server.mjs')], join(root, '..'));
    try {
      assert.deepEqual(await (await fetch(url('/api/mode'))).json(), { mode: 'simulator' });
      const order = (await (await fetch(url('/api/climate/orders/climorder_sim_open'))).json()) as { id: string };
      assert.equal(order.id, 'climorder_sim_open');
      const script = await fetch(url('/stripe-widget-kit/stripe-widget-kit.iife.js'));
      assert.equal(script.status, 200);
      assert.match(script.headers.get('content-type') ?? '', /javascript/);
    } finally {
      stop();
    }
  });

  for (const server of ['express-server.ts', 'hono-server.ts', 'stripe-server.ts']) {
    it(`starts ${server} (simulator mode without keys) and answers with the authorize rule applied`, async () => {
      const { url, stop } = await startServer(['--import', resolve('node_modules/tsx/dist/loader.mjs'), server], root);
      try {
        assert.deepEqual(await (await fetch(url('/api/mode'))).json(), { mode: 'simulator' });
        const owned = await fetch(url('/api/climate/orders/climorder_sim_open'), { headers: { Cookie: 'session=session-alice' } });
        assert.equal(owned.status, 200);
        assert.equal(((await owned.json()) as { id: string }).id, 'climorder_sim_open');
        const anonymous = await fetch(url('/api/climate/orders/climorder_sim_open'));
        assert.equal(anonymous.status, 404, 'authorize: nobody signed in owns nothing');
        const notTheirs = await fetch(url('/api/climate/orders/climorder_sim_delivered'), { headers: { Cookie: 'session=session-alice' } });
        assert.equal(notTheirs.status, 404);
      } finally {
        stop();
      }
    });
  }
});
