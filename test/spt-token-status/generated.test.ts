import { expect } from '@open-wc/testing';
import { sptMessages } from '../../src/spt-token-status/spt-token-status.messages.js';
import sptJa from '../../src/spt-token-status/spt-token-status.messages.ja.js';
import { moneyDigits } from '../arbitraries/expected.js';
import { sharedPaymentGrantedToken } from '../../src/testing/arbitraries/index.js';
import { PROPERTY_RUNS } from '../arbitraries/settings.js';
import { expectEveryObjectRenders } from '../property.js';
import { FakeClock } from '../../src/testing/fake-clock.js';
import { grantedToken, mountToken, partText, T0 } from './fixtures.js';

describe('spt-token-status with generated tokens', () => {
  it(`renders each of ${PROPERTY_RUNS} generated tokens (edge limits, expiry times, currencies, strings, reasons) with its own state and limit`, async function () {
    this.timeout(300_000);
    let current: unknown = grantedToken({ id: 'spt_first' });
    const { el } = await mountToken(() => ({ json: current }), { clock: new FakeClock(T0) });
    let next = 0;
    const { runs, seconds } = await expectEveryObjectRenders(el, sharedPaymentGrantedToken, (token) => {
      current = token;
      el.tokenId = `spt_generated_${(next += 1)}`;
    }, (token, lang) => {
      const m = lang === 'ja' ? sptJa : sptMessages.en;
      // Deactivated by Stripe wins; otherwise an expiry at or before the widget's now (T0) has passed.
      const limits = token.usage_limits as { max_amount?: unknown; currency?: unknown; expires_at?: unknown } | null | undefined;
      const expiresAt = limits?.expires_at;
      const state = token.deactivated_at != null || token.deactivated_reason != null
        ? m.states.deactivated
        : typeof expiresAt === 'number' && expiresAt * 1000 <= T0 ? m.states.expired : m.states.active;
      expect(partText(el, 'status'), `deactivated ${String(token.deactivated_reason)}, expires ${String(expiresAt)}`).to.equal(state);
      const digits = moneyDigits(limits?.max_amount, limits?.currency);
      if (digits !== undefined) expect(partText(el, 'limit'), `${String(limits?.max_amount)} ${String(limits?.currency)}`).to.include(digits);
    });
    console.log(`spt-token-status: ${runs} generated tokens rendered in ${seconds} s`);
    expect(runs).to.be.at.least(PROPERTY_RUNS);
  });
});
