// Min+gzip sizes of what a site downloads: each widget entry with all its dependencies, the all-in-one
// IIFE, and lit alone as the floor. esbuild-minified, gzip -9.
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGETS = { iife: 30_000, widget: 16_000 };

async function minified(options) {
  const result = await build({
    bundle: true,
    minify: true,
    write: false,
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'silent',
    tsconfig: 'tsconfig.json',
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production'],
    ...options,
  });
  return Buffer.concat(result.outputFiles.map((f) => Buffer.from(f.contents)));
}

const measure = (code) => ({ min: code.length, gzip: gzipSync(code, { level: 9 }).length });

export function widgetEntries() {
  return readdirSync('src')
    .filter((name) => existsSync(join('src', name, 'define.ts')))
    .sort()
    .map((name) => ({ name, path: join('src', name, 'define.ts') }));
}

export async function bundleSizes() {
  const rows = [];
  rows.push({ name: 'lit alone (floor)', kind: 'floor', ...measure(await minified({ stdin: { contents: "export { LitElement, html, css } from 'lit';", resolveDir: '.', loader: 'js' }, format: 'esm' })) });
  rows.push({ name: 'stripe-widget-kit.iife.js (all widgets)', kind: 'iife', ...measure(await minified({ entryPoints: ['src/iife.ts'], format: 'iife' })) });
  for (const entry of widgetEntries()) {
    rows.push({ name: `stripe-widget-kit/${entry.name}`, kind: 'widget', ...measure(await minified({ entryPoints: [entry.path], format: 'esm' })) });
  }
  for (const row of rows) {
    row.budget = row.kind === 'iife' ? BUDGETS.iife : row.kind === 'widget' ? BUDGETS.widget : undefined;
    row.ok = row.budget === undefined || row.gzip <= row.budget;
  }
  return rows;
}

export function printSizes(rows) {
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log('bundle'.padEnd(48), 'min'.padStart(10), 'min+gzip'.padStart(10), 'budget'.padStart(10));
  for (const r of rows) {
    console.log(r.name.padEnd(48), kb(r.min).padStart(10), kb(r.gzip).padStart(10), (r.budget ? kb(r.budget) : '').padStart(10), r.ok ? '' : 'OVER BUDGET');
  }
}
