import type Stripe from 'stripe';
import type { BackendOptions } from './context.js';
import { requireOptional } from './optional-package.js';

export const STRIPE_MISSING =
  'Stripe mode (a secret key) needs the `stripe` package, an optional peer dependency of stripe-widget-kit: run `npm install stripe`. The simulator runs without it.';

/**
 * The SDK client for stripe mode, loaded only now: the `stripe` package is never read in simulator
 * mode. Throws `STRIPE_MISSING` when it is not installed.
 */
export function createStripeClient(options: BackendOptions, secretKey: string, maxNetworkRetries: number): Stripe {
  const sdk = requireOptional<typeof Stripe & { default?: typeof Stripe }>('stripe', STRIPE_MISSING);
  const StripeSdk = sdk.default ?? sdk;
  return new StripeSdk(secretKey, {
    maxNetworkRetries,
    ...(options.stripeHost && { host: options.stripeHost }),
    ...(options.stripePort && { port: options.stripePort }),
    ...(options.stripeProtocol && { protocol: options.stripeProtocol }),
  });
}

/** Makes the client on first use only (simulator mode never uses it, so never loads the SDK). */
export function lazyStripeClient(make: () => Stripe): () => Stripe {
  let client: Stripe | undefined;
  return () => (client ??= make());
}
