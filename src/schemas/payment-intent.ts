import * as z from 'zod/mini';

/** An expandable reference: the id, the object when expanded, or null/missing while it does not exist yet. */
const expandable = <T extends z.ZodMiniType>(object: T) => z.nullish(z.union([z.string(), object]));

/** The expanded `balance_transaction` of a charge: what Stripe kept and what the account gets, in its currency. */
export const balanceTransactionSchema = z.looseObject({
  id: z.string(),
  fee: z.number(),
  net: z.number(),
  currency: z.string(),
});

/** An expanded `transfer` (Connect destination charge). */
export const transferSchema = z.looseObject({
  id: z.string(),
  amount: z.nullish(z.number()),
  currency: z.nullish(z.string()),
});

/** An expanded `application_fee` (Connect). */
export const applicationFeeSchema = z.looseObject({
  id: z.string(),
  amount: z.nullish(z.number()),
  currency: z.nullish(z.string()),
});

/**
 * The fields of a `charge` that `<payment-capture-status>` reads. With asynchronous capture,
 * `balance_transaction`, `transfer` and `application_fee` are null for up to an hour after capture.
 */
export const chargeSchema = z.looseObject({
  id: z.string(),
  object: z.optional(z.literal('charge')),
  created: z.nullish(z.number()),
  amount: z.nullish(z.number()),
  amount_captured: z.nullish(z.number()),
  currency: z.nullish(z.string()),
  captured: z.nullish(z.boolean()),
  status: z.nullish(z.string()),
  balance_transaction: expandable(balanceTransactionSchema),
  transfer: expandable(transferSchema),
  application_fee: expandable(applicationFeeSchema),
  application_fee_amount: z.nullish(z.number()),
  transfer_data: z.nullish(z.looseObject({ destination: z.nullish(z.unknown()) })),
});

/**
 * The fields of a `payment_intent` that `<payment-capture-status>` reads. `status` and
 * `cancellation_reason` stay open strings so values Stripe adds later still render.
 */
export const paymentIntentSchema = z.looseObject({
  id: z.string(),
  object: z.optional(z.literal('payment_intent')),
  status: z.string(),
  amount: z.number(),
  currency: z.string(),
  created: z.nullish(z.number()),
  amount_capturable: z.nullish(z.number()),
  amount_received: z.nullish(z.number()),
  capture_method: z.nullish(z.string()),
  cancellation_reason: z.nullish(z.string()),
  last_payment_error: z.nullish(z.looseObject({ message: z.nullish(z.string()), code: z.nullish(z.string()) })),
  application_fee_amount: z.nullish(z.number()),
  transfer_data: z.nullish(z.looseObject({ destination: z.nullish(z.unknown()) })),
  latest_charge: expandable(chargeSchema),
});

export type BalanceTransaction = z.infer<typeof balanceTransactionSchema>;
export type Transfer = z.infer<typeof transferSchema>;
export type ApplicationFee = z.infer<typeof applicationFeeSchema>;
export type Charge = z.infer<typeof chargeSchema>;
export type PaymentIntent = z.infer<typeof paymentIntentSchema>;
