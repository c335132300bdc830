import { expect } from '@open-wc/testing';
import { part, stripeError, until, type FakeAnswer, type RecordedCall } from '../helpers.js';
import { recordSwkEvents } from '../swk-events.js';
import { climateOrder, mountOrder, T0_SECONDS, untilLoaded } from './fixtures.js';

/** An open order placed an hour ago: Stripe still lets the buyer cancel it. */
const openOrder = () => climateOrder({ status: 'open', created: T0_SECONDS - 3600, confirmed_at: null });
const canceledOrder = () => climateOrder({ status: 'canceled', created: T0_SECONDS - 3600, canceled_at: T0_SECONDS, cancellation_reason: 'requested' });

describe('climate-order-status analytics events', () => {
  let events: ReturnType<typeof recordSwkEvents>;
  beforeEach(() => (events = recordSwkEvents()));
  afterEach(() => events.stop());

  it('loaded, order_cancel_opened, order_canceled: each with the order id and status', async () => {
    const { el } = await mountOrder((call: RecordedCall): FakeAnswer => (call.method === 'GET' ? { json: openOrder() } : { json: canceledOrder() }));
    await untilLoaded(el);
    part<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
    part<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await until(() => events.dom.length === 3, 'the cancel to be reported');
    expect(events.dom.map(({ name, objectId, status }) => [name, objectId, status])).to.deep.equal([
      ['loaded', 'climorder_123', 'open'],
      ['order_cancel_opened', 'climorder_123', 'open'],
      ['order_canceled', 'climorder_123', 'canceled'],
    ]);
    expect(events.callback).to.deep.equal(events.dom);
  });

  it('error then retry: error with its kind, retried, loaded', async () => {
    let calls = 0;
    const { el } = await mountOrder(() => (calls++ === 0 ? stripeError(404) : { json: openOrder() }));
    await until(() => Boolean(el.shadowRoot!.querySelector('[part="retry-button"]')), 'the error state');
    part<HTMLButtonElement>(el, '[part="retry-button"]').click();
    await untilLoaded(el);
    expect(events.dom.map(({ name, errorKind }) => (errorKind ? `${name}:${errorKind}` : name))).to.deep.equal(['error:stripe', 'retried', 'loaded']);
  });

  it('a failed cancel and its retry: error, retried, order_canceled', async () => {
    let posts = 0;
    const { el } = await mountOrder((call) => (call.method === 'GET' ? { json: openOrder() } : posts++ === 0 ? 'network-error' : { json: canceledOrder() }));
    await untilLoaded(el);
    part<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
    part<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await until(() => events.names().includes('error'), 'the failed cancel');
    await el.updateComplete;
    part<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await until(() => events.names().includes('order_canceled'), 'the cancel');
    expect(events.names()).to.deep.equal(['loaded', 'order_cancel_opened', 'error', 'retried', 'order_canceled']);
  });
});
