import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/climate-order-form/define.js';
import type { ClimateOrderForm } from '../../src/climate-order-form/define.js';
import { expectNoBrokenText, fakeBackend, mount, part, shadowText, stripeError, until } from '../helpers.js';
import { confirmButton, ENDPOINT, estimate, list, product, radio, scarce, soldOut, typeQuantity, untilListed } from './fixtures.js';

function setup(answer: Parameters<typeof fakeBackend>[0], attributes: { lang?: string; currency?: string } = {}) {
  const backend = fakeBackend(answer);
  const mountIt = async () => {
    const el = await mount<ClimateOrderForm>(html`<climate-order-form
      lang=${attributes.lang ?? 'en'}
      endpoint=${ENDPOINT}
      currency=${attributes.currency ?? ''}
      .fetcher=${backend.fetcher}
    ></climate-order-form>`);
    await untilListed(el);
    return el;
  };
  return { backend, mountIt };
}

const products = () => ({ json: list(product(), scarce(), soldOut()) });

/** A product's `dl` as term → description. */
function terms(item: Element): Record<string, string> {
  return Object.fromEntries([...item.querySelectorAll('dt')].map((dt) => [dt.textContent!.trim(), dt.nextElementSibling!.textContent!.replace(/\s+/g, ' ').trim()]));
}

describe('<climate-order-form> product list', () => {
  it('lists each product with its suppliers, pathways, places, delivery year, availability and price per ton', async () => {
    const { backend, mountIt } = setup(products);
    const el = await mountIt();
    expect(backend.calls.map((c) => `${c.method} ${c.url}`)).to.deep.equal(['GET /api/climate/products']);
    const items = [...el.shadowRoot!.querySelectorAll('[part~="product"]')];
    expect(items).to.have.length(3);
    expect(items[0]!.querySelector('[part~="product-name"]')!.textContent).to.equal('Offtake portfolio 2027');
    expect(terms(items[0]!)).to.deep.equal({ 'Price per ton': '$566.50 ($550.00 + $16.50 fees)', 'Delivery year': '2027', Available: '1,000,000 t' });
    const suppliers = [...items[0]!.querySelectorAll('[part~="supplier"]')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(suppliers).to.deep.equal([
      'Charm Industrial · Biomass carbon removal and storage · San Francisco, CA, US About Charm Industrial',
      'Heirloom · Direct air capture · Brisbane, CA, US About Heirloom',
    ]);
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~="supplier-link"]')].map((a) => [a.textContent, a.href]);
    expect(links[0]).to.deep.equal(['About Charm Industrial', 'https://example.com/suppliers/charm-industrial']);
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('a sold-out product says so and cannot be chosen', async () => {
    const { mountIt } = setup(products);
    const el = await mountIt();
    const sold = radio(el, 'Enhanced weathering 2026');
    expect(sold.disabled).to.equal(true);
    expect(sold.closest('[part~="product"]')!.querySelector('[part~="availability"]')!.textContent!.trim()).to.equal('Sold out');
    sold.click();
    await el.updateComplete;
    expect(sold.checked).to.equal(false);
    expect(radio(el, 'Offtake portfolio 2027').disabled).to.equal(false);
  });

  it('shows prices in the currency attribute; a product not sold in it cannot be chosen', async () => {
    const { mountIt } = setup(products, { currency: 'JPY' });
    const el = await mountIt();
    expect(part(el, '[part~="price"]').textContent!.replace(/\s+/g, ' ').trim()).to.equal('¥84,975 (¥82,500 + ¥2,475 fees)');
    const dac = radio(el, 'Direct air capture 2028');
    expect(dac.disabled).to.equal(true);
    expect(dac.closest('[part~="product"]')!.querySelector('[part~="availability"]')!.textContent!.trim()).to.equal('Not sold in JPY');
  });

  it('says when there is nothing to buy', async () => {
    const { mountIt } = setup(() => ({ json: list() }));
    const el = await mountIt().catch(() => undefined);
    void el;
    const shown = document.querySelector('climate-order-form')!;
    await until(() => shadowText(shown).includes('No products are available right now.'), 'the empty state');
    await expect(shown).to.be.accessible();
  });

  it('a failed load shows the error with Retry, which loads again', async () => {
    let fail = true;
    const { backend, mountIt } = setup(() => (fail ? stripeError(500, 'Stripe is down', 'api_error', 'api_error') : products()));
    const el = await mountIt();
    await until(() => el.shadowRoot!.querySelector('[part~="retry-button"]') !== null, 'the error state');
    expect(shadowText(el)).to.include('Stripe returned an error.');
    await expect(el).to.be.accessible();
    fail = false;
    part<HTMLButtonElement>(el, '[part~="retry-button"]').click();
    await until(() => el.shadowRoot!.querySelector('[part~="product"]') !== null, 'the list after Retry');
    expect(backend.calls.length).to.be.greaterThan(1);
  });

  it('renders in Japanese', async () => {
    const { mountIt } = setup(products, { lang: 'ja' });
    const el = await mountIt();
    await until(() => shadowText(el).includes('炭素除去を購入'), 'the Japanese title');
    expect(shadowText(el)).to.include('売り切れ');
    expect(shadowText(el)).to.include('直接空気回収');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });
});

describe('<climate-order-form> quantity and estimate', () => {
  it("estimates by tons as Stripe rounds (0.01 t: $5.50 + $0.17 = $5.67)", async () => {
    const { mountIt } = setup(products);
    const el = await mountIt();
    radio(el, 'Offtake portfolio 2027').click();
    await typeQuantity(el, '0.01');
    expect(estimate(el)).to.deep.equal({ 'Carbon removal': '0.01 t', 'Carbon removal cost': '$5.50', 'Frontier fees': '$0.17', Total: '$5.67' });
    await expect(el).to.be.accessible();
  });

  it('estimates by amount: the amount is the total, fees included, and buys about that many tons', async () => {
    const { mountIt } = setup(products);
    const el = await mountIt();
    radio(el, 'Offtake portfolio 2027').click();
    const byAmount = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="mode"]')][1]!;
    byAmount.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('label[for="quantity"]')!.textContent).to.equal('Amount to spend in USD, fees included');
    await typeQuantity(el, '100');
    expect(estimate(el)).to.deep.equal({ 'Carbon removal': 'About 0.176 t', 'Carbon removal cost': '$97.09', 'Frontier fees': '$2.91', Total: '$100.00' });
    await typeQuantity(el, '100.005');
    expect(shadowText(el)).to.include('Use fewer decimal places.');
    expect(part(el, '[part~="quantity-input"]').getAttribute('aria-invalid')).to.equal('true');
    expect(estimate(el)).to.deep.equal({});
  });

  it('reads full-width digits, and says what is wrong with other input', async () => {
    const { mountIt } = setup(products);
    const el = await mountIt();
    radio(el, 'Direct air capture 2028').click();
    await typeQuantity(el, '１．５');
    expect(estimate(el).Total).to.equal('$927.00');
    for (const [typed, message] of [
      ['abc', 'Enter a number such as 0.5.'],
      ['0', 'Enter more than zero.'],
      ['3', 'Only 2.5 t are available.'],
    ]) {
      await typeQuantity(el, typed!);
      expect(part(el, '#quantity-error').textContent).to.equal(message);
      expect(part(el, '[part~="quantity-input"]').getAttribute('aria-describedby')).to.equal('quantity-error');
    }
    await expect(el).to.be.accessible();
  });

  it('Place order without a choice says what is missing and moves focus there; nothing is sent', async () => {
    const { backend, mountIt } = setup(products);
    const el = await mountIt();
    confirmButton(el).click();
    await until(() => shadowText(el).includes('Enter how much to buy.'), 'the missing quantity');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, '[part~="quantity-input"]'));
    await typeQuantity(el, '1');
    confirmButton(el).click();
    await until(() => shadowText(el).includes('Choose a product.'), 'the missing product');
    const focused = radio(el, 'Offtake portfolio 2027');
    expect(el.shadowRoot!.activeElement).to.equal(focused);
    // The focused radio is described by the error too, so a screen reader says what is missing.
    const described = focused.getAttribute('aria-describedby')!.split(' ').map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim());
    expect(described).to.include('Choose a product.');
    expect(backend.calls.filter((c) => c.method === 'POST')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('is keyboard-complete: arrow keys choose a product, Enter in the quantity places the order', async () => {
    const { backend, mountIt } = setup((call) => (call.method === 'POST' ? { json: { id: 'climorder_kb', object: 'climate.order', status: 'confirmed' } } : products()));
    const el = await mountIt();
    radio(el, 'Offtake portfolio 2027').focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(radio(el, 'Direct air capture 2028').checked).to.equal(true);
    part<HTMLInputElement>(el, '[part~="quantity-input"]').focus();
    await sendKeys({ type: '2' });
    await sendKeys({ press: 'Enter' });
    await until(() => backend.calls.some((c) => c.method === 'POST'), 'the order');
    expect(backend.calls.find((c) => c.method === 'POST')!.body).to.deep.equal({ product: 'climsku_dac_2028', metric_tons: '2', currency: 'usd' });
  });
});
