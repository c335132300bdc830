import * as z from 'zod/mini';

/** Permissions Stripe accepts on a Financial Connections Session. */
export const FC_PERMISSIONS = ['balances', 'ownership', 'payment_method', 'transactions'] as const;
/** Data Stripe can fetch right after linking (`prefetch`). */
export const FC_PREFETCH = ['balances', 'ownership', 'transactions'] as const;

/**
 * What the site's backend answers to `POST` on the widget's endpoint. The `client_secret` is used once
 * and never kept.
 */
export const fcSessionSecretSchema = z.looseObject({
  client_secret: z.string(),
  publishable_key: z.optional(z.nullable(z.string())),
  stripe_account: z.optional(z.nullable(z.string())),
  /** The reference backend's simulator only: finish with the package's simulated Stripe.js at `complete_url`. */
  simulated_stripe_js: z.optional(z.nullable(z.looseObject({ complete_url: z.string() }))),
});
export type FcSessionSecret = z.infer<typeof fcSessionSecretSchema>;

/** The fields of a `financial_connections.account` the widget shows, for this schema and the retrieved account's. */
export const fcAccountFields = {
  id: z.string(),
  institution_name: z.optional(z.nullable(z.string())),
  display_name: z.optional(z.nullable(z.string())),
  category: z.optional(z.nullable(z.string())),
  subcategory: z.optional(z.nullable(z.string())),
  last4: z.optional(z.nullable(z.string())),
  status: z.optional(z.nullable(z.string())),
};

/** A `financial_connections.account` as Stripe.js returns it; only the fields the widget shows. */
export const fcAccountSchema = z.looseObject(fcAccountFields);
export type FcAccount = z.infer<typeof fcAccountSchema>;

/** `financialConnectionsSession` of `stripe.collectFinancialConnectionsAccounts()`'s result. */
export const fcSessionResultSchema = z.looseObject({
  id: z.string(),
  accounts: z.array(fcAccountSchema),
});
export type FcSessionResult = z.infer<typeof fcSessionResultSchema>;
