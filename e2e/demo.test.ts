import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useDemoPage } from './support/demo-page.js';

describe('npm run demo', () => {
  const open = useDemoPage();

  it('serves the demo page in simulator mode with no page errors', async () => {
    // open() waits until the page says it runs in simulator mode.
    const demo = await open();
    assert.equal(await demo.page.title(), 'stripe-widget-kit demo');
    assert.deepEqual(demo.errors, []);
    await demo.close();
  });
});
