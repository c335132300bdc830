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
    // Hold the simulator's answer until the test has looked at the busy control.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const requested = new Promise<void>((resolve) => (reached = resolve));
    await page.route('**/api/simulator/**', async (route) => {
      reached();
      await held;
      await route.continue();
    });
    await control.focus();
    await page.keyboard.press('Enter');
    await requested;
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-disabled') === 'true');
    const whileBusy = await page.evaluate(() => {
      const active = document.activeElement as HTMLButtonElement | null;
      return { label: active?.textContent ?? '', busy: active?.getAttribute('aria-disabled'), disabled: active?.disabled };
    });
    assert.match(whileBusy.label, /Revoke/, 'focus stays on the control while it is busy');
    assert.deepEqual([whileBusy.busy, whileBusy.disabled], ['true', false]);
    release();
    await waitForStreamMessage(page, 'shared_payment.granted_token.deactivated');
    await page.waitForFunction(() => !document.activeElement?.hasAttribute('aria-disabled'));
    const focusedLabel = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent ?? '');
    assert.match(focusedLabel, /Revoke/);
    await demo.close();
  });
});
