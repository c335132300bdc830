// <climate-order-form> end to end, through `npm run demo`'s page in simulator mode: the visitor sees
// the simulator's products (one sold out), gets an estimate, plays Frontier's price change (a signed
// climate.product.pricing_updated webhook reaches the form on /api/events and the estimate follows),
// places the order and sees it with <climate-order-status>; checked for text, events, axe (en/ja ×
// light/dark) and by keyboard only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertCleanRun, assertFocusVisible, checkEveryLook, eventCount, focused, shownText, tabTo, useDemoPage, waitForEvent, waitForStreamMessage } from './support/demo-page.js';

const EVENTS = ['swk-load', 'swk-error', 'swk-order-created'];
const DAC = 'climsku_sim_direct_air_capture_2028';

interface Order {
  id: string;
  status: string;
  metric_tons: string;
  amount_total: number;
  currency: string;
  beneficiary: { public_name: string } | null;
}

describe('<climate-order-form> on the demo page', () => {
  const open = useDemoPage({ events: EVENTS });
  const form = (page: Page) => page.locator('#climate-order-form climate-order-form');
  const estimateTotal = (page: Page) => form(page).locator('[part~="estimate"] .total');

  it('lists the products, estimates, follows a price change, and places the order', async () => {
    const demo = await open();
    const { page } = demo;
    const widget = form(page);
    await waitForEvent(page, 'swk-load', 0, (e) => e.tag === 'climate-order-form');
    await shownText(widget, "Frontier's 2027 offtake portfolio").waitFor();
    assert.equal(await widget.getByRole('radio', { name: 'Enhanced weathering, 2026 delivery' }).isDisabled(), true, 'sold out');
    await checkEveryLook(page, widget, 'climate-order-form-products', {
      en: ['Buy carbon removal', 'Sold out', '$618.00', 'Direct air capture'],
      ja: ['炭素除去を購入', '売り切れ', '直接空気回収'],
    });

    await widget.getByRole('radio', { name: 'Direct air capture, 2028 delivery' }).check();
    await widget.getByLabel('Metric tons of carbon removal').fill('2');
    await estimateTotal(page).filter({ hasText: '$1,236.00' }).waitFor();

    // Frontier raises the price: the signed webhook reaches the stream, the form refetches, the estimate follows.
    await page.getByRole('button', { name: /^Raise the direct air capture price/ }).click();
    await waitForStreamMessage(page, 'climate.product.pricing_updated', DAC);
    await estimateTotal(page).filter({ hasText: '$1,359.60' }).waitFor();
    await checkEveryLook(page, widget, 'climate-order-form-estimate', { en: ['Estimate', '$1,359.60'], ja: ['見積もり', '合計'] });

    const mark = await eventCount(page);
    await widget.getByLabel('Beneficiary (optional)').fill('Example Coffee Roasters');
    await widget.getByRole('button', { name: 'Place order' }).click();
    const created = (await waitForEvent(page, 'swk-order-created', mark)).detail as { order: Order };
    assert.equal(created.order.status, 'confirmed');
    assert.deepEqual([created.order.metric_tons, created.order.amount_total, created.order.currency], ['2', 135_960, 'usd']);
    assert.deepEqual(created.order.beneficiary, { public_name: 'Example Coffee Roasters' });
    await waitForStreamMessage(page, 'climate.order.created', created.order.id);
    // The order, as <climate-order-status> shows it inside the form.
    const status = widget.locator('climate-order-status');
    await status.locator('[part~="status"]', { hasText: 'Confirmed' }).waitFor();
    await checkEveryLook(page, widget, 'climate-order-form-placed', { en: ['Order placed', 'Example Coffee Roasters'], ja: ['注文しました'] });

    // The tons ordered came off the product's availability.
    await widget.getByRole('button', { name: 'Place another order' }).click();
    await shownText(widget, '248.5 t').waitFor();
    await assertCleanRun(demo);
    await demo.close();
  });

  it('works with the keyboard only: a product, an amount, and Enter places the order', async () => {
    const demo = await open();
    const { page } = demo;
    const widget = form(page);
    await shownText(widget, "Frontier's 2027 offtake portfolio").waitFor();
    const inForm = (test: (f: { hosts: string[]; part: string | null; tag: string }) => boolean) => (f: { hosts: string[]; part: string | null; tag: string }) =>
      f.hosts.at(-1) === 'climate-order-form' && test(f);
    await tabTo(page, inForm((f) => f.tag === 'input' && f.part === null), 'the first product', { max: 60 });
    await page.keyboard.press('Space');
    await tabTo(page, inForm((f) => f.tag === 'input' && f.part === null), 'the quantity mode');
    await page.keyboard.press('ArrowRight');
    await tabTo(page, inForm((f) => f.part === 'quantity-input'), 'the amount');
    await page.keyboard.type('100');
    await estimateTotal(page).filter({ hasText: '$100.00' }).waitFor();
    const mark = await eventCount(page);
    await page.keyboard.press('Enter');
    const created = (await waitForEvent(page, 'swk-order-created', mark)).detail as { order: Order };
    assert.equal(created.order.amount_total, 10_000);
    const f = await focused(page);
    assert.equal(f?.text, 'Order placed', `focus after ordering: ${JSON.stringify(f)}`);
    assertFocusVisible(f, 'the result heading');
    await tabTo(page, inForm((i) => i.part === 'another-button'), 'Place another order', { max: 40 });
    await assertCleanRun(demo);
    await demo.close();
  });
});
