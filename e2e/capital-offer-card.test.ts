// <capital-offer-card> end to end, through `npm run demo`'s page in simulator mode: the visitor
// replaces the live offer (the simulator sends the signed capital.financing_offer.replacement_created
// webhook; the card hears it on /api/events and follows the replacement), reviews offers, opens the
// history, and looks at every card the demo shows; axe in en/ja × light/dark; keyboard only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  assertCleanRun,
  checkEveryLook,
  eventCount,
  screenshot,
  shadowText,
  shownText,
  tabTo,
  useDemoPage,
  waitForEvent,
  waitForStreamMessage,
} from './support/demo-page.js';
import { STATUSES } from '../test/capital-offer-card/statuses.js';

const EVENTS = ['swk-load', 'swk-error', 'swk-offer-replaced', 'swk-offer-action', 'swk-offer-delivered'];
const LIVE_OFFER = 'financingoffer_live_demo';

interface Offer {
  id: string;
  status: string;
}
interface ReplacedDetail {
  previousOfferId: string;
  offerId: string;
  offer: Offer | null;
}


describe('<capital-offer-card> on the demo page', () => {
  const open = useDemoPage({ events: EVENTS });

  /** The demo's cards: live (replaceable), the seed's story, the story with no-follow, JPY, the account's current offer, then every status. */
  const cards = (page: Page) => {
    const all = page.locator('#capital-offer-card capital-offer-card');
    return { all, live: all.nth(0), story: all.nth(1), noFollow: all.nth(2), jpy: all.nth(3), current: all.nth(4), status: (i: number) => all.nth(5 + i) };
  };
  const replaceControl = (page: Page) => page.getByRole('button', { name: /^Replace this offer/ });

  it('replaces the live offer through the signed webhook and event stream, and shows every card the demo has', async () => {
    const demo = await open();
    const { page } = demo;
    const { live, story, noFollow, jpy, current, status } = cards(page);

    // The live offer, delivered: amount, terms, note, Review offer.
    await shownText(live, '$3,000.00').waitFor();
    for (const text of ['Available', 'This offer is ready for you. Review it to apply.', '$300.00', '$3,300.00', '15% of each sale', 'Flex loan', 'Offer expires']) {
      await shownText(live, text).waitFor({ timeout: 2000 }).catch(async () => assert.fail(`live offer lacks "${text}": ${await shadowText(live)}`));
    }
    await shownText(current, '$10,000.00').waitFor();
    await checkEveryLook(page, live, 'capital-offer-card-delivered', {
      en: ['Financing offer', '$3,000.00', 'Review offer'],
      ja: ['融資オファー', '融資額', '提供中', 'オファーを確認', '売上ごとに 15%'],
    });

    // Review offer: swk-offer-action with the offer shown.
    let mark = await eventCount(page);
    await live.getByRole('button', { name: 'Review offer' }).click();
    const action = await waitForEvent(page, 'swk-offer-action', mark);
    assert.equal((action.detail as { offer: Offer }).offer.id, LIVE_OFFER);
    assert.equal(action.index, 0);

    // Replace: the signed webhook reaches /api/events; the live card follows and says what changed.
    mark = await eventCount(page);
    await replaceControl(page).click();
    const replaced = (await waitForEvent(page, 'swk-offer-replaced', mark, (e) => e.index === 0)).detail as ReplacedDetail;
    assert.equal(replaced.previousOfferId, LIVE_OFFER);
    assert.match(replaced.offerId, /^financingoffer_sim_/);
    assert.equal(replaced.offer?.id, replaced.offerId);
    await waitForStreamMessage(page, 'capital.financing_offer.replacement_created', replaced.offerId);
    await shownText(live, 'Your offer was updated: $3,000.00 → $6,000.00').waitFor();
    await shownText(live, 'Offer history (1 earlier offer)').waitFor();

    await live.getByText('Offer history (1 earlier offer)').click();
    await shownText(live, '$3,000.00, offered').waitFor();
    await shownText(live, 'Replaced').waitFor();
    await checkEveryLook(page, live, 'capital-offer-card-replaced-live', {
      en: ['Your offer was updated: $3,000.00 → $6,000.00', '$6,000.00', 'Replaced'],
      ja: ['オファーが更新されました: $3,000.00 → $6,000.00', 'オファー履歴 (以前のオファー 1 件)', '更新済み'],
    });

    // Replace again: the control now names the replacement (the id the demo stored from the event).
    mark = await eventCount(page);
    await replaceControl(page).click();
    const again = (await waitForEvent(page, 'swk-offer-replaced', mark, (e) => e.index === 0)).detail as ReplacedDetail;
    assert.notEqual(again.offerId, replaced.offerId);
    assert.equal(again.previousOfferId, LIVE_OFFER, 'previousOfferId stays the id the card was given');
    await waitForStreamMessage(page, 'capital.financing_offer.replacement_created', again.offerId);
    await shownText(live, 'Your offer was updated: $3,000.00 → $12,000.00').waitFor();
    await shownText(live, 'Offer history (2 earlier offers)').waitFor();
    await screenshot(live, 'capital-offer-card-replaced-twice-en-light');

    // The seed's story, no-follow, JPY and the current offer (all on the page axe checked above).
    await shownText(story, 'Your offer was updated: $5,000.00 → $10,000.00').waitFor();
    await screenshot(story, 'capital-offer-card-story-en-light');
    await shownText(noFollow, 'This offer was replaced by a newer offer (financingoffer_xyz456).').waitFor();
    await shownText(noFollow, '$5,000.00').waitFor();
    // The no-follow card reported the replacement when it loaded, before anyone clicked.
    const onLoad = (await waitForEvent(page, 'swk-offer-replaced', 0, (e) => e.index === 2)).detail as ReplacedDetail;
    assert.deepEqual(onLoad, { previousOfferId: 'financingoffer_abc123', offerId: 'financingoffer_xyz456', offer: null });
    mark = await eventCount(page);
    await noFollow.getByRole('button', { name: 'View updated offer' }).click();
    const viewed = (await waitForEvent(page, 'swk-offer-replaced', mark, (e) => e.index === 2)).detail as ReplacedDetail;
    assert.deepEqual(viewed, { previousOfferId: 'financingoffer_abc123', offerId: 'financingoffer_xyz456', offer: null });
    await screenshot(noFollow, 'capital-offer-card-no-follow-en-light');
    await shownText(jpy, '¥1,000,000').waitFor();
    await shownText(jpy, 'Merchant cash advance').waitFor();
    await screenshot(jpy, 'capital-offer-card-jpy-en-light');
    await screenshot(current, 'capital-offer-card-current-en-light');

    // Every status: open the demo's disclosure; each card shows its own badge and note.
    await page.getByText('Every status', { exact: true }).click();
    for (const [i, [name, en, , actionable]] of STATUSES.entries()) {
      const card = status(i);
      await shownText(card, en).waitFor({ timeout: 3000 }).catch(async () => assert.fail(`status ${name}: badge "${en}" missing: ${await shadowText(card)}`));
      assert.equal(await card.getByRole('button', { name: 'Review offer' }).count(), actionable ? 1 : 0, `status ${name}: Review offer ${actionable ? 'missing' : 'shown'}`);
      assert.equal(await card.locator('[part="note"]').count(), 1, `status ${name}: no note`);
      await screenshot(card, `capital-offer-card-status-${name}-en-light`);
    }
    await checkEveryLook(page, page.locator('#capital-offer-card details:not([part])'), 'capital-offer-card-every-status', {
      en: STATUSES.map(([, en]) => en),
      ja: STATUSES.map(([, , ja]) => ja),
    });

    await assertCleanRun(demo);
    await demo.close();
  });

  it('marks a new undelivered offer delivered once it is on screen, with one POST, and shows the answer', async () => {
    const demo = await open();
    const { page } = demo;
    const marks: { url: string; key: string | undefined }[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/mark_delivered')) marks.push({ url: request.url(), key: request.headers()['idempotency-key'] });
    });
    // The gallery's undelivered card (no-mark-delivered) stays New however long it is shown.
    await page.getByText('Every status', { exact: true }).click();
    await shownText(cards(page).status(0), 'New').waitFor();

    const mark = await eventCount(page);
    await page.getByRole('button', { name: /^Send a new offer/ }).click();
    const created = await waitForStreamMessage(page, 'capital.financing_offer.created');
    const fresh = page.locator(`#capital-offer-card capital-offer-card[offer-id="${created.id}"]`);
    await fresh.scrollIntoViewIfNeeded();
    const delivered = await waitForEvent(page, 'swk-offer-delivered', mark);
    assert.equal((delivered.detail as { offer: Offer }).offer.id, created.id);
    assert.equal((delivered.detail as { offer: Offer }).offer.status, 'delivered');
    await shownText(fresh, 'Available').waitFor();
    assert.deepEqual(marks.map((m) => m.url.replace(/^.*\/api/, '')), [`/capital/financing_offers/${created.id}/mark_delivered`]);
    assert.match(marks[0]!.key ?? '', /^swk_/);
    assert.equal(await shadowText(cards(page).status(0)).then((text) => text.includes('New')), true, 'the gallery card was not marked');
    await checkEveryLook(page, fresh, 'capital-offer-card-delivered-now', { en: ['Available', '$4,500.00'], ja: ['提供中'] });
    await assertCleanRun(demo);
    await demo.close();
  });

  it('works with the keyboard only: replace, review, history and no-follow by Tab, Enter and Space with visible focus', async () => {
    const demo = await open({ lang: 'ja' });
    const { page } = demo;
    const { live } = cards(page);
    // After a reload the live card follows the earlier replacements and tells the demo the active id.
    const loaded = (await waitForEvent(page, 'swk-offer-replaced', 0, (e) => e.index === 0)).detail as ReplacedDetail;
    // Enter on the demo's Replace control: the card follows the new replacement.
    await shownText(live, /^オファー履歴/).waitFor();
    const before = Number(/以前のオファー (\d+) 件/.exec(await shadowText(live))?.[1]);
    assert.ok(before >= 1, `the reloaded card shows its history: ${await shadowText(live)}`);
    await tabTo(page, (f) => f.tag === 'button' && f.text.startsWith('Replace this offer'), 'Replace control');
    let mark = await eventCount(page);
    await page.keyboard.press('Enter');
    const next = (await waitForEvent(page, 'swk-offer-replaced', mark, (e) => e.index === 0)).detail as ReplacedDetail;
    assert.notEqual(next.offerId, loaded.offerId);
    await waitForStreamMessage(page, 'capital.financing_offer.replacement_created', next.offerId);
    await shownText(live, `オファー履歴 (以前のオファー ${before + 1} 件)`).waitFor();

    // Space on Review offer.
    await tabTo(page, (f) => f.hosts.at(-1) === 'capital-offer-card' && f.part === 'action-button', 'Review offer');
    mark = await eventCount(page);
    await page.keyboard.press('Space');
    assert.equal(((await waitForEvent(page, 'swk-offer-action', mark)).detail as { offer: Offer }).offer.id, next.offerId);

    // Enter on the history summary opens it.
    const summary = await tabTo(page, (f) => f.hosts.at(-1) === 'capital-offer-card' && f.tag === 'summary', 'history summary');
    assert.match(summary.text, /オファー履歴/);
    await page.keyboard.press('Enter');
    assert.equal(await live.locator('details[part="history"]').evaluate((d) => (d as HTMLDetailsElement).open), true);

    // The no-follow card's "View updated offer" by Enter.
    await tabTo(page, (f) => f.hosts.at(-1) === 'capital-offer-card' && f.part === 'replacement-button', 'View updated offer');
    mark = await eventCount(page);
    await page.keyboard.press('Enter');
    const viewed = (await waitForEvent(page, 'swk-offer-replaced', mark, (e) => e.index === 2)).detail as ReplacedDetail;
    assert.equal(viewed.offerId, 'financingoffer_xyz456');

    // The demo's "Every status" disclosure opens by Space; its actionable cards' buttons are reachable.
    await tabTo(page, (f) => f.tag === 'summary' && f.hosts.length === 0, 'Every status summary');
    await page.keyboard.press('Space');
    await page.locator('#capital-offer-card details:not([part])').evaluate((d) => (d as HTMLDetailsElement).open).then((open) => assert.ok(open));
    const reviewNew = await tabTo(page, (f) => f.part === 'action-button', 'Review offer of the New card');
    mark = await eventCount(page);
    await page.keyboard.press('Enter');
    const reviewed = await waitForEvent(page, 'swk-offer-action', mark);
    assert.equal((reviewed.detail as { offer: Offer }).offer.id, 'financingoffer_status_undelivered', JSON.stringify(reviewNew));

    await assertCleanRun(demo);
    await demo.close();
  });
});
