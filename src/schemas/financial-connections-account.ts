import * as z from 'zod/mini';
import { fcAccountSchema } from './financial-connections.js';

/** `balance_refresh` / `ownership_refresh`: `pending`, `succeeded`, `failed` (open string: later values render). */
export const fcRefreshSchema = z.looseObject({
  status: z.string(),
  last_attempted_at: z.nullish(z.number()),
  next_refresh_available_at: z.nullish(z.number()),
});

/** `balance`: `current` maps each lowercase currency to an amount in its smallest unit. */
export const fcBalanceSchema = z.looseObject({
  as_of: z.nullish(z.number()),
  current: z.nullish(z.record(z.string(), z.number())),
  type: z.nullish(z.string()),
});

/**
 * A `financial_connections.account` as the backend retrieves it (`GET {accounts-endpoint}/{id}`): what
 * Stripe.js returned after linking, plus the balance, the refreshes and the ownership id the widget
 * reads. The reference backend sends only these fields.
 */
export const fcAccountDetailsSchema = z.extend(fcAccountSchema, {
  object: z.optional(z.literal('financial_connections.account')),
  permissions: z.nullish(z.array(z.string())),
  balance: z.nullish(fcBalanceSchema),
  balance_refresh: z.nullish(fcRefreshSchema),
  ownership: z.nullish(z.union([z.string(), z.looseObject({ id: z.string() })])),
  ownership_refresh: z.nullish(fcRefreshSchema),
});

/** `GET {accounts-endpoint}/{id}/owners`: the owners' names only (never email, phone or address). */
export const fcAccountOwnersSchema = z.looseObject({
  object: z.optional(z.literal('list')),
  data: z.array(z.looseObject({ name: z.nullish(z.string()) })),
  has_more: z.optional(z.boolean()),
});

export type FcAccountDetails = z.infer<typeof fcAccountDetailsSchema>;
export type FcAccountOwners = z.infer<typeof fcAccountOwnersSchema>;
export type FcRefresh = z.infer<typeof fcRefreshSchema>;
