import { expect, html } from '@open-wc/testing';
import '../../src/climate-order-status/define.js';
import type { ClimateOrderStatus } from '../../src/climate-order-status/define.js';
import type { PublishedEvent } from '../../server/event-hub.js';
import { createSimulatorFetch } from '../../server/simulator-fetch.js';
import { mount, oneEvent, part, shadowText, until } from '../helpers.js';

// The reference backend's simulator, running in this Chromium page as a fetch function: every request
// below must be answered without the network (the page's own fetch throws while a test runs).
describe('the simulator as a fetch function, in the browser with no server', () => {
  const realFetch = window.fetch;
  let networkCalls: string[] = [];

  beforeEach(() => {
    networkCalls = [];
    window.fetch = (input: RequestInfo | URL) => {
      networkCalls.push(String(input instanceof Request ? input.url : input));
      return Promise.reject(new TypeError('no network in this test'));
    };
  });

  afterEach(() => {
    window.fetch = realFetch;
    expect(networkCalls).to.deep.equal([]);
  });

  it('answers a seeded object at a relative URL, as the backend would', async () => {
    const simulator = createSimulatorFetch();
    const response = await simulator('/api/climate/orders/climorder_sim_open');
    expect(response.status).to.equal(200);
    expect(response.headers.get('x-content-type-options')).to.equal('nosniff');
    const order = (await response.json()) as { id: string; object: string; status: string };
    expect([order.id, order.object, order.status]).to.deep.equal(['climorder_sim_open', 'climate.order', 'open']);
    expect((await simulator('/api/climate/orders/climorder_nope')).status).to.equal(404);
  });

  it('signs the webhook of a transition with WebCrypto and verifies it on its own webhook route', async () => {
    const simulator = createSimulatorFetch();
    const published: PublishedEvent[] = [];
    simulator.backend.hub.subscribe((event) => published.push(event));
    const delivered = await simulator('/api/simulator/climate/orders/climorder_sim_confirmed/deliver', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(delivered.status).to.equal(200);
    expect(published).to.deep.equal([{ type: 'climate.order.delivered', id: 'climorder_sim_confirmed', object: 'climate.order' }]);

    // The same route refuses a webhook that is not signed with the simulator's secret.
    const forged = await simulator('/api/webhooks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` },
      body: JSON.stringify({ id: 'evt_forged', object: 'event', type: 'climate.order.canceled', data: { object: { id: 'climorder_sim_open', object: 'climate.order' } } }),
    });
    expect(forged.status).to.equal(400);
    expect(published).to.have.length(1);
  });

  it('serves a widget through its fetcher, and the buyer cancels an order', async () => {
    const simulator = createSimulatorFetch();
    const published: PublishedEvent[] = [];
    simulator.backend.hub.subscribe((event) => published.push(event));
    const el = await mount<ClimateOrderStatus>(
      html`<climate-order-status lang="en" endpoint="/api/climate/orders" order-id="climorder_sim_open" .fetcher=${simulator}></climate-order-status>`,
    );
    await until(() => el.shadowRoot!.querySelector('[part="cancel-button"]') !== null, 'the cancel button');
    expect(shadowText(el)).to.include('Open');
    part<HTMLButtonElement>(el, '[part="cancel-button"]').click();
    const canceled = oneEvent(el, 'swk-order-canceled');
    part<HTMLButtonElement>(el, '[part="confirm-button"]').click();
    expect(((await canceled) as CustomEvent<{ order: { status: string } }>).detail.order.status).to.equal('canceled');
    await until(() => published.length > 0, 'the cancel webhook');
    expect(published).to.deep.equal([{ type: 'climate.order.canceled', id: 'climorder_sim_open', object: 'climate.order' }]);
  });
});
