import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { CapitalOfferCard, OfferDeliveredDetail } from '../../src/capital-offer-card/define.js';
import type { CapitalFinancingOffer } from '../../src/schemas/capital-financing-offer.js';
import { expectNoBrokenText, fakeBackend, oneEvent, part, until, type RecordedCall } from '../helpers.js';
import { ENDPOINT, mountCard, offer, settled } from './fixtures.js';

// Seed 000: the platform marks an offer delivered once it reached the user. The card does it when an
// `undelivered` offer is on screen: `POST {endpoint}/{id}/mark_delivered`, once per offer per page.

/** Serves `offers` by id and answers mark_delivered with the offer as delivered (or `markAnswer`). */
function deliveryBackend(offers: CapitalFinancingOffer[], markAnswer?: (call: RecordedCall) => { status?: number; json: unknown } | undefined) {
  return fakeBackend((call) => {
    const path = call.url.slice(ENDPOINT.length + 1);
    const marked = /^(.+)\/mark_delivered$/.exec(path);
    if (call.method === 'POST' && marked) {
      const custom = markAnswer?.(call);
      if (custom) return custom;
      const found = offers.find((o) => o.id === decodeURIComponent(marked[1]!));
      return found ? { json: { ...found, status: 'delivered' } } : { status: 404, json: { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such financing offer' } } };
    }
    const found = offers.find((o) => o.id === decodeURIComponent(path));
    return found ? { json: found } : { status: 404, json: { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such financing offer' } } };
  });
}

const posts = (calls: RecordedCall[]) => calls.filter((c) => c.method === 'POST');

/**
 * Whether `el` is on screen now, from an IntersectionObserver made after the card's own: its first
 * report comes in the same rendering step as the card's or a later one, so once it has come, the card
 * knows as much as it ever will about being on screen.
 */
function onScreen(el: Element): Promise<boolean> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      observer.disconnect();
      resolve(entries.some((entry) => entry.isIntersecting));
    });
    observer.observe(el);
  });
}

describe('capital-offer-card: marks an undelivered offer delivered once it is on screen', () => {
  it('sends one POST with an Idempotency-Key, shows the answer (Available) and fires swk-offer-delivered', async () => {
    const { fetcher, calls } = deliveryBackend([offer('financingoffer_new_1', { status: 'undelivered' })]);
    const delivered = new Promise<CustomEvent<OfferDeliveredDetail>>((resolve) => document.addEventListener('swk-offer-delivered', resolve, { once: true }));
    const el = await mountCard({ offerId: 'financingoffer_new_1', fetcher });
    const { detail } = await delivered;
    expect(detail.offer.status).to.equal('delivered');
    expect(posts(calls).map((c) => c.url)).to.deep.equal([`${ENDPOINT}/financingoffer_new_1/mark_delivered`]);
    const post = posts(calls)[0]!;
    expect(post.headers.get('Idempotency-Key')).to.match(/^swk_[0-9a-f-]{36}$/);
    expect(post.headers.get('Content-Type')).to.equal('application/json');
    expect(post.body).to.deep.equal({});
    await el.updateComplete;
    expect(part(el, '.head [part="status"]').textContent?.trim()).to.equal('Available');
    expect(part(el, '[role="status"]').textContent).to.include('Available');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();

    // A refetch that still finds the offer undelivered (the backend lags) sends nothing more.
    el.offerId = '';
    el.offerId = 'financingoffer_new_1';
    await settled(el);
    await onScreen(el);
    await el.updateComplete;
    expect(posts(calls)).to.have.length(1);
  });

  it('sends once per offer per page, however many cards show it, and every such card shows the answer', async () => {
    const { fetcher, calls } = deliveryBackend([offer('financingoffer_new_2', { status: 'undelivered' })]);
    const [first, second] = await Promise.all([
      mountCard({ offerId: 'financingoffer_new_2', fetcher }),
      mountCard({ offerId: 'financingoffer_new_2', fetcher }),
    ]);
    for (const el of [first, second]) {
      await until(() => el.shadowRoot?.querySelector('.head [part="status"]')?.textContent?.trim() === 'Available', 'both cards to show the answer');
    }
    expect(posts(calls)).to.have.length(1);
  });

  it('sends nothing for an offer that is already delivered (or in any other status)', async () => {
    const { fetcher, calls } = deliveryBackend([offer('financingoffer_delivered_1', { status: 'delivered' }), offer('financingoffer_paid_1', { status: 'paid_out' })]);
    for (const id of ['financingoffer_delivered_1', 'financingoffer_paid_1']) {
      const el = await mountCard({ offerId: id, fetcher });
      await settled(el);
      expect(await onScreen(el)).to.equal(true);
      await el.updateComplete;
    }
    expect(posts(calls)).to.deep.equal([]);
  });

  it('sends nothing with no-mark-delivered', async () => {
    const { fetcher, calls } = deliveryBackend([offer('financingoffer_new_3', { status: 'undelivered' })]);
    const el = await fixture<CapitalOfferCard>(html`<capital-offer-card
      lang="en"
      endpoint=${ENDPOINT}
      offer-id="financingoffer_new_3"
      no-mark-delivered
      .fetcher=${fetcher}
    ></capital-offer-card>`);
    await settled(el);
    expect(await onScreen(el)).to.equal(true);
    await el.updateComplete;
    expect(posts(calls)).to.deep.equal([]);
    expect(part(el, '.head [part="status"]').textContent?.trim()).to.equal('New');
    expect(el.noMarkDelivered).to.equal(true);
  });

  it('waits until the card is on screen: nothing while it is below the fold, one POST once scrolled to', async () => {
    const { fetcher, calls } = deliveryBackend([offer('financingoffer_new_4', { status: 'undelivered' })]);
    const page = await fixture<HTMLDivElement>(html`<div>
      <div class="spacer" style="height: 3000px"></div>
      <capital-offer-card lang="en" endpoint=${ENDPOINT} offer-id="financingoffer_new_4" .fetcher=${fetcher}></capital-offer-card>
    </div>`);
    const el = page.querySelector('capital-offer-card')!;
    await settled(el);
    expect(await onScreen(el)).to.equal(false);
    await el.updateComplete;
    expect(posts(calls)).to.deep.equal([]);
    expect(part(el, '.head [part="status"]').textContent?.trim()).to.equal('New');

    const delivered = oneEvent(el, 'swk-offer-delivered');
    el.scrollIntoView();
    await delivered;
    expect(posts(calls)).to.have.length(1);
    window.scrollTo(0, 0);
  });

  it('after a failure tries again with the same key when the card comes back on screen, and shows nothing broken meanwhile', async () => {
    let failing = true;
    const { fetcher, calls } = deliveryBackend([offer('financingoffer_new_5', { status: 'undelivered' })], () =>
      failing ? { status: 503, json: { error: { type: 'api_error', message: 'Try again later' } } } : undefined,
    );
    const page = await fixture<HTMLDivElement>(html`<div>
      <capital-offer-card lang="en" endpoint=${ENDPOINT} offer-id="financingoffer_new_5" .fetcher=${fetcher}></capital-offer-card>
      <div class="spacer" style="height: 3000px"></div>
      <p id="bottom">end</p>
    </div>`);
    const el = page.querySelector('capital-offer-card')!;
    await until(() => posts(calls).length === 1, 'the first mark_delivered');
    await posts(calls)[0]!.delivered;
    await el.updateComplete;
    expect(part(el, '.head [part="status"]').textContent?.trim()).to.equal('New');
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    expectNoBrokenText(el);

    failing = false;
    page.querySelector('#bottom')!.scrollIntoView();
    expect(await onScreen(el)).to.equal(false);
    const delivered = oneEvent(el, 'swk-offer-delivered');
    el.scrollIntoView();
    await delivered;
    const [first, retry] = posts(calls);
    expect(retry!.headers.get('Idempotency-Key')).to.equal(first!.headers.get('Idempotency-Key'));
    window.scrollTo(0, 0);
  });
});

describe('capital-offer-card: a replacement chain the backend expanded', () => {
  const usd = (advance: number) => ({ currency: 'usd', advance_amount: advance, fee_amount: advance / 10, withhold_rate: 0.15 });

  it('reaches the live offer and its history with one request', async () => {
    const d = offer('financingoffer_d', { replacement_for: 'financingoffer_c', offered_terms: usd(800000) });
    const c = offer('financingoffer_c', { status: 'replaced', replacement: d, replacement_for: 'financingoffer_b', offered_terms: usd(700000) });
    const b = offer('financingoffer_b', { status: 'replaced', replacement: c, replacement_for: 'financingoffer_a', offered_terms: usd(600000) });
    const a = offer('financingoffer_a', { status: 'replaced', replacement: b, offered_terms: usd(500000) });
    const { fetcher, calls } = deliveryBackend([a]);
    const replaced = new Promise<CustomEvent>((resolve) => document.addEventListener('swk-offer-replaced', resolve, { once: true }));
    const el = await mountCard({ offerId: 'financingoffer_a', fetcher });
    await settled(el);
    expect(calls.map((call) => `${call.method} ${call.url}`)).to.deep.equal([`GET ${ENDPOINT}/financingoffer_a`]);
    expect(part(el, '[part="amount"]').textContent?.trim()).to.equal('$8,000.00');
    expect(part(el, '[part="replaced-notice"]').textContent?.trim()).to.equal('Your offer was updated: $5,000.00 → $8,000.00');
    expect(part(el, '[part="history"] summary').textContent?.trim()).to.equal('Offer history (3 earlier offers)');
    const { detail } = await replaced;
    expect(detail.previousOfferId).to.equal('financingoffer_a');
    expect(detail.offerId).to.equal('financingoffer_d');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('shows the history a live offer brings expanded, without fetching it', async () => {
    const a = offer('financingoffer_h1', { status: 'replaced', replacement: 'financingoffer_h2', offered_terms: usd(500000) });
    const live = offer('financingoffer_h2', { replacement_for: a, offered_terms: usd(900000) });
    const { fetcher, calls } = deliveryBackend([live]);
    const el = await mountCard({ offerId: 'financingoffer_h2', fetcher });
    await settled(el);
    expect(calls).to.have.length(1);
    expect(part(el, '[part="replaced-notice"]').textContent?.trim()).to.equal('Your offer was updated: $5,000.00 → $9,000.00');
  });

  it('fetches where the expansion stops at a plain id, and uses what that answer expands', async () => {
    const live = offer('financingoffer_p4', { replacement_for: 'financingoffer_p3', offered_terms: usd(900000) });
    const p3 = offer('financingoffer_p3', { status: 'replaced', replacement: live, replacement_for: 'financingoffer_p2', offered_terms: usd(700000) });
    const p2 = offer('financingoffer_p2', { status: 'replaced', replacement: 'financingoffer_p3', replacement_for: 'financingoffer_p1', offered_terms: usd(600000) });
    const p1 = offer('financingoffer_p1', { status: 'replaced', replacement: p2, offered_terms: usd(500000) });
    const { fetcher, calls } = deliveryBackend([p1, p3]);
    const el = await mountCard({ offerId: 'financingoffer_p1', fetcher });
    await settled(el);
    expect(calls.map((call) => call.url)).to.deep.equal([`${ENDPOINT}/financingoffer_p1`, `${ENDPOINT}/financingoffer_p3`]);
    expect(part(el, '[part="amount"]').textContent?.trim()).to.equal('$9,000.00');
  });
});
