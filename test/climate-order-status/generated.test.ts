import { expect } from '@open-wc/testing';
import { climateOrderMessages } from '../../src/climate-order-status/climate-order-status.messages.js';
import climateJa from '../../src/climate-order-status/climate-order-status.messages.ja.js';
import { coreMessages } from '../../src/core/messages.js';
import coreJa from '../../src/core/messages.ja.js';
import { enumText, moneyDigits } from '../arbitraries/expected.js';
import { climateOrder, KNOWN } from '../../src/testing/arbitraries/index.js';
import { PROPERTY_RUNS } from '../arbitraries/settings.js';
import { expectEveryObjectRenders } from '../property.js';
import { expectNoBrokenText } from '../helpers.js';
import { climateOrder as stripeOrder, mountOrder, mountShowing, partText, T0_SECONDS, termValue, untilLoaded } from './fixtures.js';

describe('climate-order-status with generated orders', () => {
  it(`renders each of ${PROPERTY_RUNS} generated orders (edge amounts, years, dates, currencies, strings, enum values) with its own status and total`, async function () {
    this.timeout(300_000);
    let current: unknown = stripeOrder({ id: 'climorder_first' });
    const { el } = await mountOrder(() => ({ json: current }));
    let next = 0;
    const { runs, seconds } = await expectEveryObjectRenders(el, climateOrder, (order) => {
      current = order;
      el.orderId = `climorder_generated_${(next += 1)}`;
    }, (order, lang) => {
      const m = lang === 'ja' ? climateJa : climateOrderMessages.en;
      const state = enumText(order.status, KNOWN.climateStatus, m.statuses, lang === 'ja' ? coreJa : coreMessages.en);
      if (state !== undefined) expect(partText(el, 'status'), `status ${String(order.status)}`).to.equal(state);
      const digits = moneyDigits(order.amount_total, order.currency);
      if (digits !== undefined) expect(termValue(el.shadowRoot!, m.total), `${String(order.amount_total)} ${String(order.currency)}`).to.include(digits);
    });
    console.log(`climate-order-status: ${runs} generated orders rendered in ${seconds} s`);
    expect(runs).to.be.at.least(PROPERTY_RUNS);
  });
});

describe('climate-order-status with delivery years Date cannot hold', () => {
  // Stripe's own published fixture has 584813471; the simulator's delay control accepts 1e15.
  for (const [year, shown] of [
    [584_813_471, '584813471'],
    [1e15, '1000000000000000'],
  ] as const) {
    it(`shows ${shown} as given, in the details and in the delay notice`, async () => {
      const { el } = await mountShowing(stripeOrder({ expected_delivery_year: year, delayed_at: T0_SECONDS - 3600 }));
      await untilLoaded(el);
      expect(termValue(el.shadowRoot!, 'Expected delivery year')).to.equal(shown);
      expect(partText(el, 'delay-notice')).to.include(`The new expected delivery year is ${shown}.`);
      expectNoBrokenText(el);
    });
  }
});
