import { execFileSync } from 'node:child_process';

/**
 * Builds dist/ for tests of the built files, once per `npm test`: scripts/test.mjs builds before the
 * end-to-end step and sets SWK_DIST_READY=1; run alone, a test file builds for itself.
 */
export function ensureBuilt(): void {
  if (process.env.SWK_DIST_READY === '1') return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'pipe' });
  process.env.SWK_DIST_READY = '1';
}
