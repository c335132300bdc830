import { expect, fixture, html } from '@open-wc/testing';
import '../../src/capital-offer-card/define.js';
import type { CapitalOfferCard } from '../../src/capital-offer-card/define.js';
import { part, until } from '../helpers.js';
import { recordSwkEvents } from '../swk-events.js';
import { ENDPOINT, offer, offersBackend, settled } from './fixtures.js';

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
});
