import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { assertNoAxeViolations } from './support/axe.js';
import { launchChromium } from './support/browser.js';
import { startDemoServer } from './support/demo-server.js';
import {
  blockInternet,
  deepFocus,
  domEvents,
  recordDomEvents,
  recordEventStream,
  recordRequests,
  screenshotDir,
  shadowText,
  tabUntil,
  type RecordedRequest,
  type StreamMessage,
} from './support/page-probes.js';

// <payment-capture-status> through `npm run demo`, as a visitor: every seeded outcome, a payment
// started by the demo whose parts arrive as signed webhooks, "Settle now", "Check again", keyboard only.

const TAG = 'payment-capture-status';
const EVENTS = ['swk-load', 'swk-error', 'swk-capture-settled'];
const TITLE = { en: 'Payment', ja: '支払い' } as const;
const BROKEN = /NaN|undefined|null|\[object|Invalid Date/;

describe('<payment-capture-status> in the demo', () => {
  let browser: Browser;
  let closeServer: () => Promise<void>;
  let url = '';
  let shots = '';

  before(async () => {
    const started = await startDemoServer();
    url = started.url;
    closeServer = () => started.server.close();
    browser = await launchChromium();
    shots = screenshotDir(TAG);
  });
  after(async () => {
    await browser?.close();
    await closeServer?.();
  });

  interface Visit {
    context: BrowserContext;
    page: Page;
    blocked: string[];
    requests: RecordedRequest[];
    stream: StreamMessage[];
    errors: string[];
    section: Locator;
    live: Locator;
  }

  async function visit(): Promise<Visit> {
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
    const page = await context.newPage();
    const blocked = await blockInternet(page);
    const requests = recordRequests(page);
    const stream = await recordEventStream(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await recordDomEvents(page, EVENTS);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${url}/`);
    const section = page.locator(`#${TAG}`);
    const live = section.locator(`> div > ${TAG}`);
    await live.locator('[part=status]').waitFor();
    return { context, page, blocked, requests, stream, errors, section, live };
  }

  async function finish(v: Visit): Promise<void> {
    assert.deepEqual(v.blocked, [], 'requests to non-loopback hosts');
    assert.ok(v.requests.every((r) => new URL(r.url).hostname === '127.0.0.1'), 'every request stays on loopback');
    assert.deepEqual(v.errors, [], 'page errors');
    const events = await domEvents(v.page);
    assert.ok(!events.some((e) => e.mentionsSecret), 'no event detail carries a client secret');
    assert.ok(!events.some((e) => e.type === 'swk-error' && e.tag === TAG), 'no swk-error');
    await v.context.close();
  }

  async function setLanguage(page: Page, lang: 'en' | 'ja'): Promise<void> {
    await page.locator('#lang-select').selectOption(lang);
    await page.waitForFunction(
      ([tag, title]) => [...document.querySelectorAll(tag)].every((el) => el.shadowRoot?.querySelector('[part=title]')?.textContent?.trim() === title),
      [TAG, TITLE[lang]] as const,
    );
  }

  /** axe in en and ja, light and dark, with a screenshot each time; ends in English, light. */
  async function checkState(v: Visit, state: string, shoot: Locator = v.live): Promise<void> {
    for (const lang of ['en', 'ja'] as const) {
      await setLanguage(v.page, lang);
      for (const colorScheme of ['light', 'dark'] as const) {
        await v.page.emulateMedia({ colorScheme });
        await assertNoAxeViolations(v.page, `${TAG} ${state} (${lang}, ${colorScheme})`);
        await shoot.screenshot({ path: join(shots, `${state}-${lang}-${colorScheme}.png`), animations: 'disabled' });
      }
    }
    await setLanguage(v.page, 'en');
    await v.page.emulateMedia({ colorScheme: 'light' });
  }

  const part = (widget: Locator, name: string) => widget.locator(`[part=${name}]`);
  const text = async (widget: Locator, name: string) => (await part(widget, name).first().innerText()).trim();
  const gets = (requests: RecordedRequest[], id: string) => requests.filter((r) => r.method === 'GET' && r.url.endsWith(`/api/payment_intents/${id}`));

  it('shows every seeded outcome in English and Japanese, with zero axe violations', async () => {
    const v = await visit();
    await v.page.getByText('Every other outcome').click();
    const seed = (id: string) => v.page.locator(`${TAG}[payment-intent-id="${id}"]`);
    const ids = ['pi_sim_capture_settled', 'pi_sim_capture_settled_jpy', 'pi_sim_capture_overdue', 'pi_sim_processing', 'pi_sim_requires_capture', 'pi_sim_canceled', 'pi_sim_failed'];
    for (const id of ids) await part(seed(id), 'status').waitFor();

    // The live payment: captured, its fee, net, transfer and application fee still to come.
    assert.equal(await text(v.live, 'status'), 'Succeeded');
    assert.equal(await text(v.live, 'amount'), '$100.00');
    assert.equal(await text(v.live, 'captured'), '$100.00');
    for (const name of ['fee', 'net', 'transfer', 'application-fee']) assert.equal(await text(v.live, name), 'Pending', name);
    assert.equal(await part(v.live, 'pending').count(), 4);
    assert.equal(await text(v.live, 'notice'), 'Fees and payouts are finalised shortly, usually within an hour.');
    assert.match(await shadowText(v.live), /Succeeded\. Fees and payouts pending\./, 'the live region says so');

    const settled = seed('pi_sim_capture_settled');
    assert.equal(await text(settled, 'fee'), '$3.20');
    assert.equal(await text(settled, 'net'), '$96.80');
    assert.match(await text(settled, 'transfer'), /^tr_sim_\w+$/);
    assert.match(await text(settled, 'application-fee'), /^\$10\.00 \(fee_sim_\w+\)$/);
    assert.equal(await part(settled, 'pending').count(), 0);
    assert.equal(await part(settled, 'notice').count(), 0);

    const jpy = seed('pi_sim_capture_settled_jpy');
    assert.equal(await text(jpy, 'amount'), '¥5,000');
    assert.equal(await text(jpy, 'fee'), '¥180');
    assert.equal(await text(jpy, 'net'), '¥4,820');
    assert.equal(await part(jpy, 'transfer').count(), 0, 'no Connect rows without Connect');

    const overdue = seed('pi_sim_capture_overdue');
    assert.equal(await text(overdue, 'fee'), 'Pending');
    assert.match(await text(overdue, 'overdue'), /^Still pending\. Stripe usually finalises fees and payouts within an hour; check again later\./);
    assert.equal(await text(overdue, 'check-button'), 'Check again');

    assert.equal(await text(seed('pi_sim_processing'), 'status'), 'Processing');
    assert.equal(await text(seed('pi_sim_processing'), 'summary'), 'The payment is being processed. Its outcome will appear here.');
    assert.equal(await text(seed('pi_sim_requires_capture'), 'status'), 'Authorized');
    assert.equal(await text(seed('pi_sim_requires_capture'), 'capturable'), '$100.00');
    assert.equal(await text(seed('pi_sim_canceled'), 'status'), 'Canceled');
    assert.equal(await text(seed('pi_sim_canceled'), 'reason'), 'Requested by the customer');
    assert.equal(await text(seed('pi_sim_failed'), 'status'), 'Failed');
    assert.equal(await text(seed('pi_sim_failed'), 'reason'), 'Your card has insufficient funds.');
    for (const widget of [v.live, ...ids.map(seed)]) assert.doesNotMatch(await shadowText(widget), BROKEN);

    await setLanguage(v.page, 'ja');
    assert.equal(await text(v.live, 'status'), '成功');
    assert.equal(await text(v.live, 'fee'), '保留中');
    assert.equal(await text(v.live, 'notice'), '手数料と入金額はまもなく確定します (通常 1 時間以内)。');
    assert.match(await text(jpy, 'amount'), /^[¥￥]5,000$/);
    assert.equal(await text(overdue, 'check-button'), 'もう一度確認');
    assert.equal(await text(seed('pi_sim_processing'), 'status'), '処理中');
    assert.equal(await text(seed('pi_sim_requires_capture'), 'status'), 'オーソリ済み');
    assert.equal(await text(seed('pi_sim_canceled'), 'status'), 'キャンセル済み');
    assert.equal(await text(seed('pi_sim_canceled'), 'reason'), '顧客の依頼');
    assert.equal(await text(seed('pi_sim_failed'), 'status'), '失敗');

    await checkState(v, 'outcomes', v.section);

    const loads = (await domEvents(v.page)).filter((e) => e.type === 'swk-load' && e.tag === TAG).map((e) => e.objectId);
    for (const id of ['pi_sim_capture_pending_connect', ...ids]) assert.ok(loads.includes(id), `swk-load for ${id}`);
    await finish(v);
  });

  it('a started Connect payment settles through signed webhooks on /api/events: one part on its own, the rest with "Settle now"', async () => {
    const v = await visit();
    assert.ok(v.requests.some((r) => r.type === 'eventsource' && r.url.endsWith('/api/events')), 'the live widget opened the event stream');

    await v.page.getByRole('button', { name: 'Start a Connect payment' }).click();
    await v.page.waitForFunction((tag) => document.querySelector(`#${tag} > div > ${tag}`)?.getAttribute('payment-intent-id') !== 'pi_sim_capture_pending_connect', TAG);
    const pi = (await v.live.getAttribute('payment-intent-id'))!;
    const charge = `ch_${pi.replace(/^pi_/, '')}`;
    await v.page.waitForFunction((id) => (window as unknown as { __swkEvents: { type: string; objectId?: string }[] }).__swkEvents.some((e) => e.type === 'swk-load' && e.objectId === id), pi);
    assert.equal(await part(v.live, 'pending').count(), 4, 'fee, net, transfer and application fee pending right after capture');

    // About 4 s later the balance transaction arrives by itself: charge.updated on the stream, then fee and net.
    await part(v.live, 'fee').filter({ hasText: /^\$3\.20$/ }).waitFor({ timeout: 10_000 });
    const chargeUpdated = v.stream.find((m) => m.data.type === 'charge.updated' && m.data.id === charge);
    assert.ok(chargeUpdated, `charge.updated for ${charge} came through /api/events`);
    const refetch = gets(v.requests, pi).find((r) => r.at >= chargeUpdated.at - 50);
    assert.ok(refetch && refetch.at - chargeUpdated.at < 2000, 'the widget refetched right after the stream message');
    assert.equal(await text(v.live, 'net'), '$96.80');
    const partly = await part(v.live, 'pending').count();
    assert.ok(partly >= 1 && partly <= 2, `transfer and/or application fee still pending (${partly})`);
    await v.live.screenshot({ path: join(shots, 'partly-settled-en-light.png') });

    await v.page.getByRole('button', { name: /^Settle now/ }).click();
    await part(v.live, 'application-fee').filter({ hasText: /^\$10\.00 \(fee_sim_\w+\)$/ }).waitFor();
    await part(v.live, 'transfer').filter({ hasText: /^tr_sim_\w+$/ }).waitFor();
    assert.equal(await part(v.live, 'pending').count(), 0);
    assert.equal(await part(v.live, 'notice').count(), 0);
    assert.match(await shadowText(v.live), /Succeeded\. Fees and payouts finalised\./);
    const types = v.stream.map((m) => m.data.type);
    for (const type of ['transfer.created', 'application_fee.created']) assert.ok(types.includes(type), `${type} came through /api/events`);

    const settledEvents = (await domEvents(v.page)).filter((e) => e.type === 'swk-capture-settled');
    assert.deepEqual(settledEvents.map((e) => e.objectId), [charge], 'swk-capture-settled once, with the charge');
    await checkState(v, 'settled-live');
    await finish(v);
  });

  it('keyboard only: start, settle, open the outcomes and "Check again", with a visible focus', async () => {
    const v = await visit();
    const stops = await tabUntil(v.page, (f) => f.text === 'Start a payment without Connect');
    assert.ok(stops.at(-1)!.visible, 'focus visible on the start button');
    assert.ok(!stops.some((s) => s.path[0] === TAG), 'a pending payment has nothing to focus');
    const before = await v.live.getAttribute('payment-intent-id');
    await v.page.keyboard.press('Enter');
    await v.page.waitForFunction(([tag, old]) => document.querySelector(`#${tag} > div > ${tag}`)?.getAttribute('payment-intent-id') !== old, [TAG, before] as const);
    const pi = (await v.live.getAttribute('payment-intent-id'))!;
    await v.page.waitForFunction((id) => (window as unknown as { __swkEvents: { type: string; objectId?: string }[] }).__swkEvents.some((e) => e.type === 'swk-load' && e.objectId === id), pi);
    assert.equal(await part(v.live, 'transfer').count(), 0, 'no Connect rows');

    // The demo disables a control while it runs, which drops focus; Tab goes on from where it was.
    await v.page.locator(`#${TAG} button:not([disabled])`, { hasText: 'without Connect' }).waitFor();
    await v.page.keyboard.press('Tab');
    const settle = await deepFocus(v.page);
    assert.match(settle.text, /^Settle now/);
    assert.ok(settle.visible);
    await v.page.keyboard.press('Enter');
    await part(v.live, 'fee').filter({ hasText: /^\$3\.20$/ }).waitFor();
    await v.page.waitForFunction((charge) => (window as unknown as { __swkEvents: { type: string; objectId?: string }[] }).__swkEvents.some((e) => e.type === 'swk-capture-settled' && e.objectId === charge), `ch_${pi.replace(/^pi_/, '')}`);

    await v.page.locator(`#${TAG} button:not([disabled])`, { hasText: 'Settle now' }).waitFor();
    const toSummary = await tabUntil(v.page, (f) => f.path.at(-1) === 'summary', 5);
    assert.ok(toSummary.at(-1)!.visible);
    await v.page.keyboard.press('Enter');
    await part(v.page.locator(`${TAG}[payment-intent-id="pi_sim_capture_overdue"]`), 'check-button').waitFor();

    const toCheck = await tabUntil(v.page, (f) => f.part === 'check-button', 10);
    const check = toCheck.at(-1)!;
    assert.deepEqual(check.path, [TAG, 'button'], 'focus inside the overdue widget');
    assert.ok(check.visible, 'focus ring on "Check again"');
    const checksBefore = gets(v.requests, 'pi_sim_capture_overdue').length;
    await v.page.keyboard.press('Enter');
    for (let i = 0; i < 40 && gets(v.requests, 'pi_sim_capture_overdue').length === checksBefore; i += 1) await v.page.waitForTimeout(50);
    assert.equal(gets(v.requests, 'pi_sim_capture_overdue').length, checksBefore + 1, '"Check again" fetched the payment once');
    assert.equal((await deepFocus(v.page)).part, 'check-button', 'focus stays on "Check again"');
    await finish(v);
  });
});
