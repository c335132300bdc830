import { expect, html } from '@open-wc/testing';
import '../../src/climate-order-form/define.js';
import type { ClimateOrderForm } from '../../src/climate-order-form/define.js';
import { FakeClock } from '../../src/testing/fake-clock.js';
import { fakeBackend, mount, part, stripeError, until } from '../helpers.js';
import { assertNoPrivateData, recordFlow, recordSwkEvents } from '../swk-events.js';
import { confirmButton, createdOrder, ENDPOINT, fillIn, list, product, soldOut, untilListed } from './fixtures.js';

const T0 = Date.UTC(2026, 0, 1);

describe('climate-order-form analytics events', () => {
  let events: ReturnType<typeof recordSwkEvents>;
  beforeEach(() => (events = recordSwkEvents()));
  afterEach(() => events.stop());

  it('order_created once, right after swk-order-created, with the order id and status only (no loaded for the order); a refusal reports error, its Retry retried', async () => {
    const products = list(product(), soldOut());
    const order = createdOrder();
    let posts = 0;
    const { fetcher } = fakeBackend((call) =>
      call.method !== 'POST' ? { json: products } : posts++ === 0 ? stripeError(400, 'Your balance is too low for this order.', 'balance_insufficient') : { json: order },
    );
    const flow = recordFlow(['swk-load', 'swk-error', 'swk-order-created']);
    try {
      const el = await mount<ClimateOrderForm>(html`<climate-order-form
        lang="en"
        endpoint=${ENDPOINT}
        no-order-status
        .fetcher=${fetcher}
        .clock=${new FakeClock(T0)}
      ></climate-order-form>`);
      await untilListed(el);
      await fillIn(el);
      confirmButton(el).click();
      await until(() => el.shadowRoot!.querySelector('[part~="order-error"] [part~="retry-button"]') !== null, 'the refusal');
      part<HTMLButtonElement>(el, '[part~="order-error"] [part~="retry-button"]').click();
      await until(() => el.shadowRoot!.querySelector('[part~="result"]') !== null, 'the placed order');
      el.requestUpdate();
      await el.updateComplete;

      expect(flow.log).to.deep.equal(['swk-load', 'event:loaded', 'swk-error', 'event:error', 'event:retried', 'swk-order-created', 'event:order_created', 'swk-load']);
      expect(events.dom).to.deep.equal([
        { name: 'loaded', tag: 'climate-order-form', at: T0 },
        { name: 'error', tag: 'climate-order-form', at: T0, errorKind: 'stripe' },
        { name: 'retried', tag: 'climate-order-form', at: T0 },
        { name: 'order_created', tag: 'climate-order-form', at: T0, objectId: 'climorder_new_1', status: 'confirmed' },
      ]);
      expect(events.callback).to.deep.equal(events.dom);
      // Neither the beneficiary's name nor an amount leaves.
      assertNoPrivateData(events.dom, [products, order]);
      expect(JSON.stringify(events.dom)).not.to.match(/Example Coffee|283|28325/);
    } finally {
      flow.stop();
    }
  });
});
