import type Stripe from 'stripe';
import type { RouteContext } from './context.js';

/**
 * A route's context with the SDK client under the SDK's own type, for the kit's stripe-mode routes
 * (compiled here, where `stripe` is installed). The public `RouteContext` names it `StripeClient` only,
 * so the shipped typings compile without `stripe`; keep this type out of them.
 */
export type SdkRouteContext = Omit<RouteContext, 'stripe'> & { readonly stripe: Stripe };

/** In stripe mode `createBackend` made `context.stripe` with the SDK (load-stripe.ts). */
export const withSdk = (context: RouteContext): SdkRouteContext => context as SdkRouteContext;
