import { expect, fixture, html } from '@open-wc/testing';
import '../../src/capital-offer-card/define.js';
import type { CapitalOfferCard } from '../../src/capital-offer-card/define.js';
import { part, stripeError, until } from '../helpers.js';
import { assertNoPrivateData, recordFlow, recordSwkEvents } from '../swk-events.js';
import { ENDPOINT, mountCard, offer, offersBackend, settled } from './fixtures.js';

/** Resolves with the next intersection state the browser reports for `element` (as the card's own observer sees it). */
function nextIntersection(element: Element): Promise<boolean> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      observer.disconnect();
      resolve(entries.at(-1)!.isIntersecting);
    });
    observer.observe(element);
  });
}

const offers = [
  offer('financingoffer_old', { status: 'replaced', replacement: 'financingoffer_new' }),
  offer('financingoffer_new', { replacement_for: 'financingoffer_old' }),
  offer('financingoffer_other'),
];

/** A card below a spacer taller than the viewport: off screen until scrolled to. */
async function cardBelowTheFold(offerId: string): Promise<CapitalOfferCard> {
  const { fetcher } = offersBackend(offers);
  const page = await fixture(html`<div>
    <div class="spacer"></div>
    <capital-offer-card endpoint=${ENDPOINT} offer-id=${offerId} .fetcher=${fetcher}></capital-offer-card>
  </div>`);
  page.querySelector<HTMLElement>('.spacer')!.style.height = `${innerHeight * 3}px`;
  const el = page.querySelector('capital-offer-card')!;
  await settled(el);
  return el;
}

describe('capital-offer-card analytics events', () => {
  let events: ReturnType<typeof recordSwkEvents>;
  beforeEach(() => (events = recordSwkEvents()));
  afterEach(() => {
    events.stop();
    scrollTo(0, 0);
  });

  it('error then retry: error with its kind, retried, loaded', async () => {
    let calls = 0;
    const { fetcher } = offersBackend(offers, () => (calls++ === 0 ? stripeError(404) : undefined));
    const el = await mountCard({ offerId: 'financingoffer_other', fetcher });
    await until(() => Boolean(el.shadowRoot!.querySelector('[part="retry-button"]')), 'the error state');
    part<HTMLButtonElement>(el, '[part="retry-button"]').click();
    await until(() => events.names().includes('loaded'), 'the offer after Retry');
    expect(events.dom.map(({ name, errorKind }) => (errorKind ? `${name}:${errorKind}` : name)).filter((name) => name !== 'offer_viewed')).to.deep.equal(['error:stripe', 'retried', 'loaded']);
  });

  it('offer_viewed once per offer, only when the card is on screen', async () => {
    const el = await cardBelowTheFold('financingoffer_other');
    expect(await nextIntersection(el), 'the card starts off screen').to.equal(false);
    expect(events.names()).to.deep.equal(['loaded']);

    el.scrollIntoView();
    await until(() => events.names().includes('offer_viewed'), 'offer_viewed');
    scrollTo(0, 0);
    expect(await nextIntersection(el)).to.equal(false);
    el.scrollIntoView();
    expect(await nextIntersection(el)).to.equal(true);
    el.requestUpdate();
    await el.updateComplete;
    expect(events.dom.map(({ name, objectId, status }) => [name, objectId, status])).to.deep.equal([
      ['loaded', 'financingoffer_other', 'delivered'],
      ['offer_viewed', 'financingoffer_other', 'delivered'],
    ]);
  });

  it('offer_replaced when a replaced offer loads, then loaded and viewed for the live one; offer_action on Review', async () => {
    const el = await cardBelowTheFold('financingoffer_old');
    el.scrollIntoView();
    await until(() => events.names().includes('offer_viewed'), 'offer_viewed');
    part<HTMLButtonElement>(el, '[part="action-button"]').click();
    expect(events.dom.map(({ name, objectId }) => [name, objectId])).to.deep.equal([
      ['offer_replaced', 'financingoffer_new'],
      ['loaded', 'financingoffer_new'],
      ['offer_viewed', 'financingoffer_new'],
      ['offer_action', 'financingoffer_new'],
    ]);
  });

  it('with no-follow: offer_replaced names the replacement, on load and on "View updated offer"', async () => {
    const el = await cardBelowTheFold('financingoffer_old');
    events.dom.length = 0;
    el.noFollow = true;
    await until(() => Boolean(el.shadowRoot!.querySelector('[part="replacement-button"]')), 'the replacement button');
    part<HTMLButtonElement>(el, '[part="replacement-button"]').click();
    expect(events.dom.map(({ name, objectId, status }) => [name, objectId, status])).to.deep.equal([
      ['offer_replaced', 'financingoffer_new', undefined],
      ['loaded', 'financingoffer_old', 'replaced'],
      ['offer_replaced', 'financingoffer_new', undefined],
    ]);
  });

  it('offer_delivered once, right after swk-offer-delivered, with the offer id and its new status only', async () => {
    const undelivered = offer('financingoffer_analytics_new', { status: 'undelivered' });
    const marked: string[] = [];
    const { fetcher } = offersBackend([undelivered], (call) => {
      if (call.method !== 'POST') return undefined;
      marked.push(call.url);
      return { json: { ...undelivered, status: 'delivered' } };
    });
    const flow = recordFlow(['swk-load', 'swk-offer-delivered']);
    try {
      const el = await mountCard({ offerId: 'financingoffer_analytics_new', fetcher });
      await until(() => flow.log.includes('event:offer_delivered'), 'offer_delivered');
      // Shown again (a re-render, a new observation): nothing more is sent or reported.
      el.requestUpdate();
      await el.updateComplete;
      expect(await nextIntersection(el)).to.equal(true);

      expect(flow.log).to.deep.equal(['swk-load', 'event:loaded', 'event:offer_viewed', 'swk-offer-delivered', 'event:offer_delivered']);
      expect(marked).to.deep.equal([`${ENDPOINT}/financingoffer_analytics_new/mark_delivered`]);
      expect(events.dom.map(({ name, objectId, status }) => [name, objectId, status])).to.deep.equal([
        ['loaded', 'financingoffer_analytics_new', 'undelivered'],
        ['offer_viewed', 'financingoffer_analytics_new', 'undelivered'],
        ['offer_delivered', 'financingoffer_analytics_new', 'delivered'],
      ]);
      expect(events.callback).to.deep.equal(events.dom);
      assertNoPrivateData(events.dom, [undelivered, { ...undelivered, status: 'delivered' }]);
    } finally {
      flow.stop();
    }
  });
});
