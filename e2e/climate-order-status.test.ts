// <climate-order-status> end to end, through `npm run demo`'s page in simulator mode: the visitor picks
// orders and plays what Frontier does (deliver / delay / substitute / cancel: each control sends the
// signed webhook, which reaches the widget on /api/events), and cancels an order with the widget's own
// dialog; every state is checked for text, events, axe (en/ja × light/dark), and by keyboard only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  assertCleanRun,
  assertFocusVisible,
  checkEveryLook,
  eventCount,
  focused,
  screenshot,
  shadowText,
  shownText,
  tabTo,
  useDemoPage,
  waitForEvent,
  waitForStreamMessage,
  type FocusInfo,
} from './support/demo-page.js';

const EVENTS = ['swk-load', 'swk-error', 'swk-order-canceled'];
const THIS_YEAR = new Date().getUTCFullYear();

interface Order {
  id: string;
  status: string;
  cancellation_reason?: string | null;
}

describe('<climate-order-status> on the demo page', () => {
  const open = useDemoPage({ events: EVENTS });

  const widgets = (page: Page) => {
    const all = page.locator('#climate-order-status climate-order-status');
    return { shown: all.nth(0), readonly: all.nth(1) };
  };
  const control = (page: Page, action: 'Deliver' | 'Delay one year' | 'Substitute product' | 'Frontier cancels') =>
    page.getByRole('button', { name: new RegExp(`^${action} \\(climate\\.order\\.`) });

  /** Picks an order in the demo's picker and waits for the widget to load it. */
  async function pick(page: Page, id: string): Promise<Order> {
    const mark = await eventCount(page);
    await page.selectOption('#climate-order-picker', id);
    return (await waitForEvent(page, 'swk-load', mark, (e) => e.index === 0 && (e.detail as { object: Order }).object.id === id)).detail as unknown as Order;
  }

  /** Clicks a Frontier control and waits for its signed webhook on /api/events and the widget's reload. */
  async function playFrontier(page: Page, action: Parameters<typeof control>[1], id: string, eventType: string, status: string): Promise<void> {
    const mark = await eventCount(page);
    await control(page, action).click();
    await waitForStreamMessage(page, eventType, id);
    await waitForEvent(page, 'swk-load', mark, (e) => e.index === 0 && (e.detail as { object: Order }).object.id === id && (e.detail as { object: Order }).object.status === status);
  }

  async function expectShown(widget: Locator, texts: (string | RegExp)[], state: string): Promise<void> {
    for (const text of texts) {
      const ok = await shownText(widget, text).waitFor({ timeout: 3000 }).then(() => true, () => false);
      if (!ok) assert.fail(`${state}: "${text}" not shown; the widget shows: ${await shadowText(widget)}`);
    }
  }

  const cancelButton = (widget: Locator) => widget.locator('[part~="cancel-button"]');
  const dialog = (widget: Locator) => widget.getByRole('dialog', { name: 'Cancel this order?' });

  it('shows every status and follows deliver / delay / substitute / cancel live, and cancels with its dialog', async () => {
    const demo = await open();
    const { page } = demo;
    const { shown, readonly } = widgets(page);

    // Open (the picker's first order): cancelable.
    await waitForEvent(page, 'swk-load', 0, (e) => e.index === 0);
    await expectShown(shown, ['Carbon removal order', 'Open', 'Example Coffee Roasters', '$270.00', '$30.00', '$300.00', 'Not yet', 'Cancel order'], 'open');
    await checkEveryLook(page, shown, 'climate-order-status-open', {
      en: ['Open', 'Cancel order'],
      ja: ['炭素除去の注文', 'オープン', '炭素除去量', '注文をキャンセル'],
    });

    // The read-only widget shows the seeded delayed order without a cancel action.
    await expectShown(readonly, ['Delivery delayed', `The new expected delivery year is ${THIS_YEAR + 2}.`], 'read-only delayed');
    assert.equal(await cancelButton(readonly).count(), 0, 'read-only widget offers no cancel');
    await screenshot(readonly, 'climate-order-status-readonly-delayed-en-light');

    // Awaiting funds, then Frontier cancels it (climate.order.canceled).
    await pick(page, 'climorder_sim_awaiting_funds');
    await expectShown(shown, ['Awaiting funds', 'Cancel order'], 'awaiting funds');
    // Same layout as the open order checked above, with a warning-toned badge (capital's checks cover that tone too).
    await screenshot(shown, 'climate-order-status-awaiting-funds-en-light');
    await playFrontier(page, 'Frontier cancels', 'climorder_sim_awaiting_funds', 'climate.order.canceled', 'canceled');
    await expectShown(shown, ['This order was canceled', 'Frontier canceled the order because the product became unavailable.', 'You receive a full refund.', /^Canceled on /], 'canceled by Frontier');
    assert.equal(await cancelButton(shown).count(), 0);
    await checkEveryLook(page, shown, 'climate-order-status-canceled-by-frontier', {
      en: ['Canceled', 'This order was canceled'],
      ja: ['キャンセル済み', 'この注文はキャンセルされました', '商品を提供できなくなったため、Frontier が注文をキャンセルしました。', '全額が返金されます。'],
    });

    // Confirmed: no cancel; Delay opens the 30-day window with the cancel action; then Deliver.
    await pick(page, 'climorder_sim_confirmed');
    await expectShown(shown, ['Confirmed', `${THIS_YEAR + 1}`], 'confirmed');
    assert.equal(await cancelButton(shown).count(), 0, 'a confirmed order without a notice cannot be canceled');
    await screenshot(shown, 'climate-order-status-confirmed-en-light');
    await playFrontier(page, 'Delay one year', 'climorder_sim_confirmed', 'climate.order.delayed', 'confirmed');
    await expectShown(shown, ['Delivery delayed', `The new expected delivery year is ${THIS_YEAR + 2}.`, 'cancel the order for a full refund until', 'Cancel order'], 'delayed live');
    await checkEveryLook(page, shown, 'climate-order-status-delayed', {
      en: ['Delivery delayed', 'Cancel order'],
      ja: ['達成の遅延', `新しい達成予定年は ${THIS_YEAR + 2}`, '注文をキャンセル'],
    });
    await playFrontier(page, 'Deliver', 'climorder_sim_confirmed', 'climate.order.delivered', 'delivered');
    await expectShown(shown, ['Delivered', 'Deliveries', 'Charm Industrial', 'Biomass carbon removal and storage', 'Registry entry', 'Delivery certificate', 'About the supplier'], 'delivered live');
    assert.equal(await cancelButton(shown).count(), 0);
    assert.equal(await shownText(shown, 'cancel the order for a full refund until').count(), 0, 'no cancel choice once delivered');
    for (const part of ['supplier-link', 'registry-link', 'certificate-link']) {
      const href = await shown.locator(`a[part="${part}"]`).first().getAttribute('href');
      assert.match(href ?? '', /^https:\/\//, `${part} href`);
    }
    await checkEveryLook(page, shown, 'climate-order-status-delivered', {
      en: ['Delivered', 'Delivery certificate'],
      ja: ['達成済み', '達成の内訳', '達成証明書', 'バイオマスによる炭素除去・貯留'],
    });

    // JPY, then Substitute product.
    await pick(page, 'climorder_sim_jpy');
    await expectShown(shown, ['¥36,000', '¥4,000', '¥40,000'], 'JPY');
    await playFrontier(page, 'Substitute product', 'climorder_sim_jpy', 'climate.order.product_substituted', 'confirmed');
    await expectShown(shown, ['Product substituted', 'Frontier portfolio (substitute supplier), supplied by Heirloom', 'Cancel order'], 'substituted live');
    await checkEveryLook(page, shown, 'climate-order-status-substituted-jpy', {
      en: ['Product substituted', '¥40,000'],
      ja: ['商品の代替', '注文をキャンセル'],
    });

    // The seeded delivered, canceled and substituted orders.
    await pick(page, 'climorder_sim_delivered');
    await expectShown(shown, ['Delivered', 'Delivery certificate', '$150.00'], 'seeded delivered');
    await screenshot(shown, 'climate-order-status-seeded-delivered-en-light');
    await pick(page, 'climorder_sim_canceled');
    await expectShown(shown, ['This order was canceled', 'Frontier canceled the order because the product became unavailable.', 'You receive a full refund.'], 'seeded canceled');
    await screenshot(shown, 'climate-order-status-seeded-canceled-en-light');
    await pick(page, 'climorder_sim_substituted');
    await expectShown(shown, ['Product substituted', 'Cancel order'], 'seeded substituted');
    await screenshot(shown, 'climate-order-status-seeded-substituted-en-light');

    // The buyer cancels the seeded delayed order with the widget's dialog: keep first, then cancel.
    await pick(page, 'climorder_sim_delayed');
    await cancelButton(shown).click();
    await dialog(shown).waitFor();
    await expectShown(dialog(shown), ["The order will be canceled. This can't be undone.", 'You receive a full refund.', 'Keep order'], 'cancel dialog');
    await checkEveryLook(page, shown, 'climate-order-status-cancel-dialog', {
      en: ['Cancel this order?', 'Keep order'],
      ja: ['この注文をキャンセルしますか?', '全額が返金されます。', '注文を継続'],
    });
    await screenshot(page, 'climate-order-status-cancel-dialog-page-en-light');
    await dialog(shown).getByRole('button', { name: 'Keep order' }).click();
    await dialog(shown).waitFor({ state: 'hidden' });
    assert.equal((await focused(page))?.part, 'cancel-button', 'focus returns to the cancel button after Keep order');
    const mark = await eventCount(page);
    await cancelButton(shown).click();
    await dialog(shown).getByRole('button', { name: 'Cancel order' }).click();
    const canceled = (await waitForEvent(page, 'swk-order-canceled', mark)).detail as { order: Order };
    assert.equal(canceled.order.id, 'climorder_sim_delayed');
    assert.equal(canceled.order.status, 'canceled');
    assert.equal(canceled.order.cancellation_reason, 'requested');
    await waitForStreamMessage(page, 'climate.order.canceled', 'climorder_sim_delayed');
    await expectShown(shown, ['Canceled', 'Canceled at your request.'], 'canceled by the buyer');
    assert.equal(await cancelButton(shown).count(), 0);
    assert.equal((await focused(page))?.part, 'title', 'focus moves to the heading once the cancel button is gone');
    // The read-only widget shows the same order and heard the same webhook.
    await waitForEvent(page, 'swk-load', mark, (e) => e.index === 1 && (e.detail as { object: Order }).object.status === 'canceled');
    await expectShown(readonly, ['Canceled at your request.'], 'read-only after the buyer canceled');
    // The canceled layout was checked in every look above (canceled by Frontier); here its text and picture.
    await screenshot(shown, 'climate-order-status-canceled-by-buyer-en-light');

    await assertCleanRun(demo);
    await demo.close();
  });

  it('works with the keyboard only: the cancel dialog traps and restores focus; every action and link is reachable', async () => {
    const demo = await open();
    const { page } = demo;
    const { shown } = widgets(page);
    await waitForEvent(page, 'swk-load', 0, (e) => e.index === 0 && (e.detail as { object: Order }).object.id === 'climorder_sim_open');
    const inShown = (part: string) => (f: FocusInfo) => f.hosts.at(-1) === 'climate-order-status' && (f.part ?? '').split(' ').includes(part);

    // Enter opens the dialog with focus inside it.
    await tabTo(page, inShown('cancel-button'), 'Cancel order');
    await page.keyboard.press('Enter');
    await dialog(shown).waitFor();
    let f = await focused(page);
    assert.equal(f?.inDialog, 'dialog', `focus moves into the dialog: ${JSON.stringify(f)}`);

    // Tab and Shift+Tab stay inside the dialog, each stop with a visible focus ring.
    const stops = new Set<string>();
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      f = await focused(page);
      assert.equal(f?.inDialog, 'dialog', `after ${key} focus left the dialog: ${JSON.stringify(f)}`);
      assertFocusVisible(f, `dialog stop after ${key}`);
      stops.add(f.part ?? f.tag);
    }
    assert.deepEqual([...stops].sort(), ['confirm-button', 'keep-button'], 'focus cycles between the dialog buttons');
    await screenshot(shown, 'climate-order-status-keyboard-dialog-en-light');

    // Escape closes it and focus returns to the cancel button, visibly.
    await page.keyboard.press('Escape');
    await dialog(shown).waitFor({ state: 'hidden' });
    f = await focused(page);
    assert.equal(f?.part, 'cancel-button', `focus after Escape: ${JSON.stringify(f)}`);
    assertFocusVisible(f, 'cancel button after Escape');

    // Space reopens; Keep order by Space restores focus too.
    await page.keyboard.press('Space');
    await dialog(shown).waitFor();
    await tabTo(page, inShown('keep-button'), 'Keep order', { max: 3 });
    await page.keyboard.press('Space');
    await dialog(shown).waitFor({ state: 'hidden' });
    f = await focused(page);
    assert.equal(f?.part, 'cancel-button', `focus after Keep order: ${JSON.stringify(f)}`);

    // Enter reopens; confirm by Enter: canceled, focus on the heading.
    const mark = await eventCount(page);
    await page.keyboard.press('Enter');
    await dialog(shown).waitFor();
    await tabTo(page, inShown('confirm-button'), 'confirm Cancel order', { max: 3 });
    await page.keyboard.press('Enter');
    const canceled = (await waitForEvent(page, 'swk-order-canceled', mark)).detail as { order: Order };
    assert.equal(canceled.order.id, 'climorder_sim_open');
    await expectShown(shown, ['Canceled at your request.'], 'canceled by keyboard');
    f = await focused(page);
    assert.equal(f?.part, 'title', `focus after the cancel: ${JSON.stringify(f)}`);
    assertFocusVisible(f, 'heading after the cancel');

    // The demo's controls are buttons reachable by Tab: Enter on Deliver for the substituted order.
    await page.selectOption('#climate-order-picker', 'climorder_sim_substituted');
    await expectShown(shown, ['Product substituted'], 'substituted');
    await page.locator('#climate-order-picker').focus();
    await tabTo(page, (i) => i.text.startsWith('Deliver (climate.order.delivered)'), 'Deliver control');
    await page.keyboard.press('Enter');
    await waitForStreamMessage(page, 'climate.order.delivered', 'climorder_sim_substituted');
    await expectShown(shown, ['Delivered', 'Delivery certificate'], 'delivered by keyboard');

    // Every link of a delivered order is reachable with a visible focus ring.
    for (const part of ['supplier-link', 'registry-link', 'certificate-link']) await tabTo(page, inShown(part), part);

    await assertCleanRun(demo);
    await demo.close();
  });
});
