import { expect } from '@open-wc/testing';
import { formatMoney } from '../../src/core/format.js';

describe('formatMoney', () => {
  it('formats USD from cents', () => {
    expect(formatMoney(500000, 'usd', 'en')).to.equal('$5,000.00');
  });
});
