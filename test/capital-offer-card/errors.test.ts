import { expect } from '@open-wc/testing';
import type { WidgetError } from '../../src/core/errors.js';
import { expectNoBrokenText, part, stripeError, until, type FakeAnswer } from '../helpers.js';
import { mountCard, offer, offersBackend, settled } from './fixtures.js';

type Case = { name: string; answer: FakeAnswer; kind: WidgetError['kind']; en: string; ja: string; timeout?: number; detail?: string };

const cases: Case[] = [
  {
    name: 'a 500 with a Stripe error body',
    answer: stripeError(500, 'The Capital API is unavailable', 'api_error', 'api_error'),
    kind: 'stripe',
    en: 'Stripe returned an error.',
    ja: 'Stripe がエラーを返しました。',
    detail: 'The Capital API is unavailable',
  },
  { name: 'an HTML page', answer: { text: '<html><body>Bad gateway</body></html>' }, kind: 'invalid_response', en: 'The server sent an answer we could not read.', ja: 'サーバーの応答を読み取れませんでした。' },
  { name: 'a timeout', answer: 'hang', kind: 'timeout', timeout: 0.2, en: 'The server took too long to answer.', ja: 'サーバーの応答に時間がかかりすぎています。' },
  { name: 'an object that fails the schema', answer: { json: { id: 42, status: ['x'] } }, kind: 'invalid_response', en: 'The server sent an answer we could not read.', ja: 'サーバーの応答を読み取れませんでした。' },
  { name: 'a network failure', answer: 'network-error', kind: 'network', en: 'We could not reach the server.', ja: 'サーバーに接続できませんでした。' },
];

describe('capital-offer-card: backend errors', () => {
  for (const c of cases) {
    it(`shows ${c.name} as a localized error with a working Retry`, async () => {
      for (const lang of ['en', 'ja'] as const) {
        let failing = true;
        const errors: CustomEvent[] = [];
        const onError = (e: CustomEvent) => errors.push(e);
        document.addEventListener('swk-error', onError);
        const { fetcher } = offersBackend([offer('financingoffer_1')], () => (failing ? c.answer : undefined));
        const el = await mountCard({ offerId: 'financingoffer_1', fetcher, lang, ...(c.timeout && { timeout: c.timeout }) });
        await until(() => !!el.shadowRoot!.querySelector('[role="alert"]'), `the ${c.name} error`, 5000);
        const alert = part(el, '[role="alert"]');
        expect(alert.textContent).to.include(lang === 'en' ? c.en : c.ja);
        if (c.detail) expect(alert.textContent).to.include(c.detail);
        expect(errors.map((e) => (e.detail as { error: WidgetError }).error.kind)).to.deep.equal([c.kind]);
        expect(part(el, '[role="status"]').textContent).to.include(lang === 'en' ? 'Something went wrong' : '問題が発生しました');
        expectNoBrokenText(el);
        await expect(el).to.be.accessible();

        failing = false;
        const retry = part<HTMLButtonElement>(el, '[part="retry-button"]');
        retry.focus();
        retry.click();
        await until(() => !!el.shadowRoot!.querySelector('[part="amount"]'), 'the offer after Retry', 5000);
        expect(part(el, '[part="amount"]').textContent?.trim()).to.equal('$5,000.00');
        await expect(el).to.be.accessible();
        document.removeEventListener('swk-error', onError);
        expect(errors.every((e) => e.target === el)).to.equal(true);
      }
    });
  }

  it('shows a 404 for a named offer as an error (only the current-offer route treats it as "no offer")', async () => {
    const el = await mountCard({ offerId: 'financingoffer_gone', fetcher: offersBackend([]).fetcher });
    await settled(el);
    expect(part(el, '[role="alert"]').textContent).to.include("No such financing offer: 'financingoffer_gone'");
    expect(el.shadowRoot!.querySelector('[part="empty"]')).to.equal(null);
  });

  it('says it is not set up when the endpoint is missing', async () => {
    const el = await mountCard({ offerId: 'financingoffer_1', fetcher: offersBackend([]).fetcher });
    el.endpoint = '';
    await until(() => !!el.shadowRoot!.querySelector('[role="alert"]'), 'the config error');
    expect(part(el, '[role="alert"]').textContent).to.include('This widget is not set up correctly.');
    await expect(el).to.be.accessible();
  });

  it('shows the loading state labelled while waiting', async () => {
    const el = await mountCard({ offerId: 'financingoffer_1', fetcher: offersBackend([], () => 'hang').fetcher, lang: 'ja' });
    expect(part(el, '[part="loading"]').textContent).to.include('融資オファーを読み込み中…');
    expect(part(el, '[role="status"]').textContent).to.include('融資オファーを読み込み中…');
    await expect(el).to.be.accessible();
  });
});
