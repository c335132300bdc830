import type { Stripe } from '@stripe/stripe-js';
import { resolveFetcher, type Fetcher } from '../core/config.js';
import { importSimulatedStripe } from './simulated-stripe-import.js';

/**
 * The package's simulated Stripe.js, for a session the reference backend's simulator made. It is
 * imported only now (see simulated-stripe-import.ts), so no widget's first load carries it. `completeUrl`
 * is resolved against the widget's endpoint and must stay on its origin (it receives the client
 * secret); the completion goes through the widget's fetcher.
 */
export async function loadSimulatedStripe(completeUrl: string, endpoint: string, fetcher: Fetcher | undefined): Promise<Stripe> {
  const endpointUrl = new URL(endpoint, document.baseURI);
  const url = new URL(completeUrl, endpointUrl);
  if (url.origin !== endpointUrl.origin) throw new Error('The simulator named a completion URL on another origin');
  const { createSimulatedStripe } = await importSimulatedStripe();
  return createSimulatedStripe({ completeUrl: url.href, fetch: (input, init) => resolveFetcher(fetcher)(input, init) });
}
