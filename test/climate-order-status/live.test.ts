import { expect, fixture, html } from '@open-wc/testing';
import type { ClimateOrderStatus } from '../../src/climate-order-status/define.js';
import type { Fetcher } from '../../src/core/config.js';
import { clockAt } from '../../src/testing/fake-clock.js';
import { FakeEventSource, useFakeEventSource } from '../fake-event-source.js';
import { fakeBackend, part, until } from '../helpers.js';
import { climateOrder, ENDPOINT, liveText, partText, T0, untilLoaded } from './fixtures.js';

/** climorder_123 with a live stream at `eventsUrl` (a FakeEventSource), at T0. */
function mountLive(fetcher: Fetcher, eventsUrl: string) {
  return fixture<ClimateOrderStatus>(html`<climate-order-status
    lang="en"
    endpoint=${ENDPOINT}
    order-id="climorder_123"
    events-url=${eventsUrl}
    .fetcher=${fetcher}
    .clock=${clockAt(() => T0)}
  ></climate-order-status>`);
}

describe('<climate-order-status> events-url', () => {
  useFakeEventSource();

  it("refetches on this order's climate.order.* events only", async () => {
    let status = 'confirmed';
    const backend = fakeBackend(() => ({ json: climateOrder({ status }) }));
    const el = await mountLive(backend.fetcher, '/api/events-climate-test');
    await untilLoaded(el);
    const source = await FakeEventSource.opened('/api/events-climate-test');
    expect(source.url).to.equal('/api/events-climate-test');
    status = 'delivered';
    // Not this order's: events arrive in order, so the count after the four below proves these did nothing.
    source.push({ type: 'climate.order.delivered', id: 'climorder_other', object: 'climate.order' });
    source.push({ type: 'payment_intent.succeeded', id: 'climorder_123', object: 'payment_intent' });
    for (const type of ['climate.order.delayed', 'climate.order.product_substituted', 'climate.order.canceled', 'climate.order.delivered']) {
      const before = backend.calls.length;
      source.push({ type, id: 'climorder_123', object: 'climate.order' });
      await until(() => backend.calls.length === before + 1, `a refetch for ${type}`);
    }
    await until(() => partText(el, 'status') === 'Delivered', 'the new status');
    expect(backend.calls, 'one refetch per event of this order, none for the others').to.have.length(5);
    el.remove();
    expect(source.readyState, 'the stream closes when the widget leaves').to.equal(2);
  });

  it('fires swk-load once for a cancel: the refetch its canceled event triggers reports only a changed order', async () => {
    const created = T0 / 1000 - 3600;
    const open = climateOrder({ status: 'open', created, confirmed_at: null });
    const canceled = climateOrder({ status: 'canceled', created, confirmed_at: null, canceled_at: T0 / 1000, cancellation_reason: 'requested' });
    let current = open;
    const backend = fakeBackend((call) => {
      if (call.method === 'POST') current = canceled;
      return { json: current };
    });
    const el = await mountLive(backend.fetcher, '/api/events-climate-cancel');
    await untilLoaded(el);
    const loads: string[] = [];
    el.addEventListener('swk-load', (e) => loads.push(e.detail.object.status));
    part<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
    part<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await until(() => loads.length === 1, 'the cancel\'s swk-load');
    expect(liveText(el)).to.equal('The order was canceled.');
    const source = await FakeEventSource.opened('/api/events-climate-cancel');
    source.push({ type: 'climate.order.canceled', id: 'climorder_123', object: 'climate.order' });
    // The refetched order replaces the cancel's answer on screen (and the announcement with it) in the
    // same step as its swk-load would be fired.
    await until(() => liveText(el) === 'Order status: Canceled', 'the refetched order on screen');
    expect(loads).to.deep.equal(['canceled']);
    // A refetch that brings a changed order is reported.
    current = { ...canceled, metadata: { note: 'changed' } };
    source.push({ type: 'climate.order.canceled', id: 'climorder_123', object: 'climate.order' });
    await until(() => loads.length === 2, 'the changed order\'s swk-load');
    expect(loads).to.deep.equal(['canceled', 'canceled']);
  });
});
