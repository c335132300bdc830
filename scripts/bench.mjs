// `npm run bench`: bundle sizes against budgets (exits 1 when one is broken) and, unless
// --sizes-only, the browser measurements in scripts/bench-browser.mjs. Writes bench/results.json.
// `--quick` takes one sample of each browser measurement and writes nothing: `npm test` runs it so
// that the bench keeps working.
import { mkdirSync, writeFileSync } from 'node:fs';
import { bundleSizes, printSizes } from './bundle-sizes.mjs';

const sizesOnly = process.argv.includes('--sizes-only');
const quick = process.argv.includes('--quick');
const results = { date: new Date().toISOString(), sizes: await bundleSizes() };
printSizes(results.sizes);
if (!sizesOnly) {
  const { browserBench } = await import('./bench-browser.mjs');
  results.browser = await browserBench({ quick });
}
if (!sizesOnly && !quick) {
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('wrote bench/results.json');
}
const broken = results.sizes.filter((r) => !r.ok);
if (broken.length) {
  console.error(`Size budget broken: ${broken.map((r) => r.name).join(', ')}`);
  process.exit(1);
}
