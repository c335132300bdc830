import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useDemoPage, waitForStreamMessage } from './support/demo-page.js';

describe('npm run demo', () => {
  const open = useDemoPage();

  it('serves the demo page in simulator mode with no page errors', async () => {
    // open() waits until the page says it runs in simulator mode.
    const demo = await open();
    assert.equal(await demo.page.title(), 'stripe-widget-kit demo');
    assert.deepEqual(demo.errors, []);
    await demo.close();
  });

  it('keeps keyboard focus on a demo control while its action runs and after', async () => {
    const demo = await open();
    const { page } = demo;
    const control = page.locator('#spt-token-status button.demo-control', { hasText: 'Revoke' }).first();
    // Hold the simulator's answer so the control stays busy for a few frames.
    await page.route('**/api/simulator/**', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    await control.focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(150);
    const whileBusy = await page.evaluate(() => {
      const active = document.activeElement as HTMLButtonElement | null;
      return { label: active?.textContent ?? '', busy: active?.getAttribute('aria-disabled'), disabled: active?.disabled };
    });
    assert.match(whileBusy.label, /Revoke/, 'focus stays on the control while it is busy');
    assert.deepEqual([whileBusy.busy, whileBusy.disabled], ['true', false]);
    await waitForStreamMessage(page, 'shared_payment.granted_token.deactivated');
    await page.waitForFunction(() => !document.activeElement?.hasAttribute('aria-disabled'));
    const focusedLabel = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent ?? '');
    assert.match(focusedLabel, /Revoke/);
    await demo.close();
  });
});
