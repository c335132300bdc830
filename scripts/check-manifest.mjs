// Fails when custom-elements.json is not what the analyzer makes from the sources now.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer joins --outdir to the working directory, so it must be relative.
const out = join('node_modules', '.cache', 'swk-cem');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync('npx', ['--no-install', 'cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', out], { stdio: 'pipe' });
const fresh = readFileSync(join(out, 'custom-elements.json'), 'utf8');
let committed = '';
try {
  committed = readFileSync('custom-elements.json', 'utf8');
} catch {
  // missing counts as stale
}
if (fresh !== committed) {
  console.error('custom-elements.json is stale: run `npm run manifest` and commit it.');
  process.exit(1);
}
console.log('custom-elements.json is fresh');
