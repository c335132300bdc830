import { expect } from '@open-wc/testing';
import { capitalOfferMessages } from '../../src/capital-offer-card/capital-offer-card.messages.js';
import capitalJa from '../../src/capital-offer-card/capital-offer-card.messages.ja.js';
import { coreMessages } from '../../src/core/messages.js';
import coreJa from '../../src/core/messages.ja.js';
import { fakeBackend } from '../helpers.js';
import { enumText, moneyDigits } from '../arbitraries/expected.js';
import { capitalFinancingOffer, KNOWN } from '../../src/testing/arbitraries/index.js';
import { PROPERTY_RUNS } from '../arbitraries/settings.js';
import { expectEveryObjectRenders } from '../property.js';
import { ENDPOINT, mountCard, offer } from './fixtures.js';

const text = (el: Element, part: string) => (el.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('capital-offer-card with generated offers', () => {
  it(`renders each of ${PROPERTY_RUNS} generated offers (edge terms, rates, dates, currencies, strings, statuses) with its own status and advance`, async function () {
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
    }, (offer, lang) => {
      const m = lang === 'ja' ? capitalJa : capitalOfferMessages.en;
      // A replaced offer is followed to its replacement, which this fake serves as delivered.
      const status = offer.status === 'replaced' && offer.replacement ? 'delivered' : offer.status;
      const state = enumText(status, KNOWN.capitalStatus, m.status, lang === 'ja' ? coreJa : coreMessages.en);
      if (state !== undefined) expect(text(el, 'status'), `status ${String(offer.status)}`).to.equal(state);
      const terms = (offer.accepted_terms ?? offer.offered_terms) as { advance_amount?: unknown; currency?: unknown } | null | undefined;
      const digits = moneyDigits(terms?.advance_amount, terms?.currency);
      if (digits !== undefined) expect(text(el, 'amount'), `${String(terms?.advance_amount)} ${String(terms?.currency)}`).to.include(digits);
    });
    console.log(`capital-offer-card: ${runs} generated offers rendered in ${seconds} s`);
    expect(runs).to.be.at.least(PROPERTY_RUNS);
  });
});
