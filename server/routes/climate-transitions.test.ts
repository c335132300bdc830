import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLIMATE_ORDER_IDS } from '../simulator/climate.js';
import { climateControl as control, climateOrderOf as order, climateSimulator } from '../test-support/climate-simulator.js';

// Seed 002: the simulator refuses what Stripe never does. Frontier delays or substitutes only funded
// (confirmed) orders, gives notice at least 60 days before the end of the delivery year, delays to a
// later year only, and never delivers an order that was never funded.

const DAY = 24 * 3600;
const END_OF_2027 = Date.UTC(2028, 0, 1) / 1000;

const refusal = async (response: Response) => ({ status: response.status, message: ((await response.json()) as { error: { message: string } }).error.message });

describe('climate simulator: transitions Stripe never makes are refused', () => {
  it('refuses a delay to an earlier or the same year, and sends nothing', async () => {
    const { backend, published } = climateSimulator();
    assert.equal((await order(backend, CLIMATE_ORDER_IDS.confirmed)).expected_delivery_year, 2027);
    for (const year of [2026, 2027]) {
      const response = await refusal(await control(backend, `${CLIMATE_ORDER_IDS.confirmed}/delay`, { expectedDeliveryYear: year }));
      assert.deepEqual(response, { status: 400, message: 'A delay moves delivery to a later year than 2027' });
    }
    assert.equal(published.length, 0);
    assert.equal((await order(backend, CLIMATE_ORDER_IDS.confirmed)).delayed_at, null);
    assert.equal((await control(backend, `${CLIMATE_ORDER_IDS.confirmed}/delay`, { expectedDeliveryYear: 2028 })).status, 200);
    assert.deepEqual(published.map((e) => e.type), ['climate.order.delayed']);
  });

  it('refuses to delay or substitute an order that is not confirmed (open, awaiting funds)', async () => {
    const { backend, published } = climateSimulator();
    for (const id of [CLIMATE_ORDER_IDS.open, CLIMATE_ORDER_IDS.awaitingFunds]) {
      const delay = await refusal(await control(backend, `${id}/delay`));
      assert.equal(delay.status, 400, id);
      assert.match(delay.message, /^An unconfirmed order \((open|awaiting_funds)\) cannot be delayed$/);
      assert.equal((await control(backend, `${id}/substitute`)).status, 400, id);
    }
    assert.equal(published.length, 0);
  });

  it('refuses to deliver an order that was never funded', async () => {
    const { backend, published } = climateSimulator();
    for (const id of [CLIMATE_ORDER_IDS.open, CLIMATE_ORDER_IDS.awaitingFunds]) {
      const response = await refusal(await control(backend, `${id}/deliver`));
      assert.equal(response.status, 400, id);
      assert.match(response.message, /^An order that was never funded/);
      assert.notEqual((await order(backend, id)).status, 'delivered');
    }
    assert.equal(published.length, 0);
    assert.equal((await control(backend, `${CLIMATE_ORDER_IDS.confirmed}/deliver`)).status, 200);
  });

  it('gives a delay or substitution notice at least 60 days before the end of the delivery year', async () => {
    const { backend, published, setNow } = climateSimulator();
    setNow(END_OF_2027 - 59 * DAY);
    const late = await refusal(await control(backend, `${CLIMATE_ORDER_IDS.confirmed}/delay`, { expectedDeliveryYear: 2028 }));
    assert.deepEqual(late, { status: 400, message: 'Frontier gives notice at least 60 days before the end of the delivery year (2027)' });
    assert.equal((await control(backend, `${CLIMATE_ORDER_IDS.confirmed}/substitute`)).status, 400);
    assert.equal(published.length, 0);
    setNow(END_OF_2027 - 61 * DAY);
    assert.equal((await control(backend, `${CLIMATE_ORDER_IDS.confirmed}/delay`, { expectedDeliveryYear: 2028 })).status, 200);
    // Delayed to 2028, the order may be delayed again: its new year ends far enough ahead.
    assert.equal((await control(backend, `${CLIMATE_ORDER_IDS.confirmed}/delay`)).status, 200);
    assert.equal((await order(backend, CLIMATE_ORDER_IDS.confirmed)).expected_delivery_year, 2029);
  });

  it('substitutes the product with one from another supplier, named on the product', async () => {
    const { backend } = climateSimulator();
    await control(backend, `${CLIMATE_ORDER_IDS.confirmed}/substitute`);
    const product = (await order(backend, CLIMATE_ORDER_IDS.confirmed)).product as { name: string; suppliers: { name: string; removal_pathway: string }[] };
    assert.equal(product.name, 'Frontier portfolio (substitute supplier)');
    assert.deepEqual(product.suppliers.map((s) => [s.name, s.removal_pathway]), [['Heirloom', 'direct_air_capture']]);
  });
});
