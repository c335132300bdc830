import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from './build.js';

const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8' });

let tarball: string | undefined;

/** `npm pack` of the built package, once per process: what a user installs from the registry. */
export function packedTarball(): string {
  if (tarball) return tarball;
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'swk-tarball-'));
  const packed = npm(['pack', '--silent', '--pack-destination', dir], process.cwd());
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  tarball = join(dir, packed.stdout.trim().split('\n').at(-1) ?? '');
  return tarball;
}

/**
 * A fresh project with the packed tarball and `dependencies` installed from the registry, as a user's
 * (`type: module`). Test files that need the same set share one install: the folder is named after the
 * tarball's and the dependency list's digest and reused once complete (a `.ready` marker), so a
 * 1–2 minute install of Next.js happens once per change of the package, not once per file.
 */
export function installedApp(name: string, dependencies: string[]): string {
  const pack = packedTarball();
  const digest = createHash('sha256').update(readFileSync(pack)).update(JSON.stringify(dependencies)).digest('hex').slice(0, 16);
  const app = join(tmpdir(), `swk-app-${name}-${digest}`);
  const ready = join(app, '.ready');
  if (existsSync(ready)) return app;
  // Older installs of this set (an earlier tarball) are not used again: keep tmp from filling up.
  for (const stale of readdirSync(tmpdir()).filter((entry) => entry.startsWith(`swk-app-${name}-`))) rmSync(join(tmpdir(), stale), { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: `swk-${name}-check`, private: true, type: 'module' }, null, 2));
  const installed = npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', pack, ...dependencies], app);
  if (installed.status !== 0) throw new Error(`npm install in ${app} failed: ${installed.stderr}`);
  writeFileSync(ready, new Date().toISOString());
  return app;
}

/** What a React / Next.js / Node-server user installs beside the kit: one install for every e2e file that needs it. */
export const FULL_APP_DEPENDENCIES = [
  'react@19.3.1',
  'react-dom@19.3.1',
  '@types/react@19',
  '@types/react-dom@19',
  '@lit/react@1',
  'next@16',
  'typescript@5',
  '@types/node@20',
  'express@5',
  '@types/express@5',
  'hono@4',
  '@hono/node-server@1',
  'vite@8',
  'vue@3',
  '@vitejs/plugin-vue@6',
  // The README's test-kit examples (e2e/testing-kit.test.ts): Vitest 4 (5 needs Node 22), a DOM, fast-check, Playwright.
  'vitest@4',
  'happy-dom@21',
  'fast-check@4',
  'playwright-core@1',
];
