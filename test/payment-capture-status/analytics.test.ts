import { expect } from '@open-wc/testing';
import { part, stripeError, until } from '../helpers.js';
import { recordSwkEvents } from '../swk-events.js';
import { mountCapture, paymentIntent, settledCharge } from './fixtures.js';

describe('payment-capture-status analytics events', () => {
  let events: ReturnType<typeof recordSwkEvents>;
  beforeEach(() => (events = recordSwkEvents()));
  afterEach(() => events.stop());

  it('loaded once (polls are not loads), then capture_settled when the pending parts arrive', async () => {
    const { el } = await mountCapture((_call, n) => ({ json: n < 2 ? paymentIntent() : paymentIntent({ latest_charge: settledCharge() }) }), { refreshInterval: 0.03 });
    await until(() => events.names().includes('capture_settled'), 'the settlement');
    await el.updateComplete;
    expect(events.dom.map(({ name, objectId, status }) => [name, objectId, status])).to.deep.equal([
      ['loaded', 'pi_1', 'succeeded'],
      ['capture_settled', 'pi_1', 'succeeded'],
    ]);
  });

  it('error then retry: error with its kind, retried, loaded', async () => {
    const { el } = await mountCapture((_call, n) => (n === 0 ? stripeError(404) : { json: paymentIntent() }));
    await until(() => Boolean(el.shadowRoot!.querySelector('[part="retry-button"]')), 'the error state');
    part<HTMLButtonElement>(el, '[part="retry-button"]').click();
    await until(() => events.names().includes('loaded'), 'the payment after Retry');
    expect(events.dom.map(({ name, errorKind }) => (errorKind ? `${name}:${errorKind}` : name))).to.deep.equal(['error:stripe', 'retried', 'loaded']);
  });
});
