import { expect } from '@open-wc/testing';
import { messages } from '../../src/payment-capture-status/payment-capture-status.messages.js';
import captureJa from '../../src/payment-capture-status/payment-capture-status.messages.ja.js';
import { coreMessages } from '../../src/core/messages.js';
import coreJa from '../../src/core/messages.ja.js';
import { enumText, moneyDigits } from '../arbitraries/expected.js';
import { KNOWN, paymentIntent } from '../../src/testing/arbitraries/index.js';
import { PROPERTY_RUNS } from '../arbitraries/settings.js';
import { expectEveryObjectRenders } from '../property.js';
import { mountCapture, paymentIntent as stripeIntent } from './fixtures.js';

const text = (el: Element, part: string) => (el.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('payment-capture-status with generated PaymentIntents', () => {
  it(`renders each of ${PROPERTY_RUNS} generated PaymentIntents (edge amounts, fees, currencies, expansions, statuses) with its own status and amount`, async function () {
    this.timeout(300_000);
    let current: unknown = stripeIntent({ id: 'pi_first' });
    const { el } = await mountCapture(() => ({ json: current }));
    let next = 0;
    const { runs, seconds } = await expectEveryObjectRenders(el, paymentIntent, (intent) => {
      current = intent;
      el.paymentIntentId = `pi_generated_${(next += 1)}`;
    }, (intent, lang) => {
      const m = lang === 'ja' ? captureJa : messages.en;
      // A payment back at requires_payment_method after an attempt failed (last_payment_error) reads as failed.
      const state = intent.status === 'requires_payment_method' && intent.last_payment_error
        ? m.statuses.failed
        : enumText(intent.status, KNOWN.paymentIntentStatus, m.statuses, lang === 'ja' ? coreJa : coreMessages.en);
      if (state !== undefined) expect(text(el, 'status'), `status ${String(intent.status)}`).to.equal(state);
      const digits = moneyDigits(intent.amount, intent.currency);
      if (digits !== undefined) expect(text(el, 'amount'), `${String(intent.amount)} ${String(intent.currency)}`).to.include(digits);
    });
    console.log(`payment-capture-status: ${runs} generated PaymentIntents rendered in ${seconds} s`);
    expect(runs).to.be.at.least(PROPERTY_RUNS);
  });
});
