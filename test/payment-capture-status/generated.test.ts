import { expect } from '@open-wc/testing';
import { paymentIntent } from '../../src/testing/arbitraries/index.js';
import { PROPERTY_RUNS } from '../arbitraries/settings.js';
import { expectEveryObjectRenders } from '../property.js';
import { mountCapture, paymentIntent as stripeIntent } from './fixtures.js';

describe('payment-capture-status with generated PaymentIntents', () => {
  it(`renders each of ${PROPERTY_RUNS} generated PaymentIntents (edge amounts, fees, currencies, expansions, statuses)`, async function () {
    this.timeout(300_000);
    let current: unknown = stripeIntent({ id: 'pi_first' });
    const { el } = await mountCapture(() => ({ json: current }));
    let next = 0;
    const { runs, seconds } = await expectEveryObjectRenders(el, paymentIntent, (intent) => {
      current = intent;
      el.paymentIntentId = `pi_generated_${(next += 1)}`;
    });
    console.log(`payment-capture-status: ${runs} generated PaymentIntents rendered in ${seconds} s`);
    expect(runs).to.be.at.least(PROPERTY_RUNS);
  });
});
