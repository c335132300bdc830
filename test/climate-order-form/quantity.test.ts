import { expect } from '@open-wc/testing';
import { decimalSeparator, readQuantity } from '../../src/climate-order-form/quantity.js';

describe('<climate-order-form> reading the quantity typed', () => {
  it("knows the locale's decimal separator, and falls back to a point for a tag Intl refuses", () => {
    expect(decimalSeparator('en')).to.equal('.');
    expect(decimalSeparator('fr')).to.equal(',');
    expect(decimalSeparator('de-CH')).to.equal('.');
    expect(decimalSeparator('not a tag!')).to.equal('.');
  });

  it('reads a decimal comma where the locale writes one, and a point everywhere', () => {
    expect(readQuantity('tons', '0,5', 2, ',')).to.deep.equal({ metric_tons: '0.5' });
    expect(readQuantity('tons', '0.5', 2, ',')).to.deep.equal({ metric_tons: '0.5' });
    expect(readQuantity('amount', '12,50', 2, ',')).to.deep.equal({ amount: 1250 });
    expect(readQuantity('amount', '12,505', 2, ',')).to.equal('tooPrecise');
    expect(readQuantity('amount', '１２，５', 2, ',')).to.deep.equal({ amount: 1250 });
  });

  it('refuses a comma where the locale writes a point: "1,000" is not guessed', () => {
    expect(readQuantity('tons', '0,5', 2, '.')).to.equal('invalid');
    expect(readQuantity('amount', '1,000', 2)).to.equal('invalid');
    expect(readQuantity('tons', '1,000.5', 2, ',')).to.equal('invalid');
  });
});
