import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { expectNoBrokenText, oneEvent, part, shadowText } from '../helpers.js';
import { mountCard, offer, offersBackend, settled } from './fixtures.js';
import { STATUSES } from './statuses.js';


describe('capital-offer-card: statuses', () => {
  for (const [status, en, ja, actionable] of STATUSES) {
    it(`shows ${status} with its own wording in en and ja, and a call to action only where the user can act`, async () => {
      for (const [lang, label] of [['en', en], ['ja', ja]] as const) {
        const { fetcher } = offersBackend([offer('financingoffer_1', { status })]);
        const el = await mountCard({ offerId: 'financingoffer_1', fetcher, lang });
        await settled(el);
        expect(part(el, '[part="status"]').textContent?.trim()).to.equal(label);
        expect(part(el, '[part="note"]').textContent!.trim().length, `${status} note`).to.be.greaterThan(10);
        expect(!!el.shadowRoot!.querySelector('[part="action-button"]')).to.equal(actionable);
        expectNoBrokenText(el);
        await expect(el).to.be.accessible();
      }
    });
  }

  it('fires swk-offer-action with the offer when "Review offer" is chosen', async () => {
    const shown = offer('financingoffer_1');
    const el = await mountCard({ offerId: 'financingoffer_1', fetcher: offersBackend([shown]).fetcher });
    await settled(el);
    const button = part<HTMLButtonElement>(el, '[part="action-button"]');
    expect(button.textContent?.trim()).to.equal('Review offer');
    button.focus();
    expect(el.shadowRoot!.activeElement).to.equal(button);
    const event = oneEvent(el, 'swk-offer-action');
    button.click();
    const { detail } = await event;
    expect(detail.offer.id).to.equal('financingoffer_1');
    expect(detail.offer.offered_terms?.advance_amount).to.equal(500000);
  });

  it('shows an unknown status and financing type as given, without a call to action', async () => {
    const { fetcher } = offersBackend([offer('financingoffer_1', { status: 'under_review', financing_type: 'revenue_share' })]);
    const el = await mountCard({ offerId: 'financingoffer_1', fetcher });
    await settled(el);
    expect(part(el, '[part="status"]').textContent?.trim()).to.equal('Unknown (under_review)');
    expect(shadowText(el)).to.include('Unknown (revenue_share)');
    expect(el.shadowRoot!.querySelector('[part="action-button"]')).to.equal(null);
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('fires swk-load with the offer shown', async () => {
    const { fetcher } = offersBackend([offer('financingoffer_1')]);
    const loaded = new Promise<CustomEvent>((resolve) => document.addEventListener('swk-load', (e) => resolve(e), { once: true }));
    const el = await mountCard({ offerId: 'financingoffer_1', fetcher });
    const event = await loaded;
    expect(event.target).to.equal(el);
    expect((event.detail.object as { id: string }).id).to.equal('financingoffer_1');
  });
});

describe('capital-offer-card: amounts', () => {
  const cases = [
    { currency: 'usd', advance: 500000, fee: 50000, lang: 'en', amount: '$5,000.00', feeText: '$500.00', total: '$5,500.00', rate: '15% of each sale' },
    { currency: 'eur', advance: 750050, fee: 60000, lang: 'en', amount: '€7,500.50', feeText: '€600.00', total: '€8,100.50', rate: '15% of each sale' },
    { currency: 'jpy', advance: 1000000, fee: 80000, lang: 'en', amount: '¥1,000,000', feeText: '¥80,000', total: '¥1,080,000', rate: '15% of each sale' },
    { currency: 'usd', advance: 500000, fee: 50000, lang: 'ja', amount: '$5,000.00', feeText: '$500.00', total: '$5,500.00', rate: '売上ごとに 15%' },
    { currency: 'eur', advance: 750050, fee: 60000, lang: 'ja', amount: '€7,500.50', feeText: '€600.00', total: '€8,100.50', rate: '売上ごとに 15%' },
    { currency: 'jpy', advance: 1000000, fee: 80000, lang: 'ja', amount: '￥1,000,000', feeText: '￥80,000', total: '￥1,080,000', rate: '売上ごとに 15%' },
  ];
  for (const c of cases) {
    it(`shows ${c.currency.toUpperCase()} in ${c.lang}: amount, fee, total to repay and withhold rate`, async () => {
      const terms = { currency: c.currency, advance_amount: c.advance, fee_amount: c.fee, withhold_rate: 0.15 };
      const el = await mountCard({ offerId: 'financingoffer_1', fetcher: offersBackend([offer('financingoffer_1', { offered_terms: terms })]).fetcher, lang: c.lang });
      await settled(el);
      expect(part(el, '[part="amount"]').textContent?.trim()).to.equal(c.amount);
      const terms_ = part(el, '[part="terms"]').textContent!.replace(/\s+/g, ' ');
      expect(terms_).to.include(c.feeText);
      expect(terms_).to.include(c.total);
      expect(terms_).to.include(c.rate);
      expect(terms_).to.include(c.lang === 'ja' ? 'フレックスローン' : 'Flex loan');
      expect(terms_).to.include(c.lang === 'ja' ? '2026' : 'Feb 1, 2026');
      expectNoBrokenText(el);
      await expect(el).to.be.accessible();
    });
  }

  it('shows accepted terms once the offer was accepted', async () => {
    const accepted = { currency: 'usd', advance_amount: 300000, fee_amount: 30000, withhold_rate: 0.1 };
    const el = await mountCard({ offerId: 'financingoffer_1', fetcher: offersBackend([offer('financingoffer_1', { status: 'paid_out', accepted_terms: accepted })]).fetcher });
    await settled(el);
    expect(part(el, '[part="amount"]').textContent?.trim()).to.equal('$3,000.00');
    expect(shadowText(el)).to.include('10% of each sale');
  });

  it('shows a currency Intl rejects as given, and missing optional fields as "Not available"', async () => {
    const sparse = offer('financingoffer_1', { offered_terms: { currency: 'zzz', advance_amount: 1234 } });
    delete sparse.expires_after;
    delete sparse.financing_type;
    delete sparse.created;
    const el = await mountCard({ offerId: 'financingoffer_1', fetcher: offersBackend([sparse]).fetcher });
    await settled(el);
    const amount = part(el, '[part="amount"]').textContent!;
    expect(amount).to.include('ZZZ');
    expect(amount).to.include('12.34');
    expect(shadowText(el)).to.include('Not available');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('keeps hostile strings as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const el = await mountCard({ offerId: 'financingoffer_1', fetcher: offersBackend([offer('financingoffer_1', { status: hostile, financing_type: hostile })]).fetcher });
    await settled(el);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(shadowText(el)).to.include(`Unknown (${hostile})`);
    await expect(el).to.be.accessible();
  });
});

describe('capital-offer-card: current offer', () => {
  it('asks the endpoint itself without an offer id and shows a quiet empty state on 404', async () => {
    const { fetcher, calls } = offersBackend([]);
    const errors: Event[] = [];
    document.addEventListener('swk-error', (e) => errors.push(e));
    for (const lang of ['en', 'ja']) {
      const el = await mountCard({ fetcher, lang });
      await settled(el);
      expect(part(el, '[part="empty"]').textContent?.trim()).to.equal(lang === 'en' ? 'You have no financing offer right now.' : '現在、融資オファーはありません。');
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      await expect(el).to.be.accessible();
    }
    expect(calls.map((c) => c.url)).to.deep.equal(['/api/capital/financing_offers', '/api/capital/financing_offers']);
    expect(errors).to.have.length(0);
  });

  it('shows the current offer when there is one, and tolerates a trailing slash and encodes the id', async () => {
    const { fetcher, calls } = offersBackend([], (call) => (call.url === '/api/capital/financing_offers' ? { json: offer('financingoffer_current') } : undefined));
    const el = await mountCard({ fetcher });
    await settled(el);
    expect(part(el, '[part="amount"]').textContent?.trim()).to.equal('$5,000.00');
    el.endpoint = '/api/capital/financing_offers/';
    el.offerId = 'a b/c';
    await settled(el);
    expect(calls.at(-1)!.url).to.equal('/api/capital/financing_offers/a%20b%2Fc');
  });
});

describe('capital-offer-card: narrow screens', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('fits a 320 px screen without sideways scrolling, in en and ja', async () => {
    await setViewport({ width: 320, height: 640 });
    const offers = [
      offer('financingoffer_a', { status: 'replaced', replacement: 'financingoffer_b_with_a_rather_long_identifier_0123456789' }),
      offer('financingoffer_b_with_a_rather_long_identifier_0123456789', { offered_terms: { currency: 'jpy', advance_amount: 123456789, fee_amount: 9876543, withhold_rate: 0.175 } }),
    ];
    for (const lang of ['en', 'ja']) {
      const el = await mountCard({ offerId: 'financingoffer_a', fetcher: offersBackend(offers).fetcher, lang });
      await settled(el);
      part<HTMLDetailsElement>(el, '[part="history"]').open = true;
      const base = part(el, '[part="base"]');
      expect(base.getBoundingClientRect().width).to.be.at.most(320);
      expect(base.scrollWidth, 'content wider than the card').to.be.at.most(base.clientWidth);
      await expect(el).to.be.accessible();
    }
  });
});
