import { expect } from '@open-wc/testing';
import { estimateOrder } from '../../src/climate-order-form/estimate.js';

const frontier = { amount_subtotal: 55_000, amount_fees: 1_650, amount_total: 56_650 };

describe('<climate-order-form> estimate', () => {
  it("computes tons as Stripe's example does: 0.01 t at $550 + $16.50 per ton is 550 + 17 = 567", () => {
    expect(estimateOrder(frontier, { metric_tons: '0.01' })).to.deep.equal({ metricTons: '0.01', subtotal: 550, fees: 17, total: 567 });
  });

  it('turns an amount to spend into about the tons it buys, fees included, rounded down to three decimals', () => {
    expect(estimateOrder(frontier, { amount: 10_000 })).to.deep.equal({ metricTons: '0.176', subtotal: 9709, fees: 291, total: 10_000 });
  });

  it('gives no estimate for a price that would buy an unprintable number of tons', () => {
    expect(estimateOrder({ amount_subtotal: 0, amount_fees: 0, amount_total: 5e-324 }, { amount: 100 })).to.equal(undefined);
    expect(estimateOrder({ amount_subtotal: 0, amount_fees: 0, amount_total: 1e-14 }, { amount: 100 })).to.equal(undefined);
    expect(estimateOrder({ amount_subtotal: 0, amount_fees: 0, amount_total: 0 }, { amount: 100 })).to.equal(undefined);
  });
});
