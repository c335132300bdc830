import { expect, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/climate-order-form/define.js';
import type { ClimateOrderForm } from '../../src/climate-order-form/define.js';
import { climateProduct, climateProductList } from '../../src/testing/arbitraries/index.js';
import { describeFailure, PROPERTY_RUNS, propertyParameters } from '../arbitraries/settings.js';
import { expectNoBrokenText, fakeBackend, mount, shadowText } from '../helpers.js';
import { expectEveryObjectRenders } from '../property.js';
import { list, product, typeQuantity } from './fixtures.js';

describe('climate-order-form with generated products', () => {
  it(`lists each of ${PROPERTY_RUNS} generated product lists (odd prices, currencies, availability, suppliers), each product by its own name`, async function () {
    this.timeout(300_000);
    let current: unknown = list(product());
    const backend = fakeBackend(() => ({ json: current }));
    const el = await mount<ClimateOrderForm>(html`<climate-order-form endpoint="/api/climate-0" .fetcher=${backend.fetcher}></climate-order-form>`);
    let next = 0;
    const { runs, seconds } = await expectEveryObjectRenders(el, climateProductList, (products) => {
      current = products;
      el.endpoint = `/api/climate-${(next += 1)}`;
    }, (products) => {
      // Every product of the list, in its order, by its own name (its id when it has none).
      const data = products.data as { id: string; name?: string | null }[];
      const names = [...el.shadowRoot!.querySelectorAll('[part~="product-name"]')].map((label) => label.textContent?.trim());
      expect(names).to.deep.equal(data.map((product) => (product.name || product.id).trim()));
      if (data.length === 0) expect(el.shadowRoot!.querySelector('[part~="message"]')).not.to.equal(null);
    });
    console.log(`climate-order-form: ${runs} generated product lists rendered in ${seconds} s`);
    expect(runs).to.be.at.least(PROPERTY_RUNS);
  });

  it('estimates any generated product for any quantity without printing broken text', async function () {
    this.timeout(300_000);
    let current: unknown = list(product());
    const backend = fakeBackend(() => ({ json: current }));
    const el = await mount<ClimateOrderForm>(html`<climate-order-form endpoint="/api/climate-e0" .fetcher=${backend.fetcher}></climate-order-form>`);
    let next = 0;
    const quantities = fc.constantFrom('1', '0.5', '0.000000000001', '999999999999', '12.25', '100', '0', 'x');
    const property = fc.asyncProperty(climateProduct, quantities, fc.boolean(), fc.constantFrom('en', 'ja'), async (generated, typed, byAmount, lang) => {
      current = list(generated);
      el.lang = lang;
      const loaded = new Promise((resolve) => el.addEventListener('swk-load', resolve, { once: true }));
      el.endpoint = `/api/climate-e${(next += 1)}`;
      await loaded;
      await el.updateComplete;
      const choice = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="product"]:not(:disabled)');
      choice?.click();
      if (byAmount) el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="mode"]')[1]?.click();
      await el.updateComplete;
      if (el.shadowRoot!.querySelector('[part~="quantity-input"]')) await typeQuantity(el, typed);
      if (shadowText(el) === '') throw new Error('rendered nothing');
      expectNoBrokenText(el);
    });
    const details = await fc.check(property, { ...propertyParameters(), numRuns: 200 });
    if (details.failed) throw new Error(describeFailure(details));
  });
});
