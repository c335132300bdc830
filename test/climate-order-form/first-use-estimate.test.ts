import { expect, html } from '@open-wc/testing';
import '../../src/climate-order-form/define.js';
import type { ClimateOrderForm } from '../../src/climate-order-form/define.js';
import { fakeBackend, mount, part } from '../helpers.js';
import { ENDPOINT, estimate, list, product, radio, untilListed } from './fixtures.js';

// Reading the quantity and the estimate (ordering.ts) load on the form's first use. This file's page
// has not loaded them before its one test (each test file has a page of its own): the first update
// after typing waits for that code. first-use-submit.test.ts does the same for a quick submit.
describe('<climate-order-form> typed into on its first use', () => {
  it('shows the estimate in the same update as the typed quantity', async () => {
    const backend = fakeBackend(() => ({ json: list(product()) }));
    const el = await mount<ClimateOrderForm>(html`<climate-order-form lang="en" endpoint=${ENDPOINT} .fetcher=${backend.fetcher}></climate-order-form>`);
    await untilListed(el);
    radio(el, 'Offtake portfolio 2027').click();
    const input = part<HTMLInputElement>(el, '[part~="quantity-input"]');
    input.value = '0.01';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(estimate(el)).to.deep.equal({ 'Carbon removal': '0.01 t', 'Carbon removal cost': '$5.50', 'Frontier fees': '$0.17', Total: '$5.67' });
  });
});
