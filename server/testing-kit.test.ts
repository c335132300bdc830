import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getConfig } from '../src/core/config.js';
import { createSimulator, SimulatorControlError } from '../src/testing/index.js';

// stripe-widget-kit/testing in Node (no DOM, no EventSource of Node's own): the simulator, its typed
// controls and its event source, as a Vitest or node:test suite of a site uses them.
describe('the test kit in Node', () => {
  it('answers the routes and runs the typed controls, each sending its signed webhook', async () => {
    const simulator = createSimulator();
    const published: string[] = [];
    simulator.backend.hub.subscribe((event) => published.push(`${event.type} ${event.id}`));
    const offer = (await (await simulator('/api/capital/financing_offers/financingoffer_live_demo')).json()) as { status: string };
    assert.equal(offer.status, 'delivered');
    const { previous, replacement } = await simulator.controls.capital.replaceOffer('financingoffer_live_demo', { advanceAmount: 700_000 });
    assert.equal(previous.status, 'replaced');
    assert.equal(replacement.offered_terms?.advance_amount, 700_000);
    const price = await simulator.controls.climate.changePrice('climsku_sim_direct_air_capture_2028', { percent: 50 });
    const settled = await simulator.controls.paymentIntents.settle('pi_sim_capture_pending_connect');
    assert.equal(price.id, 'climsku_sim_direct_air_capture_2028');
    // Each arriving part is its own object's event plus the charge's update, as Stripe sends them.
    const parts = ['charge.updated', 'transfer.created', 'charge.updated', 'application_fee.created', 'charge.updated'];
    assert.deepEqual(settled.delivered, parts);
    assert.deepEqual(
      published.map((line) => line.split(' ')[0]),
      ['capital.financing_offer.replacement_created', 'climate.product.pricing_updated', ...parts],
    );
    assert.equal(published[0], `capital.financing_offer.replacement_created ${replacement.id}`);
    await assert.rejects(simulator.controls.sharedPayment.useToken('spt_sim_revoked'), (error: unknown) => error instanceof SimulatorControlError && error.status === 400);
  });

  it('its EventSource reads the /events route through the simulator: no server, no global EventSource', async () => {
    assert.equal(typeof (globalThis as { EventSource?: unknown }).EventSource, 'undefined', 'Node 20 has no EventSource of its own');
    const simulator = createSimulator();
    const source = new simulator.EventSource('/api/events');
    try {
      await new Promise((opened) => source.addEventListener('open', opened, { once: true }));
      const heard = new Promise<MessageEvent>((resolve) => source.addEventListener('message', resolve as EventListener, { once: true }));
      await simulator.controls.climate.cancelOrder('climorder_sim_open');
      assert.deepEqual(JSON.parse((await heard).data as string), { type: 'climate.order.canceled', id: 'climorder_sim_open', object: 'climate.order' });
    } finally {
      source.close();
    }
  });

  it('install() sets the kit-wide fetch and a global EventSource, and its undo removes both', () => {
    const simulator = createSimulator();
    const undo = simulator.install();
    assert.equal(getConfig().fetch, simulator);
    const source = new EventSource('http://simulator.local/api/events');
    source.close();
    assert.ok(source instanceof simulator.EventSource);
    assert.throws(() => new EventSource('http://elsewhere.example/events'), /EventSource is not available here/);
    undo();
    assert.equal(getConfig().fetch, undefined);
    assert.equal(typeof (globalThis as { EventSource?: unknown }).EventSource, 'undefined');
  });
});
