import * as z from 'zod/mini';

/**
 * A `shared_payment.granted_token` (private preview): only the fields `<spt-token-status>` reads.
 * `deactivated_reason` is an open enum (consumed, expired, resolved, revoked today); unknown fields pass.
 * `usage_details.amount_captured` ({ value, currency }) and `agent_details.network_business_profile`
 * as in Stripe's published object: https://docs.stripe.com/api/shared-payment/granted-token/retrieve
 */
export const sharedPaymentGrantedTokenSchema = z.looseObject({
  id: z.string(),
  object: z.optional(z.string()),
  created: z.optional(z.number()),
  deactivated_at: z.optional(z.nullable(z.number())),
  deactivated_reason: z.optional(z.nullable(z.string())),
  usage_limits: z.optional(
    z.nullable(
      z.looseObject({
        currency: z.optional(z.nullable(z.string())),
        max_amount: z.optional(z.nullable(z.number())),
        expires_at: z.optional(z.nullable(z.number())),
      }),
    ),
  ),
  usage_details: z.optional(
    z.nullable(
      z.looseObject({
        amount_captured: z.optional(
          z.nullable(
            z.looseObject({
              value: z.optional(z.nullable(z.number())),
              currency: z.optional(z.nullable(z.string())),
            }),
          ),
        ),
      }),
    ),
  ),
  agent_details: z.optional(
    z.nullable(
      z.looseObject({
        network_business_profile: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
  payment_method_details: z.optional(
    z.nullable(
      z.looseObject({
        type: z.optional(z.nullable(z.string())),
        card: z.optional(
          z.nullable(
            z.looseObject({
              brand: z.optional(z.nullable(z.string())),
              last4: z.optional(z.nullable(z.string())),
            }),
          ),
        ),
      }),
    ),
  ),
});

export type SharedPaymentGrantedToken = z.infer<typeof sharedPaymentGrantedTokenSchema>;
