import type { loadStripe as LoadStripe, StripeConstructor } from '@stripe/stripe-js';

/**
 * The Stripe.js release train that @stripe/stripe-js pins; a test keeps the two equal.
 * Loaded as Stripe documents for pages without a bundler: `<script src="https://js.stripe.com/…/stripe.js">`.
 */
export const STRIPE_JS_URL = 'https://js.stripe.com/endive/stripe.js';

let loading: Promise<StripeConstructor> | undefined;

function stripeConstructor(): Promise<StripeConstructor> {
  const ready = (window as { Stripe?: StripeConstructor }).Stripe;
  if (ready) return Promise.resolve(ready);
  return (loading ??= new Promise<StripeConstructor>((resolve, reject) => {
    const script =
      document.querySelector<HTMLScriptElement>('script[src^="https://js.stripe.com/"]') ??
      Object.assign(document.createElement('script'), { src: STRIPE_JS_URL, async: true });
    script.addEventListener('load', () => {
      const loaded = (window as { Stripe?: StripeConstructor }).Stripe;
      if (loaded) resolve(loaded);
      else reject(new Error('Stripe.js loaded but window.Stripe is missing'));
    });
    script.addEventListener('error', () => {
      loading = undefined;
      script.remove();
      reject(new Error('Failed to load Stripe.js'));
    });
    if (!script.isConnected) document.head.append(script);
  }));
}

/**
 * The script-tag build's stand-in for `@stripe/stripe-js/pure`'s `loadStripe` (same signature): the
 * IIFE aliases the package to this file, saving its 1.4 kB wrapper; npm builds use the package.
 */
export const loadStripe: typeof LoadStripe = async (publishableKey, options) => (await stripeConstructor())(publishableKey, options);
