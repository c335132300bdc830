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

// <spt-token-status> through `npm run demo`, as a visitor: the seeded tokens, "Use it", "Grant a new
// token", "Revoke it" (signed webhook → /api/events → refetch) and a token running out of time.

const TAG = 'spt-token-status';
const EVENTS = ['swk-load', 'swk-error', 'swk-token-expired'];
const TITLE = { en: 'Shared payment token', ja: '共有決済トークン' } as const;

describe('<spt-token-status> in the demo', () => {
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

  async function visit(options: { fakeClock?: boolean } = {}): Promise<Visit> {
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
    const page = await context.newPage();
    if (options.fakeClock) await page.clock.install();
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
    await v.context.close();
  }

  async function setLanguage(page: Page, lang: 'en' | 'ja'): Promise<void> {
    await page.locator('#lang-select').selectOption(lang);
    await page.waitForFunction(
      ([tag, title]) => [...document.querySelectorAll(tag)].every((el) => el.shadowRoot?.querySelector('[part=title]')?.textContent?.trim() === title),
      [TAG, TITLE[lang]] as const,
    );
  }

  /** axe in en and ja, light and dark, with a screenshot of the section each time; ends in English, light. */
  async function checkState(v: Visit, state: string, shoot: Locator = v.live): Promise<void> {
    const started = Date.now();
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
    if (process.env.SWK_E2E_TIMING) console.log(`${state}: ${Date.now() - started} ms`);
  }

  const part = (widget: Locator, name: string) => widget.locator(`[part=${name}]`);
  const text = async (widget: Locator, name: string) => ((await part(widget, name).innerText()) ?? '').trim();
  const loadsOf = (requests: RecordedRequest[], id: string) => requests.filter((r) => r.method === 'GET' && r.url.endsWith(`/api/shared_payment/granted_tokens/${id}`));

  it('shows the seeded tokens (active, expiring, revoked, used up) in English and Japanese, with zero axe violations', async () => {
    const v = await visit();
    await v.page.getByText('Seeded tokens').click();
    const seed = (id: string) => v.page.locator(`${TAG}[token-id="${id}"]`).last();
    for (const id of ['spt_sim_expiring', 'spt_sim_revoked', 'spt_sim_used']) await part(seed(id), 'status').waitFor();

    assert.equal(await text(v.live, 'status'), 'Active');
    assert.equal(await text(v.live, 'token-id'), 'spt_sim_active');
    assert.equal(await text(v.live, 'limit'), '$100.00');
    assert.equal(await text(v.live, 'payment-method'), 'Visa ending in 4242');
    assert.match(await text(v.live, 'countdown'), /^(2 hr 5\d min|3 hr)$/);
    assert.equal(await part(v.live, 'notice').count(), 0, 'an active token has no "can no longer be used" notice');

    const expiring = seed('spt_sim_expiring');
    assert.equal(await text(expiring, 'status'), 'Active');
    assert.equal(await text(expiring, 'limit'), '¥5,000');
    assert.equal(await text(expiring, 'payment-method'), 'JCB ending in 0005');
    assert.match(await text(expiring, 'countdown'), /^[12] min$/);

    const revoked = seed('spt_sim_revoked');
    assert.equal(await text(revoked, 'status'), 'Deactivated');
    assert.equal(await text(revoked, 'reason'), 'Revoked by the agent');
    assert.equal(await text(revoked, 'notice'), 'This token can no longer be used for payments.');
    assert.equal(await part(revoked, 'countdown').count(), 0);

    const used = seed('spt_sim_used');
    assert.equal(await text(used, 'status'), 'Deactivated');
    assert.equal(await text(used, 'reason'), 'Used up (limit reached)');
    assert.equal(await text(used, 'limit'), '$25.00');
    assert.equal(await text(used, 'payment-method'), 'American Express ending in 8431');
    assert.match(await shadowText(used), /Token deactivated: Used up \(limit reached\)\./, 'the live region says why');

    for (const widget of [v.live, expiring, revoked, used]) assert.doesNotMatch(await shadowText(widget), /NaN|undefined|null|\[object|Invalid Date/);

    await setLanguage(v.page, 'ja');
    assert.equal(await text(v.live, 'status'), '有効');
    assert.equal(await text(v.live, 'payment-method'), 'Visa (末尾 4242)');
    assert.match(await text(v.live, 'countdown'), /時間|分/);
    assert.match(await text(expiring, 'limit'), /^[¥￥]5,000$/);
    assert.equal(await text(revoked, 'status'), '無効');
    assert.equal(await text(revoked, 'reason'), 'エージェントが取り消しました');
    assert.equal(await text(used, 'reason'), '使用済み (上限額に到達)');
    assert.equal(await text(used, 'notice'), 'このトークンは決済に使用できなくなりました。');

    await checkState(v, 'seeded', v.section);

    const loads = (await domEvents(v.page)).filter((e) => e.type === 'swk-load' && e.tag === TAG).map((e) => e.objectId);
    for (const id of ['spt_sim_active', 'spt_sim_expiring', 'spt_sim_revoked', 'spt_sim_used']) assert.ok(loads.includes(id), `swk-load for ${id}: ${loads.join(', ')}`);
    assert.ok(!(await domEvents(v.page)).some((e) => e.type === 'swk-error'), 'no swk-error');
    await finish(v);
  });

  it('Use it / Grant / Revoke: the signed webhooks reach the widget through /api/events and it refetches', async () => {
    const v = await visit();
    assert.ok(v.requests.some((r) => r.type === 'eventsource' && r.url.endsWith('/api/events')), 'the widget opened the event stream');
    // No refresh-interval on this widget: a refetch can only come from the event stream.
    assert.equal(await v.live.getAttribute('refresh-interval'), null);
    const loadsBefore = loadsOf(v.requests, 'spt_sim_active').length;

    await v.page.getByRole('button', { name: /^Use it/ }).click();
    await part(v.live, 'status').filter({ hasText: 'Deactivated' }).waitFor();
    assert.equal(await text(v.live, 'reason'), 'Used up (limit reached)');
    assert.equal(await text(v.live, 'notice'), 'This token can no longer be used for payments.');
    assert.match(await shadowText(v.live), /Token deactivated: Used up \(limit reached\)\./);
    const used = v.stream.filter((m) => m.data.id === 'spt_sim_active').map((m) => m.data.type);
    assert.deepEqual(used, ['shared_payment.granted_token.used', 'shared_payment.granted_token.deactivated'], 'both signed webhooks came through /api/events');
    const firstMessage = v.stream.find((m) => m.data.id === 'spt_sim_active')!;
    const refetch = loadsOf(v.requests, 'spt_sim_active').slice(loadsBefore);
    assert.ok(refetch.length >= 1 && refetch[0]!.at >= firstMessage.at - 50, 'the widget refetched after the stream message');
    await checkState(v, 'used');

    await v.page.getByRole('button', { name: /^Grant a new token/ }).click();
    await part(v.live, 'status').filter({ hasText: 'Active' }).waitFor();
    const fresh = await text(v.live, 'token-id');
    assert.match(fresh, /^spt_sim_\w+$/);
    assert.notEqual(fresh, 'spt_sim_active');
    assert.equal(await text(v.live, 'limit'), '¥5,000');
    assert.match(await text(v.live, 'countdown'), /^[12] min$/);
    await checkState(v, 'granted');

    await v.page.getByRole('button', { name: /^Revoke it/ }).click();
    await part(v.live, 'status').filter({ hasText: 'Deactivated' }).waitFor();
    assert.equal(await text(v.live, 'reason'), 'Revoked by the agent');
    assert.equal(await part(v.live, 'countdown').count(), 0);
    assert.deepEqual(
      v.stream.filter((m) => m.data.id === fresh).map((m) => m.data.type),
      ['shared_payment.granted_token.deactivated'],
    );
    await checkState(v, 'revoked');

    const events = await domEvents(v.page);
    const liveLoads = events.filter((e) => e.type === 'swk-load' && (e.objectId === 'spt_sim_active' || e.objectId === fresh));
    assert.ok(liveLoads.filter((e) => e.objectId === 'spt_sim_active').length >= 2, 'loaded, then reloaded after the webhooks');
    assert.ok(liveLoads.filter((e) => e.objectId === fresh).length >= 2, 'the new token loaded, then reloaded after revoke');
    assert.ok(!events.some((e) => e.type === 'swk-token-expired'), 'nothing expired');
    const log = await v.page.locator(`#${TAG} [role=log]`).innerText();
    assert.match(log, new RegExp(`simulator: ${fresh} revoked; signed webhook sent`));
    await finish(v);
  });

  it('lets a token run out of time: the badge turns Expired and swk-token-expired fires once', async () => {
    const v = await visit({ fakeClock: true });
    await v.page.getByRole('button', { name: /^Grant a new token/ }).click();
    await part(v.live, 'status').filter({ hasText: 'Active' }).waitFor();
    const fresh = await text(v.live, 'token-id');
    assert.match(await text(v.live, 'countdown'), /^[12] min$/);

    // The visitor waits a minute: the countdown moves without any request.
    await v.page.clock.fastForward('01:01');
    await part(v.live, 'countdown').filter({ hasText: /^(1 min|\d+ sec)$/ }).waitFor();
    assert.equal(await text(v.live, 'status'), 'Active');

    await v.page.clock.fastForward('01:05');
    await part(v.live, 'status').filter({ hasText: 'Expired' }).waitFor();
    assert.equal(await part(v.live, 'countdown').count(), 0);
    assert.equal(await text(v.live, 'notice'), 'This token can no longer be used for payments.');
    assert.match(await shadowText(v.live), /Token expired\./);
    const expired = (await domEvents(v.page)).filter((e) => e.type === 'swk-token-expired' && e.objectId === fresh);
    assert.equal(expired.length, 1, 'swk-token-expired fired once for the token shown');
    await v.page.clock.fastForward('00:30');
    await v.page.waitForTimeout(100);
    assert.equal((await domEvents(v.page)).filter((e) => e.type === 'swk-token-expired' && e.objectId === fresh).length, 1, 'and not again');

    await setLanguage(v.page, 'ja');
    assert.equal(await text(v.live, 'status'), '期限切れ');
    await checkState(v, 'expired');
    await finish(v);
  });

  it('keyboard only: the section controls are reachable in order with a visible focus, and Enter drives the token', async () => {
    const v = await visit();
    const stops = await tabUntil(v.page, (f) => f.text.startsWith('Grant a new token'));
    assert.ok(stops.every((s) => s.path[0] !== TAG), 'nothing inside a ready token is focusable');
    const order = [stops.at(-1)!];
    for (let i = 0; i < 3; i += 1) {
      await v.page.keyboard.press('Tab');
      order.push(await deepFocus(v.page));
    }
    for (const f of order) assert.ok(f.visible, `focus is visible on ${f.path.join('>')} "${f.text.slice(0, 40)}"`);
    assert.deepEqual(
      order.map((f) => (f.path.at(-1) === 'summary' ? 'summary' : f.text.split(' (')[0])),
      ['Grant a new token expiring in 2 minutes', 'Use it', 'Revoke it', 'summary'],
    );

    // Back to "Grant" and press Enter: a fresh token shows; then "Use it" with Enter uses it.
    for (let i = 0; i < 3; i += 1) await v.page.keyboard.press('Shift+Tab');
    assert.match((await deepFocus(v.page)).text, /^Grant a new token/);
    const before = await text(v.live, 'token-id');
    await v.page.keyboard.press('Enter');
    await part(v.live, 'token-id').filter({ hasNotText: before }).waitFor();
    await part(v.live, 'status').filter({ hasText: 'Active' }).waitFor();
    await v.page.locator(`#${TAG} button:not([disabled])`, { hasText: 'Grant' }).waitFor();
    // The demo disables a control while it runs, which drops focus; Tab goes on from where it was.
    await v.page.keyboard.press('Tab');
    assert.match((await deepFocus(v.page)).text, /^Use it/);
    await v.page.keyboard.press('Enter');
    await part(v.live, 'status').filter({ hasText: 'Deactivated' }).waitFor();
    assert.equal(await text(v.live, 'reason'), 'Used up (limit reached)');

    await v.page.locator(`#${TAG} button:not([disabled])`, { hasText: 'Use it' }).waitFor();

    // On to the summary, which opens the seeded tokens with Enter.
    await v.page.keyboard.press('Tab');
    assert.match((await deepFocus(v.page)).text, /^Revoke it/);
    await v.page.keyboard.press('Tab');
    const atSummary = await deepFocus(v.page);
    assert.equal(atSummary.path.at(-1), 'summary', JSON.stringify(atSummary));
    assert.ok(atSummary.visible);
    await v.page.keyboard.press('Enter');
    await part(v.page.locator(`${TAG}[token-id="spt_sim_revoked"]`), 'status').waitFor();
    await finish(v);
  });
});
