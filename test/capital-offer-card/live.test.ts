import { expect } from '@open-wc/testing';
import type { CapitalFinancingOffer } from '../../src/schemas/capital-financing-offer.js';
import { FakeEventSource, useFakeEventSource } from '../fake-event-source.js';
import { part, until } from '../helpers.js';
import { mountCard, offer, offersBackend, settled } from './fixtures.js';

describe('capital-offer-card: live updates', () => {
  useFakeEventSource();

  it('follows a replacement announced by replacement_created, and ignores unrelated events', async () => {
    const offers: CapitalFinancingOffer[] = [offer('financingoffer_live')];
    const { fetcher, calls } = offersBackend(offers);
    const replaced: CustomEvent[] = [];
    const el = await mountCard({ offerId: 'financingoffer_live', fetcher, eventsUrl: '/api/events?capital-1' });
    el.addEventListener('swk-offer-replaced', (e) => replaced.push(e));
    let loads = 0;
    el.addEventListener('swk-load', () => (loads += 1));
    await settled(el);
    const source = await FakeEventSource.opened('/api/events?capital-1');
    expect(source.url, 'an EventSource for events-url').to.equal('/api/events?capital-1');

    // Unrelated; events arrive in order, so once the replacement below was handled, so was this one.
    source.push({ type: 'climate.order.delivered', id: 'climorder_1', object: 'climate.order' });

    offers[0] = { ...offers[0]!, status: 'replaced', replacement: 'financingoffer_new' };
    offers.push(offer('financingoffer_new', { replacement_for: 'financingoffer_live', offered_terms: { currency: 'usd', advance_amount: 1000000, fee_amount: 100000, withhold_rate: 0.15 } }));
    source.push({ type: 'capital.financing_offer.replacement_created', id: 'financingoffer_new', object: 'capital.financing_offer' });
    await until(() => !!el.shadowRoot!.querySelector('[part="replaced-notice"]'), 'the followed replacement');
    expect(calls.map((c) => c.url.split('/').pop()), 'one refetch, for the replacement only').to.deep.equal([
      'financingoffer_live',
      'financingoffer_live',
      'financingoffer_new',
    ]);
    expect(part(el, '[part="amount"]').textContent?.trim()).to.equal('$10,000.00');
    expect(part(el, '[part="replaced-notice"]').textContent?.trim()).to.equal('Your offer was updated: $5,000.00 → $10,000.00');
    expect(part(el, '[role="status"]').textContent).to.include('Your offer was updated');
    expect(replaced.map((e) => e.detail.offerId)).to.deep.equal(['financingoffer_new']);
    await expect(el).to.be.accessible();

    // An event naming an offer in the shown chain refetches; the same chain is not reported twice.
    const before = calls.length;
    const loadsBefore = loads;
    source.push({ type: 'capital.financing_offer.accepted', id: 'financingoffer_new', object: 'capital.financing_offer' });
    // A second swk-offer-replaced would be fired before this refetch's swk-load.
    await until(() => loads === loadsBefore + 1, 'the refetched chain');
    expect(calls.length).to.equal(before + 2);
    expect(replaced).to.have.length(1);
  });
});
