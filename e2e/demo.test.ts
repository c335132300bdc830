import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { launchChromium } from './support/browser.js';
import { startDemoServer } from './support/demo-server.js';

describe('npm run demo', () => {
  let browser: Browser;
  let server: ViteDevServer;
  let url = '';

  before(async () => {
    ({ url, server } = await startDemoServer());
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves the demo page in simulator mode with no page errors', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/`);
    await page.waitForFunction(() => document.querySelector('#mode-label')?.textContent?.includes('simulator'));
    assert.equal(await page.title(), 'stripe-widget-kit demo');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
