import { expect } from '@open-wc/testing';
import { sharedPaymentGrantedToken } from '../../src/testing/arbitraries/index.js';
import { PROPERTY_RUNS } from '../arbitraries/settings.js';
import { expectEveryObjectRenders } from '../property.js';
import { grantedToken, mountToken } from './fixtures.js';

describe('spt-token-status with generated tokens', () => {
  it(`renders each of ${PROPERTY_RUNS} generated tokens (edge limits, expiry times, currencies, strings, reasons)`, async function () {
    this.timeout(300_000);
    let current: unknown = grantedToken({ id: 'spt_first' });
    const { el } = await mountToken(() => ({ json: current }));
    let next = 0;
    const { runs, seconds } = await expectEveryObjectRenders(el, sharedPaymentGrantedToken, (token) => {
      current = token;
      el.tokenId = `spt_generated_${(next += 1)}`;
    });
    console.log(`spt-token-status: ${runs} generated tokens rendered in ${seconds} s`);
    expect(runs).to.be.at.least(PROPERTY_RUNS);
  });
});
