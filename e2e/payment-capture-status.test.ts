import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecordedRequest } from './support/demo-page.js';
import {
  assertCleanRun,
  assertFocusVisible,
  checkEveryLook,
  demoSection,
  focused,
  objectId,
  partOf,
  partText,
  recordedEvents,
  screenshot,
  setLanguage,
  shadowText,
  tabTo,
  useDemoPage,
  waitForEvent,
} from './support/demo-page.js';

// <payment-capture-status> through `npm run demo`, as a visitor: every seeded outcome, a payment
// started by the demo whose parts arrive as signed webhooks, "Settle now", "Check again", keyboard only.

const TAG = 'payment-capture-status';
const EVENTS = ['swk-load', 'swk-error', 'swk-capture-settled'];
const BROKEN = /NaN|undefined|null|\[object|Invalid Date/;

describe('<payment-capture-status> in the demo', () => {
  const open = useDemoPage({ events: EVENTS });

  /** The demo page with this widget's section and its live widget, loaded. */
  async function visit() {
    const v = await open();
    const { section, live } = demoSection(v.page, TAG);
    await partOf(live, 'status').waitFor();
    return { ...v, section, live };
  }

  async function finish(v: Awaited<ReturnType<typeof visit>>): Promise<void> {
    await assertCleanRun(v);
    assert.ok(!(await recordedEvents(v.page, 'swk-error')).some((e) => e.tag === TAG), 'no swk-error');
    await v.close();
  }

  const gets = (requests: RecordedRequest[], id: string) => requests.filter((r) => r.method === 'GET' && r.url.endsWith(`/api/payment_intents/${id}`));

  it('shows every seeded outcome in English and Japanese, with zero axe violations', async () => {
    const v = await visit();
    await v.page.getByText('Every other outcome').click();
    const seed = (id: string) => v.page.locator(`${TAG}[payment-intent-id="${id}"]`);
    const ids = ['pi_sim_capture_settled', 'pi_sim_capture_settled_jpy', 'pi_sim_capture_overdue', 'pi_sim_processing', 'pi_sim_requires_capture', 'pi_sim_canceled', 'pi_sim_failed'];
    for (const id of ids) await partOf(seed(id), 'status').waitFor();

    // The live payment: captured, its fee, net, transfer and application fee still to come.
    assert.equal(await partText(v.live, 'status'), 'Succeeded');
    assert.equal(await partText(v.live, 'amount'), '$100.00');
    assert.equal(await partText(v.live, 'captured'), '$100.00');
    for (const name of ['fee', 'net', 'transfer']) assert.equal(await partText(v.live, name), 'Pending', name);
    // The application fee amount is known at capture: shown beside "Pending" until the fee object exists.
    assert.equal(await partText(v.live, 'application-fee'), '$10.00 Pending');
    assert.equal(await partOf(v.live, 'pending').count(), 4);
    assert.equal(await partText(v.live, 'notice'), 'The fees and transfers are finalised shortly, usually within an hour.');
    assert.match(await shadowText(v.live), /Succeeded\. The fees and transfers are pending\./, 'the live region says so');

    const settled = seed('pi_sim_capture_settled');
    assert.equal(await partText(settled, 'fee'), '$3.20');
    assert.equal(await partText(settled, 'net'), '$96.80');
    assert.match(await partText(settled, 'transfer'), /^tr_sim_\w+$/);
    assert.match(await partText(settled, 'application-fee'), /^\$10\.00 \(fee_sim_\w+\)$/);
    assert.equal(await partOf(settled, 'pending').count(), 0);
    assert.equal(await partOf(settled, 'notice').count(), 0);

    const jpy = seed('pi_sim_capture_settled_jpy');
    assert.equal(await partText(jpy, 'amount'), '¥5,000');
    assert.equal(await partText(jpy, 'fee'), '¥180');
    assert.equal(await partText(jpy, 'net'), '¥4,820');
    assert.equal(await partOf(jpy, 'transfer').count(), 0, 'no Connect rows without Connect');

    const overdue = seed('pi_sim_capture_overdue');
    assert.equal(await partText(overdue, 'fee'), 'Pending');
    assert.match(await partText(overdue, 'overdue'), /^Still pending\. Stripe usually finalises the fees within an hour; check again later\./);
    assert.equal(await partText(overdue, 'check-button'), 'Check again');

    assert.equal(await partText(seed('pi_sim_processing'), 'status'), 'Processing');
    assert.equal(await partText(seed('pi_sim_processing'), 'summary'), 'The payment is being processed. Its outcome will appear here.');
    assert.equal(await partText(seed('pi_sim_requires_capture'), 'status'), 'Authorized');
    assert.equal(await partText(seed('pi_sim_requires_capture'), 'capturable'), '$100.00');
    assert.equal(await partText(seed('pi_sim_canceled'), 'status'), 'Canceled');
    assert.equal(await partText(seed('pi_sim_canceled'), 'reason'), 'Requested by the customer');
    assert.equal(await partText(seed('pi_sim_failed'), 'status'), 'Failed');
    assert.equal(await partText(seed('pi_sim_failed'), 'reason'), 'Your card has insufficient funds.');
    for (const widget of [v.live, ...ids.map(seed)]) assert.doesNotMatch(await shadowText(widget), BROKEN);

    await setLanguage(v.page, 'ja');
    assert.equal(await partText(v.live, 'status'), '成功');
    assert.equal(await partText(v.live, 'fee'), '保留中');
    assert.equal(await partText(v.live, 'notice'), '手数料と送金はまもなく確定します (通常 1 時間以内)。');
    assert.match(await partText(jpy, 'amount'), /^[¥￥]5,000$/);
    assert.equal(await partText(overdue, 'check-button'), 'もう一度確認');
    assert.equal(await partText(seed('pi_sim_processing'), 'status'), '処理中');
    assert.equal(await partText(seed('pi_sim_requires_capture'), 'status'), 'オーソリ済み');
    assert.equal(await partText(seed('pi_sim_canceled'), 'status'), 'キャンセル済み');
    assert.equal(await partText(seed('pi_sim_canceled'), 'reason'), '顧客の依頼');
    assert.equal(await partText(seed('pi_sim_failed'), 'status'), '失敗');

    await checkEveryLook(v.page, v.section, `${TAG}-outcomes`);

    const loads = (await recordedEvents(v.page, 'swk-load')).filter((e) => e.tag === TAG).map(objectId);
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
    await waitForEvent(v.page, 'swk-load', 0, (e) => objectId(e) === pi, 10_000);
    assert.equal(await partOf(v.live, 'pending').count(), 4, 'fee, net, transfer and application fee pending right after capture');

    // About 4 s later the balance transaction arrives by itself: charge.updated on the stream, then fee and net.
    await partOf(v.live, 'fee').filter({ hasText: /^\$3\.20$/ }).waitFor({ timeout: 10_000 });
    const chargeUpdated = v.stream.find((m) => m.type === 'charge.updated' && m.id === charge);
    assert.ok(chargeUpdated, `charge.updated for ${charge} came through /api/events`);
    const refetch = gets(v.requests, pi).find((r) => r.at >= chargeUpdated.at - 50);
    assert.ok(refetch && refetch.at - chargeUpdated.at < 2000, 'the widget refetched right after the stream message');
    assert.equal(await partText(v.live, 'net'), '$96.80');
    const partly = await partOf(v.live, 'pending').count();
    assert.ok(partly >= 1 && partly <= 2, `transfer and/or application fee still pending (${partly})`);
    await screenshot(v.live, `${TAG}-partly-settled-en-light`);

    await v.page.getByRole('button', { name: /^Settle now/ }).click();
    await partOf(v.live, 'application-fee').filter({ hasText: /^\$10\.00 \(fee_sim_\w+\)$/ }).waitFor();
    await partOf(v.live, 'transfer').filter({ hasText: /^tr_sim_\w+$/ }).waitFor();
    assert.equal(await partOf(v.live, 'pending').count(), 0);
    assert.equal(await partOf(v.live, 'notice').count(), 0);
    assert.match(await shadowText(v.live), /Succeeded\. The fees and transfers are finalised\./);
    const types = v.stream.map((m) => m.type);
    for (const type of ['transfer.created', 'application_fee.created']) assert.ok(types.includes(type), `${type} came through /api/events`);
    // Seed 003: at capture Stripe sends charge.succeeded and payment_intent.succeeded (balance_transaction null).
    assert.ok(v.stream.some((m) => m.type === 'charge.succeeded' && m.id === charge), 'charge.succeeded at capture');
    assert.ok(v.stream.some((m) => m.type === 'payment_intent.succeeded' && m.id === pi), 'payment_intent.succeeded at capture');

    const settledEvents = await recordedEvents(v.page, 'swk-capture-settled');
    assert.deepEqual(settledEvents.map(objectId), [charge], 'swk-capture-settled once, with the charge');
    await checkEveryLook(v.page, v.live, `${TAG}-settled-live`);
    await finish(v);
  });

  it('keyboard only: start, settle, open the outcomes and "Check again", with a visible focus', async () => {
    const v = await visit();
    const start = await tabTo(v.page, (f) => f.text === 'Start a payment without Connect', 'the start button', { max: 150 });
    assert.ok(!start.passed.some((s) => s?.hosts[0] === TAG), 'a pending payment has nothing to focus');
    const before = await v.live.getAttribute('payment-intent-id');
    await v.page.keyboard.press('Enter');
    await v.page.waitForFunction(([tag, old]) => document.querySelector(`#${tag} > div > ${tag}`)?.getAttribute('payment-intent-id') !== old, [TAG, before] as const);
    const pi = (await v.live.getAttribute('payment-intent-id'))!;
    await waitForEvent(v.page, 'swk-load', 0, (e) => objectId(e) === pi, 10_000);
    assert.equal(await partOf(v.live, 'transfer').count(), 0, 'no Connect rows');

    // The demo disables a control while it runs, which drops focus; Tab goes on from where it was.
    await v.page.locator(`#${TAG} button:not([aria-disabled=true])`, { hasText: 'without Connect' }).waitFor();
    await v.page.keyboard.press('Tab');
    const settle = await focused(v.page);
    assertFocusVisible(settle, 'Settle now');
    assert.match(settle.text, /^Settle now/);
    await v.page.keyboard.press('Enter');
    await partOf(v.live, 'fee').filter({ hasText: /^\$3\.20$/ }).waitFor();
    await waitForEvent(v.page, 'swk-capture-settled', 0, (e) => objectId(e) === `ch_${pi.replace(/^pi_/, '')}`, 10_000);

    await v.page.locator(`#${TAG} button:not([aria-disabled=true])`, { hasText: 'Settle now' }).waitFor();
    await tabTo(v.page, (f) => f.tag === 'summary', 'the outcomes summary', { max: 5 });
    await v.page.keyboard.press('Enter');
    await partOf(v.page.locator(`${TAG}[payment-intent-id="pi_sim_capture_overdue"]`), 'check-button').waitFor();

    const check = await tabTo(v.page, (f) => f.part === 'check-button', 'focus ring on "Check again"', { max: 10 });
    assert.deepEqual([...check.hosts, check.tag], [TAG, 'button'], 'focus inside the overdue widget');
    const checksBefore = gets(v.requests, 'pi_sim_capture_overdue').length;
    await v.page.keyboard.press('Enter');
    for (let i = 0; i < 40 && gets(v.requests, 'pi_sim_capture_overdue').length === checksBefore; i += 1) await v.page.waitForTimeout(50);
    assert.equal(gets(v.requests, 'pi_sim_capture_overdue').length, checksBefore + 1, '"Check again" fetched the payment once');
    assert.equal((await focused(v.page))?.part, 'check-button', 'focus stays on "Check again"');
    await finish(v);
  });
});
