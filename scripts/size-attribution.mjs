// Where a bundle's min+gzip bytes go, by source module: `node scripts/size-attribution.mjs <tag>` for a
// widget entry's first load (built as `npm run bench` builds it), `iife` for the script-tag file. Each
// row is a module's (or npm package's) minified bytes and what gzip -9 of its file shrinks by without
// them; that is the byte count removing it would save, and the rows add up to about the whole. Lazy
// chunks are listed after, with their own size.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWidget, initialOutputs, widgetEntries } from './bundle-sizes.mjs';

const gzip = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** For each character of `code`, the index of the source it came from (-1: none), from the source map's mappings. */
function sourceOfEachCharacter(code, mappings) {
  const owner = new Int32Array(code.length).fill(-1);
  const lines = code.split('\n');
  let offset = 0;
  let source = 0;
  mappings.split(';').forEach((line, index) => {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',').filter(Boolean)) {
      // Base64 VLQ: column delta, then source index delta (and the rest, unused here).
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      segments.push([column, fields.length > 1 ? source : -1]);
    }
    const text = lines[index] ?? '';
    segments.forEach(([start, from], i) => owner.fill(from, offset + start, offset + (segments[i + 1]?.[0] ?? text.length)));
    offset += text.length + 1;
  });
  return owner;
}

/** A source path as a row name: `src/…` for the kit, the package for node_modules. */
function rowName(path) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return pkg ? `npm:${pkg[1]}` : (/(src\/.*)$/.exec(path)?.[1] ?? path);
}

function attribute(name, code, map) {
  const owner = sourceOfEachCharacter(code, map.mappings);
  const rowOf = (index) => (index < 0 ? '(no source: template text, bundler code)' : rowName(map.sources[index]));
  const rows = new Map();
  for (let i = 0; i < code.length; i++) {
    const row = rowOf(owner[i]);
    if (!rows.has(row)) rows.set(row, []);
    rows.get(row).push(i);
  }
  const total = gzip(code);
  const result = [...rows].map(([row, positions]) => {
    const mine = new Set(positions);
    let without = '';
    for (let i = 0; i < code.length; i++) if (!mine.has(i)) without += code[i];
    return { row, min: Buffer.byteLength(code) - Buffer.byteLength(without), saves: total - gzip(without) };
  });
  result.sort((a, b) => b.saves - a.saves);
  console.log(`${name}: ${(Buffer.byteLength(code) / 1000).toFixed(1)} kB min, ${(total / 1000).toFixed(2)} kB min+gzip`);
  console.log(`${'gzip saved without it'.padStart(22)} ${'min'.padStart(7)}  module`);
  for (const { row, min, saves } of result) console.log(`${String(saves).padStart(22)} ${String(min).padStart(7)}  ${row}`);
}

const target = process.argv[2];
if (target === 'iife') {
  const out = mkdtempSync(join(tmpdir(), 'swk-iife-'));
  try {
    execFileSync('npx', ['--no-install', 'vite', 'build', '--mode', 'iife', '--sourcemap', '--outDir', out, '--logLevel', 'error'], { stdio: 'inherit' });
    const file = join(out, 'stripe-widget-kit.iife.js');
    // The file as Vite writes it; the bench minifies it once more with esbuild, which reports a little more.
    attribute('stripe-widget-kit.iife.js', readFileSync(file, 'utf8'), JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
} else {
  const entry = widgetEntries().find((e) => e.name === target);
  if (!entry) {
    console.error(`usage: node scripts/size-attribution.mjs <${widgetEntries().map((e) => e.name).join(' | ')} | iife>`);
    process.exit(2);
  }
  const result = await buildWidget(entry.path, { sourcemap: 'external' });
  const text = new Map(result.outputFiles.map((f) => [f.path.slice(f.path.indexOf('bench-out')), f.text]));
  const initial = initialOutputs(result.metafile, entry.path);
  for (const name of initial) attribute(`first load: ${name}`, text.get(name), JSON.parse(text.get(`${name}.map`)));
  console.log('loaded on first use (min+gzip):');
  for (const name of Object.keys(result.metafile.outputs).filter((k) => !k.endsWith('.map') && !initial.has(k))) {
    const modules = [...new Set(Object.keys(result.metafile.outputs[name].inputs).map(rowName))].join(', ');
    console.log(`${(gzip(text.get(name)) / 1000).toFixed(2).padStart(22)} kB  ${modules}`);
  }
}
