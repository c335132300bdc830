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
  setLanguage,
  shadowText,
  tabTo,
  useDemoPage,
  waitForStreamMessage,
  type FocusInfo,
  type OpenOptions,
} from './support/demo-page.js';

// <spt-token-status> through `npm run demo`, as a visitor: the seeded tokens, "Use it", "Grant a new
// token", "Revoke it" (signed webhook → /api/events → refetch) and a token running out of time.

const TAG = 'spt-token-status';
const EVENTS = ['swk-load', 'swk-error', 'swk-token-expired', 'swk-charged'];

describe('<spt-token-status> in the demo', () => {
  const open = useDemoPage({ events: EVENTS });

  /** The demo page with this widget's section and its live widget, loaded. */
  async function visit(options: OpenOptions = {}) {
    const v = await open(options);
    const { section, live } = demoSection(v.page, TAG);
    await partOf(live, 'status').waitFor();
    return { ...v, section, live };
  }

  async function finish(v: Awaited<ReturnType<typeof visit>>): Promise<void> {
    await assertCleanRun(v);
    await v.close();
  }

  const loadsOf = (requests: RecordedRequest[], id: string) => requests.filter((r) => r.method === 'GET' && r.url.endsWith(`/api/shared_payment/granted_tokens/${id}`));

  it('shows the seeded tokens (active, expiring, revoked, used up) in English and Japanese, with zero axe violations', async () => {
    const v = await visit();
    await v.page.getByText('Seeded tokens').click();
    const seed = (id: string) => v.page.locator(`${TAG}[token-id="${id}"]`).last();
    for (const id of ['spt_sim_expiring', 'spt_sim_revoked', 'spt_sim_used']) await partOf(seed(id), 'status').waitFor();

    assert.equal(await partText(v.live, 'status'), 'Active');
    assert.equal(await partText(v.live, 'token-id'), 'spt_sim_active');
    assert.equal(await partText(v.live, 'limit'), '$100.00');
    assert.equal(await partText(v.live, 'payment-method'), 'Visa ending in 4242');
    assert.match(await partText(v.live, 'countdown'), /^(2 hr 5\d min|3 hr)$/);
    assert.equal(await partOf(v.live, 'notice').count(), 0, 'an active token has no "can no longer be used" notice');

    const expiring = seed('spt_sim_expiring');
    assert.equal(await partText(expiring, 'status'), 'Active');
    assert.equal(await partText(expiring, 'limit'), '¥5,000');
    assert.equal(await partText(expiring, 'payment-method'), 'JCB ending in 0005');
    assert.match(await partText(expiring, 'countdown'), /^[12] min$/);

    const revoked = seed('spt_sim_revoked');
    assert.equal(await partText(revoked, 'status'), 'Deactivated');
    assert.equal(await partText(revoked, 'reason'), 'Revoked by the agent');
    assert.equal(await partText(revoked, 'notice'), 'This token can no longer be used for payments.');
    assert.equal(await partOf(revoked, 'countdown').count(), 0);

    const used = seed('spt_sim_used');
    assert.equal(await partText(used, 'status'), 'Deactivated');
    assert.equal(await partText(used, 'reason'), 'Used up (limit reached)');
    assert.equal(await partText(used, 'limit'), '$25.00');
    assert.equal(await partText(used, 'used'), '$25.00 of $25.00');
    assert.equal(await partText(used, 'agent'), 'profile_test_simulated_agent');
    assert.equal(await partText(used, 'payment-method'), 'American Express ending in 8431');
    assert.match(await shadowText(used), /Token deactivated: Used up \(limit reached\)\./, 'the live region says why');

    for (const widget of [v.live, expiring, revoked, used]) assert.doesNotMatch(await shadowText(widget), /NaN|undefined|null|\[object|Invalid Date/);

    await setLanguage(v.page, 'ja');
    assert.equal(await partText(v.live, 'status'), '有効');
    assert.equal(await partText(v.live, 'payment-method'), 'Visa (末尾 4242)');
    assert.match(await partText(v.live, 'countdown'), /時間|分/);
    assert.match(await partText(expiring, 'limit'), /^[¥￥]5,000$/);
    assert.equal(await partText(revoked, 'status'), '無効');
    assert.equal(await partText(revoked, 'reason'), 'エージェントが取り消しました');
    assert.equal(await partText(used, 'reason'), '使用済み (上限額に到達)');
    assert.equal(await partText(used, 'notice'), 'このトークンは決済に使用できなくなりました。');

    await checkEveryLook(v.page, v.section, `${TAG}-seeded`);

    const loads = (await recordedEvents(v.page, 'swk-load')).filter((e) => e.tag === TAG).map(objectId);
    for (const id of ['spt_sim_active', 'spt_sim_expiring', 'spt_sim_revoked', 'spt_sim_used']) assert.ok(loads.includes(id), `swk-load for ${id}: ${loads.join(', ')}`);
    assert.deepEqual(await recordedEvents(v.page, 'swk-error'), [], 'no swk-error');
    await finish(v);
  });

  it('Use it / Grant / Revoke: the signed webhooks reach the widget through /api/events and it refetches', async () => {
    const v = await visit();
    assert.ok(v.requests.some((r) => r.type === 'eventsource' && r.url.endsWith('/api/events')), 'the widget opened the event stream');
    // No refresh-interval on this widget: a refetch can only come from the event stream.
    assert.equal(await v.live.getAttribute('refresh-interval'), null);
    const loadsBefore = loadsOf(v.requests, 'spt_sim_active').length;

    await v.page.getByRole('button', { name: /^Use it/ }).click();
    await partOf(v.live, 'status').filter({ hasText: 'Deactivated' }).waitFor();
    assert.equal(await partText(v.live, 'reason'), 'Used up (limit reached)');
    assert.equal(await partText(v.live, 'notice'), 'This token can no longer be used for payments.');
    assert.match(await shadowText(v.live), /Token deactivated: Used up \(limit reached\)\./);
    const used = v.stream.filter((m) => m.id === 'spt_sim_active').map((m) => m.type);
    assert.deepEqual(used, ['shared_payment.granted_token.used', 'shared_payment.granted_token.deactivated'], 'both signed webhooks came through /api/events');
    const firstMessage = v.stream.find((m) => m.id === 'spt_sim_active')!;
    const refetch = loadsOf(v.requests, 'spt_sim_active').slice(loadsBefore);
    assert.ok(refetch.length >= 1 && refetch[0]!.at >= firstMessage.at - 50, 'the widget refetched after the stream message');
    await checkEveryLook(v.page, v.live, `${TAG}-used`);

    await v.page.getByRole('button', { name: /^Grant a new token/ }).click();
    await partOf(v.live, 'status').filter({ hasText: 'Active' }).waitFor();
    const fresh = await partText(v.live, 'token-id');
    assert.match(fresh, /^spt_sim_\w+$/);
    assert.notEqual(fresh, 'spt_sim_active');
    assert.equal(await partText(v.live, 'limit'), '¥5,000');
    assert.match(await partText(v.live, 'countdown'), /^[12] min$/);
    await checkEveryLook(v.page, v.live, `${TAG}-granted`);

    await v.page.getByRole('button', { name: /^Revoke it/ }).click();
    await partOf(v.live, 'status').filter({ hasText: 'Deactivated' }).waitFor();
    assert.equal(await partText(v.live, 'reason'), 'Revoked by the agent');
    assert.equal(await partOf(v.live, 'countdown').count(), 0);
    assert.deepEqual(
      v.stream.filter((m) => m.id === fresh).map((m) => m.type),
      ['shared_payment.granted_token.deactivated'],
    );
    await checkEveryLook(v.page, v.live, `${TAG}-revoked`);

    const liveLoads = (await recordedEvents(v.page, 'swk-load')).map(objectId);
    assert.ok(liveLoads.filter((id) => id === 'spt_sim_active').length >= 2, 'loaded, then reloaded after the webhooks');
    assert.ok(liveLoads.filter((id) => id === fresh).length >= 2, 'the new token loaded, then reloaded after revoke');
    assert.deepEqual(await recordedEvents(v.page, 'swk-token-expired'), [], 'nothing expired');
    const log = await v.page.locator(`#${TAG} [role=log]`).innerText();
    assert.match(log, new RegExp(`simulator: ${fresh} revoked; signed webhook sent`));
    await finish(v);
  });

  it('charges a granted token through the simulator: the PaymentIntent, swk-charged, .used on the stream, the token refetched', async () => {
    const v = await visit();
    const charges: { key: string | null; body: string | null }[] = [];
    v.page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/payment_intents')) charges.push({ key: request.headers()['idempotency-key'] ?? null, body: request.postData() });
    });
    await v.page.getByRole('button', { name: 'New $100.00 token to charge' }).click();
    const charging = v.section.locator(`div > div > ${TAG}[charge-amount="2500"]`);
    await partOf(charging, 'status').filter({ hasText: 'Active' }).waitFor();
    const id = await partText(charging, 'token-id');
    assert.equal(await charging.getAttribute('state'), 'active');
    await checkEveryLook(v.page, charging, `${TAG}-chargeable`, { en: ['Charge $25.00'], ja: ['請求する ($25.00)'] });
    await setLanguage(v.page, 'en');

    await charging.getByRole('button', { name: /^Charge \$25\.00$/ }).click();
    await partOf(charging, 'charge-result').filter({ hasText: 'Payment of $25.00: Succeeded' }).waitFor();
    const charged = (await recordedEvents(v.page, 'swk-charged')).at(-1)!;
    const intent = (charged.detail as { paymentIntent: { id: string; status: string; amount: number; client_secret?: string } }).paymentIntent;
    assert.match(intent.id, /^pi_sim_spt_/);
    assert.equal(intent.status, 'succeeded');
    assert.equal(intent.amount, 2500);
    assert.equal(intent.client_secret, undefined);
    assert.deepEqual(JSON.parse(charges[0]!.body!), { amount: 2500, currency: 'usd' });
    assert.match(charges[0]!.key ?? '', /^swk_/);
    await waitForStreamMessage(v.page, 'shared_payment.granted_token.used', id);
    await partOf(charging, 'used').filter({ hasText: '$25.00 of $100.00' }).waitFor();
    assert.equal(await charging.getByRole('button', { name: /^Charge/ }).count(), 0, 'one charge per token and amount');
    await checkEveryLook(v.page, charging, `${TAG}-charged`, { en: ['Payment of $25.00: Succeeded'], ja: ['$25.00 の支払い: 成功'] });
    await finish(v);
  });

  it("shows Stripe's decline from the simulator and retries it with the same Idempotency-Key", async () => {
    const v = await visit();
    const keys: (string | undefined)[] = [];
    v.page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/payment_intents')) keys.push(request.headers()['idempotency-key']);
    });
    await v.page.getByRole('button', { name: 'New token whose card Stripe declines' }).click();
    const charging = v.section.locator(`div > div > ${TAG}[charge-amount="2500"]`);
    await partOf(charging, 'status').filter({ hasText: 'Active' }).waitFor();
    await charging.getByRole('button', { name: /^Charge \$25\.00$/ }).click();
    await partOf(charging, 'charge-error').filter({ hasText: 'Your card was declined.' }).waitFor();
    assert.match(await partText(charging, 'charge-error'), /The charge failed/);
    await checkEveryLook(v.page, charging, `${TAG}-declined`, { en: ['Your card was declined.'], ja: ['請求できませんでした'] });
    await setLanguage(v.page, 'en');
    const retried = v.page.waitForResponse((response) => response.url().endsWith('/payment_intents'));
    await charging.locator('[part="charge-error"] [part="retry-button"]').click();
    assert.equal((await retried).status(), 402, 'the simulator replays the decline');
    await partOf(charging, 'charge-error').filter({ hasText: 'Your card was declined.' }).waitFor();
    assert.equal(keys.length, 2);
    assert.equal(keys[1], keys[0], 'the retry replays the same action');
    const errors = (await recordedEvents(v.page, 'swk-error')).filter((e) => e.tag === TAG);
    assert.ok(errors.some((e) => (e.detail as { error: { code?: string } }).error.code === 'card_declined'));
    assert.deepEqual(await recordedEvents(v.page, 'swk-charged'), []);
    await finish(v);
  });

  it('lets a token run out of time: the badge turns Expired and swk-token-expired fires once', async () => {
    const v = await visit({ beforeGoto: (page) => page.clock.install() });
    await v.page.getByRole('button', { name: /^Grant a new token/ }).click();
    await partOf(v.live, 'status').filter({ hasText: 'Active' }).waitFor();
    const fresh = await partText(v.live, 'token-id');
    assert.match(await partText(v.live, 'countdown'), /^[12] min$/);

    // The visitor waits a minute: the countdown moves without any request.
    await v.page.clock.fastForward('01:01');
    await partOf(v.live, 'countdown').filter({ hasText: /^(1 min|\d+ sec)$/ }).waitFor();
    assert.equal(await partText(v.live, 'status'), 'Active');

    await v.page.clock.fastForward('01:05');
    await partOf(v.live, 'status').filter({ hasText: 'Expired' }).waitFor();
    assert.equal(await partOf(v.live, 'countdown').count(), 0);
    assert.equal(await partText(v.live, 'notice'), 'This token can no longer be used for payments.');
    assert.match(await shadowText(v.live), /Token expired\./);
    const expired = (await recordedEvents(v.page, 'swk-token-expired')).filter((e) => objectId(e) === fresh);
    assert.equal(expired.length, 1, 'swk-token-expired fired once for the token shown');
    // fastForward runs every timer due in those 30 s before it resolves; the read below is a later task.
    await v.page.clock.fastForward('00:30');
    assert.equal((await recordedEvents(v.page, 'swk-token-expired')).filter((e) => objectId(e) === fresh).length, 1, 'and not again');

    await setLanguage(v.page, 'ja');
    assert.equal(await partText(v.live, 'status'), '期限切れ');
    await checkEveryLook(v.page, v.live, `${TAG}-expired`);
    await finish(v);
  });

  it('keyboard only: the section controls are reachable in order with a visible focus, and Enter drives the token', async () => {
    const v = await visit();
    const grant = await tabTo(v.page, (f) => f.text.startsWith('Grant a new token'), 'Grant a new token', { max: 150 });
    assert.ok(grant.passed.every((s) => s?.hosts[0] !== TAG), 'nothing inside a ready token is focusable');
    const order: (FocusInfo | null)[] = [grant];
    for (let i = 0; i < 3; i += 1) {
      await v.page.keyboard.press('Tab');
      order.push(await focused(v.page));
    }
    for (const f of order) assertFocusVisible(f, 'each section control');
    assert.deepEqual(
      order.map((f) => (f?.tag === 'summary' ? 'summary' : f?.text.split(' (')[0])),
      ['Grant a new token expiring in 2 minutes', 'Use it', 'Revoke it', 'summary'],
    );

    // Back to "Grant" and press Enter: a fresh token shows; then "Use it" with Enter uses it.
    for (let i = 0; i < 3; i += 1) await v.page.keyboard.press('Shift+Tab');
    assert.match((await focused(v.page))?.text ?? '', /^Grant a new token/);
    const before = await partText(v.live, 'token-id');
    await v.page.keyboard.press('Enter');
    await partOf(v.live, 'token-id').filter({ hasNotText: before }).waitFor();
    await partOf(v.live, 'status').filter({ hasText: 'Active' }).waitFor();
    await v.page.locator(`#${TAG} button:not([aria-disabled=true])`, { hasText: 'Grant' }).waitFor();
    // The demo disables a control while it runs, which drops focus; Tab goes on from where it was.
    await v.page.keyboard.press('Tab');
    assert.match((await focused(v.page))?.text ?? '', /^Use it/);
    await v.page.keyboard.press('Enter');
    await partOf(v.live, 'status').filter({ hasText: 'Deactivated' }).waitFor();
    assert.equal(await partText(v.live, 'reason'), 'Used up (limit reached)');

    await v.page.locator(`#${TAG} button:not([aria-disabled=true])`, { hasText: 'Use it' }).waitFor();

    // On to the summary, which opens the seeded tokens with Enter.
    await v.page.keyboard.press('Tab');
    assert.match((await focused(v.page))?.text ?? '', /^Revoke it/);
    await v.page.keyboard.press('Tab');
    const atSummary = await focused(v.page);
    assert.equal(atSummary?.tag, 'summary', JSON.stringify(atSummary));
    assertFocusVisible(atSummary, 'the seeded tokens summary');
    await v.page.keyboard.press('Enter');
    await partOf(v.page.locator(`${TAG}[token-id="spt_sim_revoked"]`), 'status').waitFor();
    await finish(v);
  });
});
