import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { liveFixture } from './scripts/wtr-live-fixture.mjs';
import { defaultReporter } from '@web/test-runner';

const executablePath = process.env.CHROME_PATH || findChromium();

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300_000,
  // A controllable SSE stream and object for the live-update tests with a real EventSource.
  middleware: [liveFixture()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  testFramework: { config: { timeout: 10_000 } },
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: !process.env.CI }), summaryReporter()],
};
