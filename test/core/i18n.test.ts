import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { normalizeLocale, resolveLocale } from '../../src/core/i18n.js';
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
