import * as z from 'zod/mini';

/** Unix seconds, or null/missing while the moment has not come. */
const timestamp = z.nullish(z.number());
/** Stripe sends decimals such as `metric_tons` as strings ("0.25"); a number is tolerated. */
const decimal = z.union([z.string(), z.number()]);

/** A supplier's fields an order's delivery shows (a product's supplier adds its id and locations). */
export const climateSupplierFields = {
  name: z.nullish(z.string()),
  info_url: z.nullish(z.string()),
  removal_pathway: z.nullish(z.string()),
};

export const climateSupplierSchema = z.looseObject(climateSupplierFields);

export const climateDeliveryDetailSchema = z.looseObject({
  delivered_at: timestamp,
  metric_tons: z.nullish(decimal),
  registry_url: z.nullish(z.string()),
  location: z.nullish(
    z.looseObject({
      city: z.nullish(z.string()),
      region: z.nullish(z.string()),
      country: z.nullish(z.string()),
    }),
  ),
  supplier: z.nullish(climateSupplierSchema),
});

/** `product` is an id, or the `climate.product` when expanded (its name and suppliers are shown). */
export const climateProductRefSchema = z.union([
  z.string(),
  z.looseObject({ id: z.string(), name: z.nullish(z.string()), suppliers: z.nullish(z.array(climateSupplierSchema)) }),
]);

/**
 * The fields of a `climate.order` that `<climate-order-status>` reads. `status` and
 * `cancellation_reason` stay open strings so values Stripe adds later still render.
 */
export const climateOrderSchema = z.looseObject({
  id: z.string(),
  object: z.optional(z.literal('climate.order')),
  status: z.string(),
  metric_tons: z.nullish(decimal),
  amount_subtotal: z.nullish(z.number()),
  amount_fees: z.nullish(z.number()),
  amount_total: z.nullish(z.number()),
  currency: z.nullish(z.string()),
  beneficiary: z.nullish(z.looseObject({ public_name: z.nullish(z.string()) })),
  expected_delivery_year: z.nullish(z.number()),
  created: timestamp,
  confirmed_at: timestamp,
  delayed_at: timestamp,
  product_substituted_at: timestamp,
  delivered_at: timestamp,
  canceled_at: timestamp,
  cancellation_reason: z.nullish(z.string()),
  certificate: z.nullish(z.string()),
  delivery_details: z.nullish(z.array(climateDeliveryDetailSchema)),
  product: z.nullish(climateProductRefSchema),
});

export type ClimateOrder = z.infer<typeof climateOrderSchema>;
export type ClimateDeliveryDetail = z.infer<typeof climateDeliveryDetailSchema>;
