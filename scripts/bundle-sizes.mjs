// Min+gzip sizes of what a site downloads: each widget entry with all its dependencies, the all-in-one
// IIFE as built, and lit (+ zod/mini with the parts our schemas use) as the floor. esbuild-minified, gzip -9.
import { build, transform } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { esbuildCollapseHtml } from './collapse-html-literals.mjs';
import { esbuildMinifyCss } from './minify-css-literals.mjs';

/** Issue 12: zod/mini is back in every widget; the budgets are the user's download, not a validator's. */
// Issue 18: the IIFE carries a sixth widget (<climate-order-form>), so 44 kB for all six.
// Issue 21: the Appearance hook and the analytics stream add at most 2 kB to any widget's first load.
export const BUDGETS = { iife: 44_000, widget: 24_000, hooks: 2_000 };

/**
 * The two modules issue 21 adds to every widget's first load, as no-ops: a widget built with these
 * weighs what it would without the Appearance hook and the analytics stream (their call sites aside).
 */
const WITHOUT_HOOKS = {
  name: 'without-appearance-and-analytics',
  setup(build) {
    const stubs = {
      'appearance.ts': 'export const appearanceOf = () => undefined; export const loadAppearance = () => undefined; export const adoptAppearance = (_host, applied) => applied;',
      'analytics.ts': 'export const track = () => {};',
    };
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/](appearance|analytics)\.ts$/ }, (args) => ({ contents: stubs[args.path.split(/[\\/]/).pop()], loader: 'js' }));
  },
};

/** What every widget needs whatever it does: lit, and the zod/mini functions the schemas are built from. */
const FLOOR = `export { LitElement, html, css } from 'lit';
export { array, boolean, literal, looseObject, nullable, nullish, number, optional, string, union, unknown } from 'zod/mini';`;

async function minified(options) {
  const result = await build({
    bundle: true,
    minify: true,
    write: false,
    target: 'es2022',
    legalComments: 'none',
    // Ship UTF-8 as Vite does: esbuild's default ASCII output doubles every Japanese character.
    charset: 'utf8',
    logLevel: 'silent',
    tsconfig: 'tsconfig.json',
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production'],
    plugins: [esbuildMinifyCss, esbuildCollapseHtml],
    ...options,
  });
  return Buffer.concat(result.outputFiles.map((f) => Buffer.from(f.contents)));
}

const measure = (code) => ({ min: code.length, gzip: gzipSync(code, { level: 9 }).length });

/**
 * What a page downloads for one ES entry before any user action: the entry and every chunk it imports
 * statically, each gzipped on its own. Lazy `import()`s (Stripe.js's loader, loaded on the user's
 * click) are split off and reported apart, as a bundler ships them.
 */
export async function buildWidget(entryPath, options = {}) {
  return build({
    entryPoints: [entryPath],
    bundle: true,
    minify: true,
    write: false,
    splitting: true,
    format: 'esm',
    outdir: 'bench-out',
    metafile: true,
    target: 'es2022',
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    tsconfig: 'tsconfig.json',
    conditions: ['production'],
    plugins: [esbuildMinifyCss, esbuildCollapseHtml],
    ...options,
  });
}

/** The outputs (as metafile keys) a page loads for `entryPath` before any user action: the entry and what it imports statically. */
export function initialOutputs(metafile, entryPath) {
  const outputs = metafile.outputs;
  // Lazy chunks name their module as `entryPoint` too: the entry's output is the one naming the entry.
  const entryOut = Object.keys(outputs).find((k) => outputs[k].entryPoint === entryPath.replaceAll('\\', '/'));
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of outputs[name].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entryOut);
  return initial;
}

async function initialDownload(entryPath, options = {}) {
  const result = await buildWidget(entryPath, options);
  const files = new Map(result.outputFiles.map((f) => [f.path.slice(f.path.indexOf('bench-out')), Buffer.from(f.contents)]));
  const outputs = result.metafile.outputs;
  const initial = initialOutputs(result.metafile, entryPath);
  let min = 0;
  let gzip = 0;
  let lazyGzip = 0;
  for (const [name, code] of files) {
    if (!outputs[name]) continue;
    const size = measure(code);
    if (initial.has(name)) {
      min += size.min;
      gzip += size.gzip;
    } else {
      lazyGzip += size.gzip;
    }
  }
  return { min, gzip, lazyGzip };
}

/**
 * The script-tag file as shipped: `vite build --mode iife` (which swaps @stripe/stripe-js's wrapper for
 * Stripe's documented script tag), minified once more by esbuild, gzip -9.
 */
async function shippedIife() {
  execFileSync('npx', ['--no-install', 'vite', 'build', '--mode', 'iife', '--logLevel', 'error'], { stdio: 'inherit' });
  const built = readFileSync('dist/stripe-widget-kit.iife.js', 'utf8');
  const { code } = await transform(built, { minify: true, charset: 'utf8', legalComments: 'none', target: 'es2022' });
  return measure(Buffer.from(code));
}

export function widgetEntries() {
  return readdirSync('src')
    .filter((name) => existsSync(join('src', name, 'define.ts')))
    .sort()
    .map((name) => ({ name, path: join('src', name, 'define.ts') }));
}

export async function bundleSizes() {
  const rows = [];
  const floor = (contents) => minified({ stdin: { contents, resolveDir: '.', loader: 'js' }, format: 'esm' });
  rows.push({ name: 'lit alone', kind: 'floor', ...measure(await floor("export { LitElement, html, css } from 'lit';")) });
  rows.push({ name: 'lit + zod/mini (floor)', kind: 'floor', ...measure(await floor(FLOOR)) });
  rows.push({ name: 'stripe-widget-kit.iife.js (all widgets)', kind: 'iife', ...(await shippedIife()) });
  for (const entry of widgetEntries()) {
    const widget = await initialDownload(entry.path);
    rows.push({ name: `stripe-widget-kit/${entry.name}`, kind: 'widget', ...widget });
    const without = await initialDownload(entry.path, { plugins: [esbuildMinifyCss, esbuildCollapseHtml, WITHOUT_HOOKS] });
    rows.push({ name: `  of which Appearance + analytics`, kind: 'hooks', min: widget.min - without.min, gzip: widget.gzip - without.gzip });
  }
  for (const row of rows) {
    row.budget = row.kind === 'iife' ? BUDGETS.iife : row.kind === 'widget' ? BUDGETS.widget : row.kind === 'hooks' ? BUDGETS.hooks : undefined;
    row.ok = row.budget === undefined || row.gzip <= row.budget;
  }
  return rows;
}

export function printSizes(rows) {
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log('bundle'.padEnd(48), 'min'.padStart(10), 'min+gzip'.padStart(10), 'budget'.padStart(10));
  for (const r of rows) {
    const lazy = r.lazyGzip ? `(+${kb(r.lazyGzip)} on first use)` : '';
    console.log(r.name.padEnd(48), kb(r.min).padStart(10), kb(r.gzip).padStart(10), (r.budget ? kb(r.budget) : '').padStart(10), r.ok ? '' : 'OVER BUDGET', lazy);
  }
}
