import type { Stripe } from '@stripe/stripe-js';

const instances = new Map<string, Promise<Stripe | null>>();

/**
 * Loads Stripe.js (through the `pure` entry, so nothing happens at import time) and makes one
 * instance per key and connected account. A failed load is forgotten so a retry loads again.
 */
export function loadStripeJs(publishableKey: string, stripeAccount?: string): Promise<Stripe | null> {
  const cacheKey = `${publishableKey} ${stripeAccount ?? ''}`;
  let instance = instances.get(cacheKey);
  if (!instance) {
    instance = import('@stripe/stripe-js/pure').then(({ loadStripe }) =>
      loadStripe(publishableKey, stripeAccount ? { stripeAccount } : undefined),
    );
    instances.set(cacheKey, instance);
    instance.catch(() => instances.delete(cacheKey));
  }
  return instance;
}
