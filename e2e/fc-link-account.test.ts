// <fc-link-account> end to end, through `npm run demo`'s page in simulator mode: a visitor links
// accounts, links none, closes and fails the demo's simulated bank window, and meets the failing
// endpoint; every state is checked for its text, events, axe (en/ja × light/dark) and by keyboard.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  assertCleanRun,
  assertFocusVisible,
  checkEveryLook,
  eventCount,
  focused,
  recordedEvents,
  screenshot,
  shadowText,
  shownText,
  tabTo,
  useDemoPage,
  waitForEvent,
  waitForStreamMessage,
} from './support/demo-page.js';

const EVENTS = ['swk-linked', 'swk-empty', 'swk-load', 'swk-error'];
const ACCOUNTS = ['fca_sim_checking', 'fca_sim_savings', 'fca_sim_test_bank'];

interface LinkedDetail {
  sessionId: string;
  accounts: { id: string; last4: string; institution_name: string }[];
}

describe('<fc-link-account> on the demo page', () => {
  const open = useDemoPage({ events: EVENTS });

  /** The demo section's first widget (simulated Stripe) and second (endpoint that answers 404). */
  const widgets = (page: Page) => {
    const all = page.locator('#fc-link-account fc-link-account');
    return { simulated: all.nth(0), failing: all.nth(1) };
  };
  const bankWindow = (page: Page) => page.getByRole('dialog', { name: /Simulated bank window/ });

  async function openBankWindow(page: Page, widget: Locator, button: string | RegExp): Promise<Locator> {
    await widget.getByRole('button', { name: button }).click();
    const dialog = bankWindow(page);
    await dialog.waitFor({ state: 'visible' });
    return dialog;
  }

  it('links accounts, links none, is closed and fails, each by a click in the simulated bank window', async () => {
    const demo = await open();
    const { page } = demo;
    const { simulated } = widgets(page);

    // Idle: the link button, labelled in both languages.
    await simulated.getByRole('button', { name: 'Link bank account' }).waitFor();
    await checkEveryLook(page, simulated, 'fc-link-account-idle', { en: ['Link bank account'], ja: ['銀行口座を連携'] });

    // Waiting: the widget says it waits for the bank window, which is open.
    let mark = await eventCount(page);
    let dialog = await openBankWindow(page, simulated, 'Link bank account');
    await simulated.locator('[part="progress"]', { hasText: 'Waiting for you to finish linking in the bank window…' }).waitFor();
    assert.equal(await simulated.getByRole('button', { name: 'Link bank account' }).getAttribute('aria-busy'), 'true');
    await checkEveryLook(page, simulated, 'fc-link-account-waiting', { en: ['Waiting for you to finish linking'], ja: ['銀行のウィンドウで連携が完了するのを待っています'] });
    await screenshot(page, 'fc-link-account-bank-window');

    // Linked: all three offered accounts.
    await dialog.getByRole('button', { name: 'Link selected accounts' }).click();
    const linked = await waitForEvent(page, 'swk-linked', mark, (e) => e.tag === 'fc-link-account');
    const detail = linked.detail as LinkedDetail;
    assert.match(detail.sessionId, /^fcsess_/);
    assert.deepEqual(detail.accounts.map((a) => a.id.replace(/_[^_]+$/, '')), ACCOUNTS);
    assert.ok(!JSON.stringify(detail).includes('_secret_'), 'swk-linked must not carry the client secret');
    // Each account's signed webhook reached the /api/events stream, ids as linked.
    for (const account of detail.accounts) await waitForStreamMessage(page, 'financial_connections.account.created', account.id);
    // swk-load carries the finished flow, then (accounts-endpoint) each retrieved account.
    const loads = (await recordedEvents(page, 'swk-load')).filter((e) => e.tag === 'fc-link-account' && 'sessionId' in (e.detail as { object: object }).object);
    assert.equal((loads.at(-1)?.detail as { object: LinkedDetail }).object.sessionId, detail.sessionId);
    await simulated.getByRole('heading', { name: 'Linked accounts' }).waitFor();
    await shownText(simulated, '3 accounts linked.').waitFor();
    for (const text of ['Premium Checking', 'High Yield Savings', 'Everyday Account', 'Account ending in 6789', 'Cash · Savings', 'Inactive']) {
      assert.ok((await simulated.getByText(text, { exact: false }).count()) > 0, `linked state lacks "${text}": ${await shadowText(simulated)}`);
    }
    await checkEveryLook(page, simulated, 'fc-link-account-linked', {
      en: ['3 accounts linked.', 'Premium Checking', 'Link another account'],
      ja: ['連携済みの口座', '3 件の口座を連携しました。', '別の口座を連携'],
    });

    // Link one account only (untick the others).
    mark = await eventCount(page);
    dialog = await openBankWindow(page, simulated, 'Link another account');
    await dialog.getByRole('checkbox', { name: /High Yield Savings/ }).uncheck();
    await dialog.getByRole('checkbox', { name: /Everyday Account/ }).uncheck();
    await dialog.getByRole('button', { name: 'Link selected accounts' }).click();
    const one = (await waitForEvent(page, 'swk-linked', mark)).detail as LinkedDetail;
    assert.deepEqual(one.accounts.map((a) => a.last4), ['6789']);
    assert.notEqual(one.sessionId, detail.sessionId, 'each click starts a new session');
    await shownText(simulated, '1 account linked.').waitFor();
    // The same linked state as above with one account: text and a screenshot (axe ran on that state).
    await screenshot(simulated, 'fc-link-account-linked-one-en-light');

    // Link none: the empty state, swk-empty, no swk-linked.
    mark = await eventCount(page);
    dialog = await openBankWindow(page, simulated, 'Link another account');
    await dialog.getByRole('button', { name: 'Link none' }).click();
    const empty = await waitForEvent(page, 'swk-empty', mark);
    assert.match((empty.detail as { sessionId: string }).sessionId, /^fcsess_/);
    await simulated.getByRole('heading', { name: 'No account was linked' }).waitFor();
    await shownText(simulated, 'You did not link an account, or you left the bank window.').waitFor();
    assert.equal((await recordedEvents(page, 'swk-linked')).length, 2, 'linking none fires no swk-linked');
    await checkEveryLook(page, simulated, 'fc-link-account-empty', {
      en: ['No account was linked', 'Try again'],
      ja: ['口座は連携されませんでした', 'もう一度試す'],
    });

    // Close the bank window: also the empty state.
    mark = await eventCount(page);
    dialog = await openBankWindow(page, simulated, 'Try again');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await waitForEvent(page, 'swk-empty', mark);
    await bankWindow(page).waitFor({ state: 'detached' });
    await simulated.getByRole('heading', { name: 'No account was linked' }).waitFor();
    await screenshot(simulated, 'fc-link-account-closed-en-light');

    // Fail: the error state with Stripe's message and Retry.
    mark = await eventCount(page);
    dialog = await openBankWindow(page, simulated, 'Try again');
    await dialog.getByRole('button', { name: 'Fail (simulated error)' }).click();
    const error = (await waitForEvent(page, 'swk-error', mark, (e) => e.tag === 'fc-link-account')).detail as { error: { kind: string; message: string } };
    assert.equal(error.error.kind, 'stripe');
    assert.equal(error.error.message, 'The simulated bank failed, as the visitor asked.');
    await simulated.getByRole('alert').getByText('Linking your bank account failed').waitFor();
    await shownText(simulated, 'Details: The simulated bank failed, as the visitor asked.').waitFor();
    await checkEveryLook(page, simulated, 'fc-link-account-error', {
      en: ['Linking your bank account failed', 'Stripe returned an error.', 'Try again'],
      ja: ['銀行口座を連携できませんでした', 'Stripe がエラーを返しました。', '再試行'],
    });

    // Retry from the error opens the bank window again and can link.
    mark = await eventCount(page);
    dialog = await openBankWindow(page, simulated, 'Try again');
    await dialog.getByRole('button', { name: 'Link selected accounts' }).click();
    await waitForEvent(page, 'swk-linked', mark);
    await shownText(simulated, '3 accounts linked.').waitFor();

    await assertCleanRun(demo);
    await demo.close();
  });

  it('shows the error state with Retry when its endpoint fails (the demo\'s 404 widget)', async () => {
    const demo = await open({ lang: 'ja' });
    const { page } = demo;
    const { failing } = widgets(page);
    await failing.getByRole('button', { name: '銀行口座を連携' }).click();
    const error = (await waitForEvent(page, 'swk-error', 0, (e) => e.tag === 'fc-link-account' && e.index === 1)).detail as { error: { kind: string; status: number } };
    // The reference backend's own 404 (no such route) is not Stripe's error: no Stripe type, no blame on Stripe.
    assert.equal(error.error.status, 404);
    assert.equal(error.error.kind, 'http');
    await failing.getByRole('alert').getByText('銀行口座を連携できませんでした').waitFor();
    await checkEveryLook(page, failing, 'fc-link-account-endpoint-error', {
      en: ['Linking your bank account failed', 'The server returned an error.'],
      ja: ['銀行口座を連携できませんでした', 'サーバーがエラーを返しました。'],
    });
    // Retry asks the endpoint again (and fails again): a second swk-error, no bank window.
    const mark = await eventCount(page);
    await failing.getByRole('button', { name: 'Try again' }).click();
    await waitForEvent(page, 'swk-error', mark, (e) => e.index === 1);
    assert.equal(await bankWindow(page).count(), 0);
    await assertCleanRun(demo);
    await demo.close();
  });

  it('works with the keyboard only: Tab, Enter, Space and Escape reach every action with visible focus', async () => {
    const demo = await open();
    const { page } = demo;
    const { simulated, failing } = widgets(page);
    await simulated.getByRole('button', { name: 'Link bank account' }).waitFor();
    const inWidget = (part: string) => (f: { hosts: string[]; part: string | null }) => f.hosts.at(-1) === 'fc-link-account' && f.part === part;

    // Enter on the link button opens the bank window with focus inside it.
    await tabTo(page, inWidget('button'), 'link button');
    let mark = await eventCount(page);
    await page.keyboard.press('Enter');
    await bankWindow(page).waitFor();
    let f = await focused(page);
    // The bank window is the page's own <dialog> (no part, no id): focus is in it, not merely somewhere.
    assert.notEqual(f, null, 'something has focus');
    assert.equal(f!.inDialog, 'dialog', `focus should move into the bank window, is on ${JSON.stringify(f)}`);
    assert.deepEqual(f!.hosts, [], 'in the page, outside any widget');
    // Space unticks the focused first checkbox; Tab to "Link selected accounts", Enter.
    assert.equal(f?.tag, 'input');
    await page.keyboard.press('Space');
    await tabTo(page, (i) => i.text === 'Link selected accounts', 'Link selected accounts');
    await page.keyboard.press('Enter');
    const linked = (await waitForEvent(page, 'swk-linked', mark)).detail as LinkedDetail;
    assert.deepEqual(linked.accounts.map((a) => a.last4), ['4321', '4242']);
    // Focus lands on the result heading, visibly.
    await shownText(simulated, '2 accounts linked.').waitFor();
    f = await focused(page);
    assert.equal(f?.part, 'title', `focus after linking: ${JSON.stringify(f)}`);
    assertFocusVisible(f, 'linked heading');

    // Space on "Link another account"; Escape leaves the bank window: nothing linked.
    await tabTo(page, inWidget('link-another-button'), 'Link another account');
    mark = await eventCount(page);
    await page.keyboard.press('Space');
    await bankWindow(page).waitFor();
    await page.keyboard.press('Escape');
    await waitForEvent(page, 'swk-empty', mark);
    await simulated.getByRole('heading', { name: 'No account was linked' }).waitFor();
    f = await focused(page);
    assert.equal(f?.part, 'title', `focus after Escape: ${JSON.stringify(f)}`);
    assertFocusVisible(f, 'empty heading');

    // Try again → Fail: focus goes to Retry.
    await tabTo(page, inWidget('try-again-button'), 'Try again');
    mark = await eventCount(page);
    await page.keyboard.press('Enter');
    await bankWindow(page).waitFor();
    await tabTo(page, (i) => i.text === 'Fail (simulated error)', 'Fail button');
    await page.keyboard.press('Enter');
    await waitForEvent(page, 'swk-error', mark);
    f = await focused(page);
    assert.equal(f?.part, 'retry-button', `focus after the failure: ${JSON.stringify(f)}`);
    assertFocusVisible(f, 'retry button');
    await screenshot(simulated, 'fc-link-account-keyboard-retry-focused');

    // Retry by Enter, then "Link none" by keyboard.
    mark = await eventCount(page);
    await page.keyboard.press('Enter');
    await bankWindow(page).waitFor();
    await tabTo(page, (i) => i.text === 'Link none', 'Link none');
    await page.keyboard.press('Enter');
    await waitForEvent(page, 'swk-empty', mark);

    // The failing widget's button and its Retry are reachable too.
    await tabTo(page, (i) => i.part === 'button' && i.hosts.at(-1) === 'fc-link-account', 'second widget link button');
    mark = await eventCount(page);
    await page.keyboard.press('Enter');
    await waitForEvent(page, 'swk-error', mark, (e) => e.index === 1);
    await failing.getByRole('alert').waitFor();
    f = await focused(page);
    assert.equal(f?.part, 'retry-button', `focus after the endpoint failed: ${JSON.stringify(f)}`);
    assertFocusVisible(f, 'failing widget retry');

    await assertCleanRun(demo);
    await demo.close();
  });

  it('after linking shows the prefetched balances and owners: pending, then arrived by the signed refreshed_* webhooks', async () => {
    const demo = await open();
    const { page } = demo;
    const { simulated } = widgets(page);
    const mark = await eventCount(page);
    const dialog = await openBankWindow(page, simulated, 'Link bank account');
    await dialog.getByRole('checkbox', { name: /High Yield Savings/ }).uncheck();
    await dialog.getByRole('checkbox', { name: /Everyday Account/ }).uncheck();
    await dialog.getByRole('button', { name: 'Link selected accounts' }).click();
    const linked = (await waitForEvent(page, 'swk-linked', mark)).detail as LinkedDetail;
    const id = linked.accounts[0]!.id;
    // The simulator ends a prefetched refresh by itself after a few seconds: hold it for the look checks.
    const held = await page.evaluate(async (account) => {
      const response = await fetch(`/api/simulator/financial_connections/accounts/${account}/refresh/balance`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ outcome: 'pending' }),
      });
      return response.status;
    }, id);
    assert.equal(held, 200, 'the refresh was still pending when held');
    await simulated.locator('[part~="balance-status"]', { hasText: 'Updating balance…' }).waitFor();
    await checkEveryLook(page, simulated, 'fc-link-account-balance-pending', { en: ['Updating balance…'], ja: ['残高を更新しています…'] });

    await page.getByRole('button', { name: /^Balance refresh succeeds now/ }).click();
    await page.getByRole('button', { name: /^Ownership arrives now/ }).click();
    await waitForStreamMessage(page, 'financial_connections.account.refreshed_balance', id);
    await waitForStreamMessage(page, 'financial_connections.account.refreshed_ownership', id);
    await simulated.locator('[part~="balance"]', { hasText: '$12,345.67' }).waitFor();
    await simulated.locator('[part~="owners"]', { hasText: 'Jenny Rosen, Kenji Sato' }).waitFor();
    assert.doesNotMatch(await shadowText(simulated), /@example\.com|555-/, 'names only: no email or phone');
    const account = (await waitForEvent(page, 'swk-load', mark, (e) => (e.detail as { object: { id?: string; balance?: unknown } }).object.id === id && (e.detail as { object: { balance?: unknown } }).object.balance != null)).detail as { object: { balance_refresh: { status: string } } };
    assert.equal(account.object.balance_refresh.status, 'succeeded');
    await checkEveryLook(page, simulated, 'fc-link-account-balances', { en: ['Current balance', 'Owners: Jenny Rosen, Kenji Sato', 'You can refresh again at'], ja: ['現在の残高', '名義人'] });
    assert.equal(await simulated.locator('[part~="refresh-button"]').getAttribute('aria-disabled'), 'true', 'Stripe allows the next refresh a minute later');
    await assertCleanRun(demo);
    await demo.close();
  });
});
