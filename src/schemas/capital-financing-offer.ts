import * as z from 'zod/mini';

/** `offered_terms` / `accepted_terms` of a Capital financing offer: only what the card reads. */
export const capitalFinancingTermsSchema = z.looseObject({
  currency: z.optional(z.nullable(z.string())),
  advance_amount: z.optional(z.nullable(z.number())),
  fee_amount: z.optional(z.nullable(z.number())),
  /** A fraction of each sale withheld for repayment (0.15 is 15%). */
  withhold_rate: z.optional(z.nullable(z.number())),
});

/**
 * A `capital.financing_offer` (preview API). Enums stay strings so a status or financing type Stripe
 * adds later is shown as given. `expires_after` is Unix seconds and may be a float.
 */
export const capitalFinancingOfferSchema = z.looseObject({
  id: z.string(),
  object: z.optional(z.string()),
  account: z.optional(z.nullable(z.string())),
  status: z.string(),
  financing_type: z.optional(z.nullable(z.string())),
  product_type: z.optional(z.nullable(z.string())),
  offered_terms: z.optional(z.nullable(capitalFinancingTermsSchema)),
  accepted_terms: z.optional(z.nullable(capitalFinancingTermsSchema)),
  created: z.optional(z.nullable(z.number())),
  expires_after: z.optional(z.nullable(z.number())),
  charged_off_at: z.optional(z.nullable(z.number())),
  /** On a replaced offer: the id of the offer that replaced it. */
  replacement: z.optional(z.nullable(z.string())),
  /** On a replacement: the id of the offer it replaced. */
  replacement_for: z.optional(z.nullable(z.string())),
});

export type CapitalFinancingTerms = z.infer<typeof capitalFinancingTermsSchema>;
export type CapitalFinancingOffer = z.infer<typeof capitalFinancingOfferSchema>;
