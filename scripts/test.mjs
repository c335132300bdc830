// `npm test`: typecheck, lint, manifest freshness, browser tests (Chromium), server tests (node:test),
// end-to-end tests, bundle-size budgets and a quick pass of the bench. Every step runs; the run fails
// if any fails. Ends with a plain
// `N passed, N failed` line for the whole run (a failed check step counts as one failure).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'swk-test-'));
const totals = { passed: 0, failed: 0 };
const results = [];

function readCounts(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function step(name, command, args, { countsFile, env = {} } = {}) {
  const started = Date.now();
  console.log(`\n── ${name} ──`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  const counts = countsFile ? readCounts(countsFile) : undefined;
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    if (!ok && counts.failed === 0) totals.failed += 1;
  } else if (ok) {
    totals.passed += 1;
  } else {
    totals.failed += 1;
  }
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 100) / 10, counts });
  return ok;
}

const hasFiles = (dir, suffix) => existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith(suffix));

step('typecheck', 'npx', ['--no-install', 'tsc', '-p', 'tsconfig.json', '--noEmit']);
step('lint', 'npx', ['--no-install', 'eslint', '.', '--max-warnings', '0']);
step('manifest', process.execPath, ['scripts/check-manifest.mjs']);
step('docs match manifest', process.execPath, ['scripts/docs.mjs', '--check']);
step('React wrappers match manifest', process.execPath, ['scripts/react-wrappers.mjs', '--check']);
const wtrFile = join(work, 'wtr.json');
step('browser tests (Chromium)', process.execPath, ['scripts/wtr.mjs'], { countsFile: wtrFile, env: { WTR_SUMMARY_FILE: wtrFile, CI: 'true' } });
const serverFile = join(work, 'server.json');
step('server tests (node:test)', process.execPath, ['scripts/node-tests.mjs', 'server'], { countsFile: serverFile, env: { NODE_SUMMARY_FILE: serverFile } });
let builtDist = false;
if (hasFiles('e2e', '.test.ts')) {
  // One build for every end-to-end file that tests the built files.
  const built = step('build (npm run build)', process.execPath, ['scripts/build.mjs']);
  // The shipped typings as users compile them (React 18/19, Vue, Svelte): they need dist/.
  builtDist = built;
  const typesFile = join(work, 'types.json');
  step('type tests (TSX, vue-tsc, svelte-check)', process.execPath, ['--import', 'tsx', 'scripts/type-tests.mjs'], { countsFile: typesFile, env: { NODE_SUMMARY_FILE: typesFile } });
  const e2eFile = join(work, 'e2e.json');
  step('end-to-end (Playwright + axe)', process.execPath, ['scripts/node-tests.mjs', 'e2e'], {
    countsFile: e2eFile,
    env: { NODE_SUMMARY_FILE: e2eFile, ...(built && { SWK_DIST_READY: '1' }) },
  });
}
// The size budgets, and one sample of each browser measurement so that `npm run bench` cannot rot.
step('bench: size budgets and a quick pass', process.execPath, ['scripts/bench.mjs', '--quick'], { env: { ...(builtDist && { SWK_DIST_READY: '1' }) } });

console.log('\n── summary ──');
for (const r of results) {
  const detail = r.counts ? ` (${r.counts.passed} passed, ${r.counts.failed} failed)` : '';
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${detail} ${r.seconds}s`);
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
