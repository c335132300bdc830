import { expect, html } from '@open-wc/testing';
import '../../src/climate-order-form/define.js';
import type { ClimateOrderForm, OrderCreatedDetail } from '../../src/climate-order-form/define.js';
import { fakeBackend, mount, oneEvent, part, shadowText } from '../helpers.js';
import { confirmButton, createdOrder, ENDPOINT, list, product, radio, untilListed } from './fixtures.js';

// Reading the quantity and the estimate (ordering.ts) load on the form's first use. This file's page
// has not loaded them before its one test (each test file has a page of its own): the test meets a
// form whose code is still on its way. first-use-estimate.test.ts does the same for the render.
describe('<climate-order-form> submitted on its first use', () => {
  it('places the order typed and submitted at once, before the code that reads it had arrived', async () => {
    const backend = fakeBackend((call) => (call.method === 'POST' ? { json: createdOrder() } : { json: list(product()) }));
    const el = await mount<ClimateOrderForm>(html`<climate-order-form lang="en" endpoint=${ENDPOINT} no-order-status .fetcher=${backend.fetcher}></climate-order-form>`);
    await untilListed(el);
    radio(el, 'Offtake portfolio 2027').click();
    const input = part<HTMLInputElement>(el, '[part~="quantity-input"]');
    input.value = '0.5';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const created = oneEvent(el, 'swk-order-created');
    // The submit comes before the update the input asked for (which waits for the code) has rendered.
    confirmButton(el).click();
    const { detail } = (await created) as CustomEvent<OrderCreatedDetail>;
    expect(detail.order.id).to.equal('climorder_new_1');
    const posts = backend.calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.body)).to.deep.equal([{ product: 'climsku_frontier_offtake_portfolio_2027', metric_tons: '0.5', currency: 'usd' }]);
    expect(shadowText(el)).not.to.include('Enter how much to buy');
  });
});
