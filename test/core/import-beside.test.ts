import { expect } from '@open-wc/testing';
import { besideUrl } from '../../src/core/import-beside.js';
import { version } from '../../src/core/version.js';

describe('besideUrl (the script-tag file\'s on-demand files)', () => {
  it('finds a file in the folder of the script file, whatever its query', () => {
    expect(besideUrl('stripe-widget-kit.ja.js', 'https://shop.example/assets/stripe-widget-kit.iife.js?v=3')).to.equal('https://shop.example/assets/stripe-widget-kit.ja.js');
    expect(besideUrl('stripe-widget-kit.ja.js', 'http://127.0.0.1:8787/stripe-widget-kit/stripe-widget-kit.iife.js')).to.equal(
      'http://127.0.0.1:8787/stripe-widget-kit/stripe-widget-kit.ja.js',
    );
  });

  it("looks in the package's dist/ at this very version when a CDN URL names the package, not a file", () => {
    expect(besideUrl('stripe-widget-kit.ja.js', `https://cdn.jsdelivr.net/npm/stripe-widget-kit@${version}`)).to.equal(
      `https://cdn.jsdelivr.net/npm/stripe-widget-kit@${version}/dist/stripe-widget-kit.ja.js`,
    );
    // A range or no version at all could reach a newer release than the script that asks.
    expect(besideUrl('stripe-widget-kit.ja.js', 'https://cdn.jsdelivr.net/npm/stripe-widget-kit@0')).to.equal(
      `https://cdn.jsdelivr.net/npm/stripe-widget-kit@${version}/dist/stripe-widget-kit.ja.js`,
    );
    expect(besideUrl('stripe-widget-kit.ja.js', 'https://unpkg.com/stripe-widget-kit/')).to.equal(`https://unpkg.com/stripe-widget-kit@${version}/dist/stripe-widget-kit.ja.js`);
  });

  it('knows no place when the script has no URL', () => {
    expect(besideUrl('stripe-widget-kit.ja.js', '')).to.equal(undefined);
    expect(besideUrl('stripe-widget-kit.ja.js', 'not a url')).to.equal(undefined);
  });
});
