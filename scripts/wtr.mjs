// Runs the browser tests in Chromium (installing Debian's chromium when needed). Extra args go to wtr,
// e.g. `npm run test:browser -- --files "test/climate-order-status/**/*.test.ts"`.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const chrome = ensureChromium();
const result = spawnSync('npx', ['--no-install', 'wtr', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: chrome },
});
process.exit(result.status ?? 1);
