import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineMessages, normalizeLocale, resolveLocale } from '../../src/core/i18n.js';
import { SwkElement } from '../../src/core/swk-element.js';
import { until } from '../helpers.js';
import { LocaleController } from '../../src/core/locale-controller.js';

class LocaleProbe extends LitElement {
  readonly localeController = new LocaleController(this);
  override render() {
    return html`<span>${this.localeController.locale}</span>`;
  }
}
customElements.define('swk-locale-probe', LocaleProbe);

describe('locale resolution', () => {
  afterEach(() => document.documentElement.setAttribute('lang', 'en'));

  it('normalizes tags', () => {
    expect(normalizeLocale('ja-JP')).to.equal('ja');
    expect(normalizeLocale('JA')).to.equal('ja');
    expect(normalizeLocale('fr')).to.equal('en');
    expect(normalizeLocale('')).to.equal(undefined);
  });

  it("prefers the element's own lang, then the nearest ancestor's, then the document's", async () => {
    document.documentElement.setAttribute('lang', 'ja');
    const tree = await fixture(html`<div lang="en"><section><span id="inner"></span><span id="own" lang="ja"></span></section></div>`);
    expect(resolveLocale(tree.querySelector('#inner')!)).to.equal('en');
    expect(resolveLocale(tree.querySelector('#own')!)).to.equal('ja');
    const loose = await fixture(html`<span></span>`);
    expect(resolveLocale(loose)).to.equal('ja');
  });

  it('falls back to the browser language when no lang is set anywhere', async () => {
    document.documentElement.removeAttribute('lang');
    const el = await fixture(html`<span></span>`);
    const expected: Record<string, string> = { 'ja-JP': 'ja', ja: 'ja', 'en-GB': 'en', 'fr-FR': 'en' };
    try {
      for (const [language, locale] of Object.entries(expected)) {
        Object.defineProperty(navigator, 'language', { configurable: true, get: () => language });
        expect(resolveLocale(el), language).to.equal(locale);
      }
    } finally {
      delete (navigator as unknown as Record<string, unknown>).language;
    }
    expect(navigator.language, 'the real getter is back').to.be.a('string');
  });

  it('crosses shadow roots to the host', async () => {
    const host = await fixture(html`<div lang="ja"></div>`);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(resolveLocale(inner)).to.equal('ja');
  });

  it('re-renders when its own or an ancestor lang changes', async () => {
    const wrapper = await fixture(html`<div lang="en"><swk-locale-probe></swk-locale-probe></div>`);
    const probe = wrapper.querySelector('swk-locale-probe') as LocaleProbe;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('en');
    wrapper.setAttribute('lang', 'ja');
    await new Promise((r) => setTimeout(r, 0));
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('ja');
    probe.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r, 0));
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('en');
  });
});

describe('a Japanese catalog that fails to load', () => {
  const tries = { rejected: 0, missing: 0 };
  /**
   * A widget that asked again on every render would loop (render, the load fails, render…) and, with
   * a failure that comes as a microtask, freeze the page: the test would only hang. Past a few tries
   * the loader stops answering instead, so that loop ends in a failed assertion on the counts.
   */
  const MAX_TRIES = 3;
  const stalled = () => new Promise<never>(() => {});
  const rejectedCatalog = defineMessages({ greeting: 'Hello' }, () => {
    tries.rejected += 1;
    return tries.rejected > MAX_TRIES ? stalled() : Promise.reject(new Error('offline'));
  });
  // A chunk that is gone after a deploy: the browser's own 404 for a dynamic import.
  const missingCatalog = defineMessages({ farewell: 'Goodbye' }, () => {
    tries.missing += 1;
    return tries.missing > MAX_TRIES ? stalled() : import(/* @vite-ignore */ `/missing-chunk-${Date.now()}.js`);
  });

  class FailingCatalogProbe extends SwkElement {
    static override catalogs = [rejectedCatalog];
    override render() {
      return html`<p>${this.text(rejectedCatalog).greeting} ${this.text(missingCatalog).farewell} ${this.coreText.retry}</p>`;
    }
  }
  FailingCatalogProbe.define('swk-failing-catalog-probe');

  it('renders English and stops asking for the chunk', async function () {
    this.timeout(10_000);
    const el = await fixture<FailingCatalogProbe>(html`<swk-failing-catalog-probe lang="ja"></swk-failing-catalog-probe>`);
    await until(() => missingCatalog.failed === true || tries.missing > MAX_TRIES, 'the 404 to be seen');
    await until(() => !el.isUpdatePending || tries.rejected > MAX_TRIES, 'the element to settle');
    expect(tries, 'each chunk asked for once').to.deep.equal({ rejected: 1, missing: 1 });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('Hello Goodbye 再試行');
    // Later renders (a refresh, a lang change) do not ask again.
    el.requestUpdate();
    await el.updateComplete;
    el.setAttribute('lang', 'ja-JP');
    await el.updateComplete;
    expect(tries).to.deep.equal({ rejected: 1, missing: 1 });
    expect(el.isUpdatePending).to.equal(false);
  });
});
