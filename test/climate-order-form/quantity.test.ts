import { expect } from '@open-wc/testing';
import { decimalSeparators, readQuantity } from '../../src/climate-order-form/quantity.js';

describe('<climate-order-form> reading the quantity typed', () => {
  it("reads the locale's decimal separator, and a point too unless the locale groups thousands with it", () => {
    expect(decimalSeparators('en')).to.equal('.');
    expect(decimalSeparators('fr')).to.equal(',.');
    expect(decimalSeparators('de')).to.equal(',');
    expect(decimalSeparators('de-CH')).to.equal('.');
    expect(decimalSeparators('not a tag!')).to.equal('.');
  });

  it('refuses a German "1.000" (a thousand) rather than ordering one ton', () => {
    expect(readQuantity('tons', '1.000', 2, decimalSeparators('de'))).to.equal('invalid');
    expect(readQuantity('tons', '1,5', 2, decimalSeparators('de'))).to.deep.equal({ metric_tons: '1.5' });
  });

  it('reads a decimal comma where the locale writes one, and a point everywhere', () => {
    expect(readQuantity('tons', '0,5', 2, ',.')).to.deep.equal({ metric_tons: '0.5' });
    expect(readQuantity('tons', '0.5', 2, ',.')).to.deep.equal({ metric_tons: '0.5' });
    expect(readQuantity('amount', '12,50', 2, ',.')).to.deep.equal({ amount: 1250 });
    expect(readQuantity('amount', '12,505', 2, ',.')).to.equal('tooPrecise');
    expect(readQuantity('amount', '１２，５', 2, ',.')).to.deep.equal({ amount: 1250 });
  });

  it('refuses a comma where the locale writes a point: "1,000" is not guessed', () => {
    expect(readQuantity('tons', '0,5', 2, '.')).to.equal('invalid');
    expect(readQuantity('amount', '1,000', 2)).to.equal('invalid');
    expect(readQuantity('tons', '1,000.5', 2, ',.')).to.equal('invalid');
  });
});
