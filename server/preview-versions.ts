import type { BackendOptions } from './context.js';

/**
 * Stripe serves its preview APIs only under a preview `Stripe-Version`, not the GA version the `stripe`
 * SDK pins. These are the versions Stripe's API reference documents them under (checked 2026-11-29):
 * - Capital financing offers: https://docs.stripe.com/api/capital/connect_financing_object?api-version=2025-11-17.preview
 * - Shared payment granted tokens, added in 2026-04-22.preview:
 *   https://docs.stripe.com/changelog/dahlia/2026-04-22/shared-payment-granted-token and
 *   https://docs.stripe.com/api/shared-payment/granted-token?api-version=2026-04-22.preview
 * Sites enrolled in a newer preview set `BackendOptions.previewStripeVersions`.
 */
export const DEFAULT_PREVIEW_STRIPE_VERSIONS = {
  capital: '2025-11-17.preview',
  sharedPayment: '2026-04-22.preview',
} as const;

export type PreviewApi = keyof typeof DEFAULT_PREVIEW_STRIPE_VERSIONS;

/** The `Stripe-Version` to send on calls to one preview API. */
export function previewStripeVersion(options: BackendOptions, api: PreviewApi): string {
  return options.previewStripeVersions?.[api] || DEFAULT_PREVIEW_STRIPE_VERSIONS[api];
}
