import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OfferReplacedDetail } from '../../src/capital-offer-card/define.js';
import type { SwkErrorDetail } from '../../src/core/events.js';
import type { CapitalFinancingOffer } from '../../src/schemas/capital-financing-offer.js';
import { expectNoBrokenText, part, shadowText, until } from '../helpers.js';
import { ENDPOINT, mountCard, offer, offersBackend, settled } from './fixtures.js';

const usd = (advance: number) => ({ currency: 'usd', advance_amount: advance, fee_amount: advance / 10, withhold_rate: 0.15 });

/** a → b → … : each offer but the last is replaced by the next; amounts grow by $1,000 per hop. */
function chain(ids: string[], last: Partial<CapitalFinancingOffer> = {}): CapitalFinancingOffer[] {
  return ids.map((id, i) =>
    i < ids.length - 1
      ? offer(id, { status: 'replaced', replacement: ids[i + 1]!, replacement_for: ids[i - 1] ?? null, offered_terms: usd(500000 + i * 100000) })
      : offer(id, { replacement_for: ids[i - 1] ?? null, offered_terms: usd(500000 + i * 100000), ...last }),
  );
}

function record<K extends keyof GlobalEventHandlersEventMap>(name: K): GlobalEventHandlersEventMap[K][] {
  const seen: GlobalEventHandlersEventMap[K][] = [];
  const listener = (e: GlobalEventHandlersEventMap[K]) => seen.push(e);
  document.addEventListener(name, listener);
  after(() => document.removeEventListener(name, listener));
  return seen;
}

describe('capital-offer-card: replaced offers', () => {
  it("follows one replacement (the seed's $5,000 → $10,000) and reports the new active offer", async () => {
    const replaced = record('swk-offer-replaced');
    const loads = record('swk-load');
    const offers = [
      offer('financingoffer_abc123', { status: 'replaced', replacement: 'financingoffer_xyz456', offered_terms: usd(500000) }),
      offer('financingoffer_xyz456', { replacement_for: 'financingoffer_abc123', offered_terms: usd(1000000), created: 1_768_478_400 }),
    ];
    const { fetcher, calls } = offersBackend(offers);
    const el = await mountCard({ offerId: 'financingoffer_abc123', fetcher });
    await settled(el);
    expect(calls.map((c) => c.url)).to.deep.equal([`${ENDPOINT}/financingoffer_abc123`, `${ENDPOINT}/financingoffer_xyz456`]);
    expect(part(el, '[part="amount"]').textContent?.trim()).to.equal('$10,000.00');
    expect(part(el, '[part="replaced-notice"]').textContent?.trim()).to.equal('Your offer was updated: $5,000.00 → $10,000.00');
    expect(part(el, '.head [part="status"]').textContent?.trim()).to.equal('Available');
    expect(part(el, '[part="action-button"]').textContent?.trim()).to.equal('Review offer');
    expect(part(el, '[role="status"]').textContent).to.include('Your offer was updated');

    const history = part<HTMLDetailsElement>(el, '[part="history"]');
    expect(history.open).to.equal(false);
    expect(history.querySelector('summary')!.textContent?.trim()).to.equal('Offer history (1 earlier offer)');
    await expect(el).to.be.accessible();
    history.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => history.open, 'the history to open from the keyboard');
    const items = [...history.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.deep.equal(['$5,000.00, offered Jan 1, 2026 Replaced']);
    await expect(el).to.be.accessible();
    expectNoBrokenText(el);

    expect(replaced).to.have.length(1);
    const detail: OfferReplacedDetail = replaced[0]!.detail;
    expect(detail.previousOfferId).to.equal('financingoffer_abc123');
    expect(detail.offerId).to.equal('financingoffer_xyz456');
    expect(detail.offer?.offered_terms?.advance_amount).to.equal(1000000);
    expect(loads.map((e) => (e.detail.object as { id: string }).id)).to.deep.equal(['financingoffer_xyz456']);
  });

  it('says it in Japanese', async () => {
    const { fetcher } = offersBackend(chain(['financingoffer_a', 'financingoffer_b']));
    const el = await mountCard({ offerId: 'financingoffer_a', fetcher, lang: 'ja' });
    await settled(el);
    expect(part(el, '[part="replaced-notice"]').textContent?.trim()).to.equal('オファーが更新されました: $5,000.00 → $6,000.00');
    expect(part(el, '[part="history"] summary').textContent?.trim()).to.equal('オファー履歴 (以前のオファー 1 件)');
    expect(shadowText(el)).to.include('更新済み');
    await expect(el).to.be.accessible();
  });

  it('follows three replacements and lists every earlier offer, oldest first', async () => {
    const replaced = record('swk-offer-replaced');
    const { fetcher, calls } = offersBackend(chain(['financingoffer_a', 'financingoffer_b', 'financingoffer_c', 'financingoffer_d']));
    const el = await mountCard({ offerId: 'financingoffer_a', fetcher });
    await settled(el);
    expect(calls).to.have.length(4);
    expect(part(el, '[part="amount"]').textContent?.trim()).to.equal('$8,000.00');
    expect(part(el, '[part="replaced-notice"]').textContent?.trim()).to.equal('Your offer was updated: $5,000.00 → $8,000.00');
    const items = [...el.shadowRoot!.querySelectorAll('[part="history"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.deep.equal([
      '$5,000.00, offered Jan 1, 2026 Replaced',
      '$6,000.00, offered Jan 1, 2026 Replaced',
      '$7,000.00, offered Jan 1, 2026 Replaced',
    ]);
    expect(replaced.map((e) => [e.detail.previousOfferId, e.detail.offerId])).to.deep.equal([['financingoffer_a', 'financingoffer_d']]);
    await expect(el).to.be.accessible();
  });

  it('stops at a cycle with a localized error, and Retry recovers once the chain is fixed', async () => {
    const errors = record('swk-error');
    const offers = chain(['financingoffer_a', 'financingoffer_b']);
    offers[1] = { ...offers[1]!, status: 'replaced', replacement: 'financingoffer_a' };
    const { fetcher, calls } = offersBackend(offers);
    const el = await mountCard({ offerId: 'financingoffer_a', fetcher });
    await settled(el);
    const alert = part(el, '[role="alert"]');
    expect(alert.textContent).to.include('This offer’s update history loops back on itself.');
    expect(calls).to.have.length(2);
    const error: SwkErrorDetail['error'] = errors[0]!.detail.error;
    expect(error.kind).to.equal('invalid_response');
    expect(error.code).to.equal('offer_replacement_loop');
    await expect(el).to.be.accessible();

    offers[1] = { ...offers[1]!, status: 'delivered', replacement: null };
    part<HTMLButtonElement>(el, '[part="retry-button"]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part="amount"]'), 'the offer after Retry');
    expect(part(el, '[part="amount"]').textContent?.trim()).to.equal('$6,000.00');
  });

  it('says so in Japanese when the chain loops', async () => {
    const offers = [offer('financingoffer_a', { status: 'replaced', replacement: 'financingoffer_a' })];
    const el = await mountCard({ offerId: 'financingoffer_a', fetcher: offersBackend(offers).fetcher, lang: 'ja' });
    await settled(el);
    expect(part(el, '[role="alert"]').textContent).to.include('このオファーの更新履歴が循環しています。');
    await expect(el).to.be.accessible();
  });

  it('gives up after five replacements instead of following forever', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((x) => `financingoffer_${x}`);
    const { fetcher, calls } = offersBackend(chain(ids));
    const el = await mountCard({ offerId: ids[0], fetcher });
    await settled(el);
    expect(calls).to.have.length(6);
    expect(part(el, '[role="alert"]').textContent).to.include('This offer was updated too many times to follow.');
    expect(part(el, '[part="retry-button"]').textContent?.trim()).to.equal('Try again');
    await expect(el).to.be.accessible();
  });

  it('follows exactly five replacements', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `financingoffer_${x}`);
    const el = await mountCard({ offerId: ids[0], fetcher: offersBackend(chain(ids)).fetcher });
    await settled(el);
    expect(part(el, '[part="amount"]').textContent?.trim()).to.equal('$10,000.00');
  });

  it('shows an error with Retry when the replacement is missing (404), then recovers', async () => {
    const offers = chain(['financingoffer_a', 'financingoffer_b']);
    const missing = offers.pop()!;
    const backend = offersBackend(offers, (call) => (call.url.endsWith('/financingoffer_b') && offers.includes(missing) ? { json: missing } : undefined));
    const el = await mountCard({ offerId: 'financingoffer_a', fetcher: backend.fetcher });
    await settled(el);
    const alert = part(el, '[role="alert"]');
    expect(alert.textContent).to.include('Your offer was updated, but we could not load the new offer.');
    expect(alert.textContent).to.include("No such financing offer: 'financingoffer_b'");
    await expect(el).to.be.accessible();
    offers.push(missing);
    part<HTMLButtonElement>(el, '[part="retry-button"]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part="amount"]'), 'the replacement after Retry');
    expect(part(el, '[part="amount"]').textContent?.trim()).to.equal('$6,000.00');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('with no-follow shows the replaced offer and its replacement id, reports the replacement as soon as it loads, and again on request', async () => {
    const replaced = record('swk-offer-replaced');
    const { fetcher, calls } = offersBackend(chain(['financingoffer_a', 'financingoffer_b']));
    const expected = { previousOfferId: 'financingoffer_a', offerId: 'financingoffer_b', offer: null };
    for (const lang of ['en', 'ja']) {
      const el = await mountCard({ offerId: 'financingoffer_a', fetcher, noFollow: true, lang });
      await settled(el);
      expect(part(el, '[part="amount"]').textContent?.trim()).to.equal('$5,000.00');
      expect(part(el, '[part="status"]').textContent?.trim()).to.equal(lang === 'en' ? 'Replaced' : '更新済み');
      expect(part(el, '[part="replaced-notice"]').textContent).to.include('financingoffer_b');
      expect(el.shadowRoot!.querySelector('[part="action-button"]')).to.equal(null);
      await expect(el).to.be.accessible();
      // Fired on load, before any click: the site switches its stored active offer id.
      expect(replaced.map((e) => e.detail)).to.deep.equal([expected]);
      const button = part<HTMLButtonElement>(el, '[part="replacement-button"]');
      expect(button.textContent?.trim()).to.equal(lang === 'en' ? 'View updated offer' : '更新後のオファーを見る');
      button.click();
      expect(replaced.map((e) => e.detail)).to.deep.equal([expected, expected]);
      replaced.length = 0;
    }
    expect(calls.every((c) => c.url.endsWith('/financingoffer_a'))).to.equal(true);
  });

  it('with no-follow fires nothing for an offer that was not replaced', async () => {
    const replaced = record('swk-offer-replaced');
    const loads = record('swk-load');
    const el = await mountCard({ offerId: 'financingoffer_a', fetcher: offersBackend([offer('financingoffer_a')]).fetcher, noFollow: true });
    // swk-load is fired after the value's own report: once it is here, a replacement event would be too.
    await until(() => loads.length === 1, 'swk-load');
    expect(replaced).to.have.length(0);
    expect(el.shadowRoot!.querySelector('[part="replacement-button"]')).to.equal(null);
  });

  it("given the newest id, walks replacement_for back and shows the same change and history (the seed's $5,000 → $10,000)", async () => {
    const replaced = record('swk-offer-replaced');
    const loads = record('swk-load');
    const offers = [
      offer('financingoffer_abc123', { status: 'replaced', replacement: 'financingoffer_xyz456', offered_terms: usd(500000) }),
      offer('financingoffer_xyz456', { replacement_for: 'financingoffer_abc123', offered_terms: usd(1000000) }),
    ];
    const { fetcher, calls } = offersBackend(offers);
    const el = await mountCard({ offerId: 'financingoffer_xyz456', fetcher });
    await settled(el);
    expect(calls.map((c) => c.url)).to.deep.equal([`${ENDPOINT}/financingoffer_xyz456`, `${ENDPOINT}/financingoffer_abc123`]);
    expect(part(el, '[part="amount"]').textContent?.trim()).to.equal('$10,000.00');
    expect(part(el, '[part="replaced-notice"]').textContent?.trim()).to.equal('Your offer was updated: $5,000.00 → $10,000.00');
    const items = [...el.shadowRoot!.querySelectorAll('[part="history"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.deep.equal(['$5,000.00, offered Jan 1, 2026 Replaced']);
    await expect(el).to.be.accessible();
    // Nothing to switch: the site already holds the newest id.
    await until(() => loads.length === 1, 'swk-load');
    expect(replaced).to.have.length(0);
  });

  it("shows the history of the account's current offer too", async () => {
    const offers = chain(['financingoffer_a', 'financingoffer_b', 'financingoffer_c']);
    const { fetcher } = offersBackend(offers, (call) => (call.url === ENDPOINT ? { json: offers[2] } : undefined));
    const el = await mountCard({ fetcher });
    await settled(el);
    expect(part(el, '[part="replaced-notice"]').textContent?.trim()).to.equal('Your offer was updated: $5,000.00 → $7,000.00');
    expect(el.shadowRoot!.querySelectorAll('[part="history"] li')).to.have.length(2);
  });

  it('walks back at most five offers, and stops at a link that does not point back', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((x) => `financingoffer_${x}`);
    const long = offersBackend(chain(ids));
    const el = await mountCard({ offerId: ids.at(-1), fetcher: long.fetcher });
    await settled(el);
    expect(long.calls).to.have.length(6);
    expect(part(el, '[part="amount"]').textContent?.trim()).to.equal('$12,000.00');
    expect(el.shadowRoot!.querySelectorAll('[part="history"] li')).to.have.length(5);

    const broken = chain(['financingoffer_a', 'financingoffer_b', 'financingoffer_c']);
    broken[0] = { ...broken[0]!, replacement: 'financingoffer_elsewhere' };
    const short = offersBackend(broken);
    const el2 = await mountCard({ offerId: 'financingoffer_c', fetcher: short.fetcher });
    await settled(el2);
    expect(el2.shadowRoot!.querySelectorAll('[part="history"] li')).to.have.length(1);
    expect(part(el2, '[part="replaced-notice"]').textContent?.trim()).to.equal('Your offer was updated: $6,000.00 → $7,000.00');
  });

  it('still shows the offer when an earlier one cannot be loaded', async () => {
    const offers = chain(['financingoffer_a', 'financingoffer_b']).slice(1);
    const el = await mountCard({ offerId: 'financingoffer_b', fetcher: offersBackend(offers).fetcher });
    await settled(el);
    expect(part(el, '[part="amount"]').textContent?.trim()).to.equal('$6,000.00');
    expect(el.shadowRoot!.querySelector('[part="history"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('aborts a chain when offer-id changes mid-way and never shows the old one', async () => {
    const replaced = record('swk-offer-replaced');
    const offers = [...chain(['financingoffer_a', 'financingoffer_b']), offer('financingoffer_other', { offered_terms: usd(250000) })];
    const { fetcher, calls } = offersBackend(offers, (call) => (call.url.endsWith('/financingoffer_b') ? { json: offers[1], delayMs: 300 } : undefined));
    const answers: Promise<Response>[] = [];
    const recording: typeof fetcher = (input, init) => {
      const answer = fetcher(input, init);
      answers.push(answer);
      return answer;
    };
    const el = await mountCard({ offerId: 'financingoffer_a', fetcher: recording });
    await until(() => calls.length === 2, 'the replacement request');
    el.offerId = 'financingoffer_other';
    await until(() => !!el.shadowRoot!.querySelector('[part="amount"]'), 'the other offer');
    expect(calls[1]!.signal?.aborted).to.equal(true);
    // The old chain's request ended as aborted: no answer of it can ever reach the card.
    expect(await answers[1]!.then(() => 'answered', (error: Error) => error.name)).to.equal('AbortError');
    await el.updateComplete;
    expect(part(el, '[part="amount"]').textContent?.trim()).to.equal('$2,500.00');
    expect(el.shadowRoot!.querySelector('[part="replaced-notice"]')).to.equal(null);
    expect(replaced).to.have.length(0);
  });
});
