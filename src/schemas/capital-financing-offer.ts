import * as z from 'zod/mini';

/** `offered_terms` / `accepted_terms` of a Capital financing offer: only what the card reads. */
export const capitalFinancingTermsSchema = z.looseObject({
  currency: z.optional(z.nullable(z.string())),
  advance_amount: z.optional(z.nullable(z.number())),
  fee_amount: z.optional(z.nullable(z.number())),
  /** A fraction of each sale withheld for repayment (0.15 is 15%). */
  withhold_rate: z.optional(z.nullable(z.number())),
});

/** An offer field that holds an id, or the offer itself when the backend expanded it (as Stripe's `expand` does). */
type OfferRef = z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniUnion<readonly [z.ZodMiniString<string>, typeof capitalFinancingOfferSchema]>>>;
const offerRef = (): OfferRef => z.optional(z.nullable(z.union([z.string(), capitalFinancingOfferSchema])));

/**
 * A `capital.financing_offer` (preview API). Enums stay strings so a status or financing type Stripe
 * adds later is shown as given. `expires_after` is Unix seconds and may be a float. `replacement` and
 * `replacement_for` are ids, or the offers themselves when the backend expanded the chain.
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
  /** On a replaced offer: the offer that replaced it (its id, or the offer when expanded). */
  get replacement(): OfferRef {
    return offerRef();
  },
  /** On a replacement: the offer it replaced (its id, or the offer when expanded). */
  get replacement_for(): OfferRef {
    return offerRef();
  },
});

/** The id of an offer field (`replacement`, `replacement_for`), expanded or not. */
export function offerRefId(ref: string | { id: string } | null | undefined): string | undefined {
  return typeof ref === 'string' ? ref : (ref?.id ?? undefined);
}

export type CapitalFinancingTerms = z.infer<typeof capitalFinancingTermsSchema>;
export type CapitalFinancingOffer = z.infer<typeof capitalFinancingOfferSchema>;
