import { expect } from '@open-wc/testing';
import { fakeBackend } from '../helpers.js';
import { capitalFinancingOffer } from '../../src/testing/arbitraries/index.js';
import { PROPERTY_RUNS } from '../arbitraries/settings.js';
import { expectEveryObjectRenders } from '../property.js';
import { ENDPOINT, mountCard, offer } from './fixtures.js';

describe('capital-offer-card with generated offers', () => {
  it(`renders each of ${PROPERTY_RUNS} generated offers (edge terms, rates, dates, currencies, strings, statuses)`, async function () {
    this.timeout(300_000);
    let requested = 'financingoffer_first';
    let current: Record<string, unknown> = offer(requested);
    // The generated offer under its requested id; a replacement it names is the same offer, live.
    const replacementOf = (offer: Record<string, unknown>, id: unknown) => ({ ...offer, id, status: 'delivered', replacement: null, replacement_for: requested });
    const { fetcher } = fakeBackend((call) => {
      const id = decodeURIComponent(call.url.slice(ENDPOINT.length + 1));
      return { json: id === requested ? current : replacementOf(current, id) };
    });
    const el = await mountCard({ offerId: requested, fetcher });
    let next = 0;
    // A replacement chain that names the offer itself is a loop, reported as an error on purpose.
    const offers = capitalFinancingOffer.filter((offer) => offer.replacement !== offer.id);
    const { runs, seconds } = await expectEveryObjectRenders(el, offers, (offer) => {
      current = offer;
      requested = `financingoffer_generated_${(next += 1)}`;
      el.offerId = requested;
      return [replacementOf(offer, offer.replacement)];
    });
    console.log(`capital-offer-card: ${runs} generated offers rendered in ${seconds} s`);
    expect(runs).to.be.at.least(PROPERTY_RUNS);
  });
});
