import * as z from 'zod/mini';
import { fcAccountFields } from './financial-connections.js';

/** `balance_refresh` / `ownership_refresh`: `pending`, `succeeded`, `failed` (open string: later values render). */
export const fcRefreshSchema = z.looseObject({
  status: z.string(),
  last_attempted_at: z.nullish(z.number()),
  next_refresh_available_at: z.nullish(z.number()),
});

/** `balance`: `current` maps each lowercase currency to an amount in its smallest unit. */
export const fcBalanceSchema = z.looseObject({
  as_of: z.nullish(z.number()),
  // A map of currency → amount; `catchall` (not `record`) keeps zod's record code out of every widget.
  current: z.nullish(z.catchall(z.object({}), z.number())),
  type: z.nullish(z.string()),
});

/**
 * A `financial_connections.account` as the backend retrieves it (`GET {accounts-endpoint}/{id}`): what
 * Stripe.js returned after linking, plus the balance, the refreshes and the ownership id the widget
 * reads. The reference backend sends only these fields.
 */
export const fcAccountDetailsSchema = z.looseObject({
  ...fcAccountFields,
  // Plain strings, not literals or unions: each zod feature used here lands in fc-link-account's first load.
  object: z.optional(z.string()),
  permissions: z.nullish(z.array(z.string())),
  balance: z.nullish(fcBalanceSchema),
  balance_refresh: z.nullish(fcRefreshSchema),
  /** The `financial_connections.account_ownership` id, or the object when expanded. */
  ownership: z.nullish(z.unknown()),
  ownership_refresh: z.nullish(fcRefreshSchema),
});

/** `GET {accounts-endpoint}/{id}/owners`: the owners' names only (never email, phone or address). */
export const fcAccountOwnersSchema = z.looseObject({
  data: z.array(z.looseObject({ name: z.nullish(z.string()) })),
  has_more: z.optional(z.boolean()),
});

export type FcAccountDetails = z.infer<typeof fcAccountDetailsSchema>;
export type FcAccountOwners = z.infer<typeof fcAccountOwnersSchema>;
export type FcRefresh = z.infer<typeof fcRefreshSchema>;
