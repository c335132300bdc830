import { expect } from '@open-wc/testing';
import { climateOrder } from '../arbitraries/stripe-objects.js';
import { PROPERTY_RUNS } from '../arbitraries/settings.js';
import { expectEveryObjectRenders } from '../property.js';
import { mountOrder } from './fixtures.js';

describe('climate-order-status with generated orders', () => {
  it(`renders each of ${PROPERTY_RUNS} generated orders (edge amounts, years, dates, currencies, strings, enum values)`, async function () {
    this.timeout(300_000);
    let current: unknown = { id: 'climorder_first', object: 'climate.order', status: 'open' };
    const { el } = await mountOrder(() => ({ json: current }));
    let next = 0;
    const { runs, seconds } = await expectEveryObjectRenders(el, climateOrder, (order) => {
      current = order;
      el.orderId = `climorder_generated_${(next += 1)}`;
    });
    console.log(`climate-order-status: ${runs} generated orders rendered in ${seconds} s`);
    expect(runs).to.be.at.least(PROPERTY_RUNS);
  });
});
