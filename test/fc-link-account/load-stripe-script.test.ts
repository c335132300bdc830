import { expect } from '@open-wc/testing';
import type { Stripe, StripeConstructor } from '@stripe/stripe-js';
import { loadStripe, STRIPE_JS_URL } from '../../src/fc-link-account/load-stripe-script.js';

type StripeWindow = { Stripe?: StripeConstructor };

describe('script-tag Stripe.js loader (the IIFE build\'s stand-in for @stripe/stripe-js/pure)', () => {
  afterEach(() => {
    delete (window as StripeWindow).Stripe;
    document.querySelectorAll('script[src^="https://js.stripe.com/"]').forEach((s) => s.remove());
  });

  it('loads the release train @stripe/stripe-js pins', async () => {
    const source = await (await fetch('/node_modules/@stripe/stripe-js/dist/pure.mjs')).text();
    const train = /RELEASE_TRAIN = '([^']+)'/.exec(source)?.[1];
    expect(train, 'release train not found in @stripe/stripe-js').to.be.a('string');
    expect(STRIPE_JS_URL).to.equal(`https://js.stripe.com/${train}/stripe.js`);
  });

  it('uses window.Stripe when the page already has it, passing the key and options through', async () => {
    const calls: unknown[][] = [];
    const fake = { collectFinancialConnectionsAccounts: () => Promise.resolve({}) } as unknown as Stripe;
    (window as StripeWindow).Stripe = ((...args: unknown[]) => {
      calls.push(args);
      return fake;
    }) as unknown as StripeConstructor;
    const stripe = await loadStripe('pk_test_123', { stripeAccount: 'acct_1' });
    expect(stripe).to.equal(fake);
    expect(calls).to.deep.equal([['pk_test_123', { stripeAccount: 'acct_1' }]]);
    expect(document.querySelector('script[src^="https://js.stripe.com/"]')).to.equal(null);
  });

  it('waits for a Stripe.js script tag the page already has instead of adding another', async () => {
    // type="text/plain" keeps the browser from fetching it: tests never reach the internet.
    const existing = Object.assign(document.createElement('script'), { type: 'text/plain', src: STRIPE_JS_URL });
    document.head.append(existing);
    const pending = loadStripe('pk_test_123');
    const fake = {} as Stripe;
    (window as StripeWindow).Stripe = (() => fake) as unknown as StripeConstructor;
    existing.dispatchEvent(new Event('load'));
    expect(await pending).to.equal(fake);
    expect(document.querySelectorAll('script[src^="https://js.stripe.com/"]')).to.have.length(1);
  });
});
