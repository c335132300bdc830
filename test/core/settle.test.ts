import { expect, fixture, html } from '@open-wc/testing';
import '../../src/climate-order-status/define.js';
import type { ClimateOrderStatus } from '../../src/climate-order-status/define.js';
import type { SwkErrorDetail } from '../../src/core/events.js';
import { SETTLE_MS } from '../../src/core/settle.js';
import { FakeClock } from '../../src/testing/fake-clock.js';
import { afterMicrotasks, fakeBackend, shadowText, until } from '../helpers.js';

const ORDER = {
  id: 'climorder_1',
  object: 'climate.order',
  status: 'open',
  metric_tons: '1',
  amount_total: 1000,
  amount_subtotal: 900,
  amount_fees: 100,
  currency: 'usd',
  created: 1_767_268_800,
  expected_delivery_year: 2027,
  beneficiary: null,
  product: 'climsku_1',
  livemode: false,
  metadata: {},
};

// Frameworks that set properties when they hydrate (React, Next.js) connect the element first: the
// missing endpoint must not flash an error state or fire swk-error meanwhile.
describe('a widget whose settings arrive after it is connected', () => {
  function mount(template: ReturnType<typeof html>) {
    const errors: SwkErrorDetail[] = [];
    const listener = (e: Event) => errors.push((e as CustomEvent<SwkErrorDetail>).detail);
    document.addEventListener('swk-error', listener);
    after(() => document.removeEventListener('swk-error', listener));
    return { errors, element: fixture<ClimateOrderStatus>(template) };
  }

  it('waits without an error while the endpoint is missing, then loads when it is set', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 2));
    const backend = fakeBackend(() => ({ json: ORDER }));
    const { errors, element } = mount(html`<climate-order-status lang="en" order-id="climorder_1" .clock=${clock} .fetcher=${backend.fetcher}></climate-order-status>`);
    const el = await element;
    clock.tick(SETTLE_MS - 1);
    await afterMicrotasks();
    expect(shadowText(el)).to.include('Loading');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    el.endpoint = '/api/climate/orders';
    await until(() => shadowText(el).includes('Open'), 'the order');
    clock.tick(SETTLE_MS * 5);
    await afterMicrotasks();
    expect(errors).to.deep.equal([]);
    expect(backend.calls.map((c) => c.url)).to.deep.equal(['/api/climate/orders/climorder_1']);
  });

  it('reports the configuration error once, only when it is still missing after settling', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 2));
    const { errors, element } = mount(html`<climate-order-status lang="en" order-id="climorder_1" .clock=${clock}></climate-order-status>`);
    const el = await element;
    await afterMicrotasks();
    expect(errors).to.deep.equal([]);
    clock.tick(SETTLE_MS);
    await until(() => errors.length > 0, 'swk-error');
    expect(errors.map((e) => e.error.kind)).to.deep.equal(['config']);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')).not.to.equal(null);
  });

  it('makes no request while defer-hydration is set, then one with the properties set before it was removed', async () => {
    const early = fakeBackend(() => ({ json: ORDER }));
    const late = fakeBackend(() => ({ json: ORDER }));
    const { errors, element } = mount(
      html`<climate-order-status lang="en" defer-hydration endpoint="/early" order-id="climorder_1" .fetcher=${early.fetcher}></climate-order-status>`,
    );
    const el = await element;
    await afterMicrotasks();
    el.endpoint = '/api/climate/orders';
    el.fetcher = late.fetcher;
    await el.updateComplete;
    await afterMicrotasks();
    expect(early.calls).to.deep.equal([]);
    expect(late.calls).to.deep.equal([]);
    el.removeAttribute('defer-hydration');
    await until(() => shadowText(el).includes('Open'), 'the order');
    expect(early.calls).to.deep.equal([]);
    expect(late.calls.map((c) => c.url)).to.deep.equal(['/api/climate/orders/climorder_1']);
    expect(errors).to.deep.equal([]);
  });
});
