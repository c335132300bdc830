import { expect, html } from '@open-wc/testing';
import '../../src/climate-order-form/define.js';
import '../../src/climate-order-status/define.js';
import type { ClimateOrderForm, OrderCreatedDetail } from '../../src/climate-order-form/define.js';
import { en } from '../../src/messages.js';
import { FakeEventSource, useFakeEventSource } from '../fake-event-source.js';
import { afterMicrotasks, expectNoBrokenText, fakeBackend, heldAnswer, liveText, mount, oneEvent, part, shadowText, stripeError, until, type FakeAnswer, type RecordedCall } from '../helpers.js';
import { confirmButton, createdOrder, ENDPOINT, estimate, fillIn, list, product, radio, soldOut, typeQuantity, untilListed } from './fixtures.js';

const EVENTS = '/api/events-order-form-test';

type Answer = (call: RecordedCall) => FakeAnswer | Promise<FakeAnswer>;

async function setup(answer: Answer, options: { noOrderStatus?: boolean } = {}) {
  const backend = fakeBackend(answer);
  const el = await mount<ClimateOrderForm>(html`<climate-order-form
    lang="en"
    endpoint=${ENDPOINT}
    events-url=${EVENTS}
    ?no-order-status=${options.noOrderStatus ?? false}
    .fetcher=${backend.fetcher}
  ></climate-order-form>`);
  await untilListed(el);
  return { backend, el, posts: () => backend.calls.filter((c) => c.method === 'POST' && c.url === '/api/climate/orders') };
}

const listAnswer = (): FakeAnswer => ({ json: list(product(), soldOut()) });

describe('<climate-order-form> placing an order', () => {
  useFakeEventSource();

  it('posts the order with a key, fires swk-order-created and shows the order with <climate-order-status>', async () => {
    const { el, posts } = await setup((call) => (call.method === 'POST' ? { json: createdOrder() } : call.url.startsWith('/api/climate/orders/') ? { json: createdOrder() } : listAnswer()));
    await fillIn(el);
    expect(estimate(el).Total).to.equal('$283.25');
    const created = oneEvent(el, 'swk-order-created');
    confirmButton(el).click();
    const { detail } = (await created) as CustomEvent<OrderCreatedDetail>;
    expect(detail.order.id).to.equal('climorder_new_1');
    const [post] = posts();
    expect(post!.body).to.deep.equal({ product: 'climsku_frontier_offtake_portfolio_2027', metric_tons: '0.5', currency: 'usd', beneficiary: { public_name: 'Example Coffee' } });
    expect(post!.headers.get('Idempotency-Key')).to.match(/^swk_[0-9a-f-]{36}$/);
    await until(() => el.shadowRoot!.querySelector('[part~="result"]') !== null, 'the result');
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Order placed');
    const status = part(el, 'climate-order-status');
    expect([status.getAttribute('endpoint'), status.getAttribute('order-id'), status.getAttribute('events-url')]).to.deep.equal(['/api/climate/orders', 'climorder_new_1', EVENTS]);
    await until(() => shadowText(status).includes('Confirmed'), 'the order status inside the form');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();

    // "Place another order": back to the form, the list fetched again.
    part<HTMLButtonElement>(el, '[part~="another-button"]').click();
    await until(() => el.shadowRoot!.querySelector('[part~="quantity-input"]') !== null, 'the form again');
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('title');
  });

  it("reads the quantity in the page's language: 0,5 t under a French catalog orders half a ton", async () => {
    const backend = fakeBackend((call) => (call.method === 'POST' ? { json: createdOrder() } : listAnswer()));
    const el = await mount<ClimateOrderForm>(html`<climate-order-form
      lang="fr"
      endpoint=${ENDPOINT}
      no-order-status
      .messages=${{ fr: en }}
      .fetcher=${backend.fetcher}
    ></climate-order-form>`);
    await untilListed(el);
    expect(el.locale).to.equal('fr');
    radio(el, 'Offtake portfolio 2027').click();
    await typeQuantity(el, '0,5');
    confirmButton(el).click();
    await until(() => backend.calls.some((c) => c.method === 'POST'), 'the order');
    expect(backend.calls.find((c) => c.method === 'POST')!.body).to.deep.include({ metric_tons: '0.5' });
  });

  it('no-order-status leaves the status to the site', async () => {
    const { el } = await setup((call) => (call.method === 'POST' ? { json: createdOrder() } : listAnswer()), { noOrderStatus: true });
    await fillIn(el);
    confirmButton(el).click();
    await until(() => el.shadowRoot!.querySelector('[part~="result"]') !== null, 'the result');
    expect(el.shadowRoot!.querySelector('climate-order-status')).to.equal(null);
    expect(shadowText(el)).to.include('Order climorder_new_1 was placed.');
  });

  it("shows Stripe's refusal with Retry; Retry sends the same order with the same key", async () => {
    let refuse = true;
    const { el, posts } = await setup((call) =>
      call.method === 'POST' ? (refuse ? stripeError(400, 'Your balance is too low for this order.', 'balance_insufficient') : { json: createdOrder() }) : listAnswer(),
    );
    await fillIn(el);
    const failed = oneEvent(el, 'swk-error');
    confirmButton(el).click();
    expect((await failed).detail.error).to.include({ kind: 'stripe', code: 'balance_insufficient' });
    await until(() => el.shadowRoot!.querySelector('[part~="order-error"]') !== null, 'the order error');
    expect(shadowText(el)).to.include('The order was not placed');
    expect(shadowText(el)).to.include('Details: Your balance is too low for this order.');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, '[part~="order-error"] [part~="retry-button"]'));
    await expect(el).to.be.accessible();
    refuse = false;
    part<HTMLButtonElement>(el, '[part~="order-error"] [part~="retry-button"]').click();
    await until(() => el.shadowRoot!.querySelector('[part~="result"]') !== null, 'the order after Retry');
    const [first, retry] = posts();
    expect(retry!.headers.get('Idempotency-Key')).to.equal(first!.headers.get('Idempotency-Key'));
    expect(retry!.body).to.deep.equal(first!.body);
  });

  it('a changed order after a failure is a new action with a new key', async () => {
    let refuse = true;
    const { el, posts } = await setup((call) => (call.method === 'POST' ? (refuse ? stripeError(400, 'Try less.', 'parameter_invalid') : { json: createdOrder() }) : listAnswer()));
    await fillIn(el);
    confirmButton(el).click();
    await until(() => el.shadowRoot!.querySelector('[part~="order-error"]') !== null, 'the order error');
    await typeQuantity(el, '0.25');
    expect(el.shadowRoot!.querySelector('[part~="order-error"]'), 'editing clears the old error').to.equal(null);
    refuse = false;
    confirmButton(el).click();
    await until(() => posts().length === 2, 'the second order');
    expect(posts()[1]!.headers.get('Idempotency-Key')).not.to.equal(posts()[0]!.headers.get('Idempotency-Key'));
  });

  it('a double click places one order', async () => {
    const { answer, release } = heldAnswer({ json: createdOrder() });
    const { el, posts } = await setup((call) => (call.method === 'POST' ? answer : listAnswer()));
    await fillIn(el);
    confirmButton(el).click();
    confirmButton(el).click();
    await el.updateComplete;
    expect(confirmButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(confirmButton(el).textContent!.trim()).to.equal('Placing order…');
    confirmButton(el).click();
    release();
    await until(() => el.shadowRoot!.querySelector('[part~="result"]') !== null, 'the result');
    expect(posts()).to.have.length(1);
  });

  it('a price event refetches the list; the estimate follows the new price before the order can be placed', async () => {
    let price = { amount_fees: 1650, amount_subtotal: 55000, amount_total: 56650 };
    let hold: ReturnType<typeof heldAnswer> | undefined;
    const { el, backend, posts } = await setup((call) => {
      if (call.method === 'POST') return { json: createdOrder() };
      const answer = { json: list(product({ current_prices_per_metric_ton: { usd: price } }), soldOut()) };
      return hold ? hold.answer : answer;
    });
    await fillIn(el);
    expect(estimate(el).Total).to.equal('$283.25');
    const stream = FakeEventSource.open(EVENTS);
    const gets = () => backend.calls.filter((c) => c.method === 'GET').length;
    const before = gets();
    price = { amount_fees: 1815, amount_subtotal: 60500, amount_total: 62315 };
    hold = heldAnswer({ json: list(product({ current_prices_per_metric_ton: { usd: price } }), soldOut()) });
    stream.push({ type: 'climate.order.delivered', id: 'climorder_1', object: 'climate.order' });
    stream.push({ type: 'climate.product.pricing_updated', id: 'climsku_frontier_offtake_portfolio_2027', object: 'climate.product' });
    await until(() => gets() === before + 1, 'one refetch, for the product event only');
    await el.updateComplete;
    expect(confirmButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(confirmButton(el).textContent!.trim()).to.equal('Updating prices…');
    expect(liveText(el)).to.equal('Updating prices…');
    confirmButton(el).click();
    await afterMicrotasks();
    expect(posts(), 'no order on the old estimate').to.have.length(0);
    hold.release();
    await until(() => estimate(el).Total === '$311.58', 'the estimate at the new price');
    expect(estimate(el)).to.deep.equal({ 'Carbon removal': '0.5 t', 'Carbon removal cost': '$302.50', 'Frontier fees': '$9.08', Total: '$311.58' });
    expect(liveText(el), 'a screen reader hears the new total').to.equal('Prices updated. Total: $311.58');
    expect(confirmButton(el).getAttribute('aria-disabled')).to.equal('false');
    hold = undefined;
    stream.push({ type: 'climate.product.created', id: 'climsku_new', object: 'climate.product' });
    await until(() => gets() === before + 2, 'a refetch for a new product');
    await until(() => confirmButton(el).getAttribute('aria-disabled') === 'false', 'the refetch done');
    expect(liveText(el), 'a refresh that changed no price announces nothing').to.equal('');
    confirmButton(el).click();
    await until(() => posts().length === 1, 'the order');
  });

  it('a price refresh that fails is announced as such, never as updated prices', async () => {
    let fail = false;
    const { el, backend } = await setup((call) =>
      call.method === 'POST' ? { json: createdOrder() } : fail ? stripeError(400, 'Try later.', 'parameter_invalid') : listAnswer(),
    );
    await fillIn(el);
    fail = true;
    const gets = backend.calls.length;
    FakeEventSource.open(EVENTS).push({ type: 'climate.product.pricing_updated', id: 'climsku_frontier_offtake_portfolio_2027', object: 'climate.product' });
    await until(() => backend.calls.length > gets, 'the refresh');
    await until(() => liveText(el) !== 'Updating prices…' && liveText(el) !== '', 'the refresh to end');
    expect(liveText(el)).to.equal('Prices could not be updated: retry before ordering.');
    expect(estimate(el).Total, 'the old estimate stays').to.equal('$283.25');
  });

  it('a sold-out product chosen earlier cannot be ordered once the list says it sold out', async () => {
    let available = '1000000';
    const { el, posts } = await setup((call) => (call.method === 'POST' ? { json: createdOrder() } : { json: list(product({ metric_tons_available: available })) }));
    await fillIn(el);
    available = '0';
    FakeEventSource.open(EVENTS).push({ type: 'climate.product.pricing_updated', id: 'climsku_frontier_offtake_portfolio_2027', object: 'climate.product' });
    await until(() => radio(el, 'Offtake portfolio 2027').disabled, 'the product sold out');
    confirmButton(el).click();
    await until(() => shadowText(el).includes('Choose a product.'), 'the missing product');
    expect(posts()).to.have.length(0);
  });
});
