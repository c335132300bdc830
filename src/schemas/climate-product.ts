import * as z from 'zod/mini';
import { climateSupplierFields } from './climate-order.js';

/** Stripe sends decimals such as `metric_tons_available` as strings ("1000000"); a number is tolerated. */
const decimal = z.union([z.string(), z.number()]);

/** One currency's price of one metric ton, in the currency's smallest unit. */
export const climatePriceSchema = z.looseObject({
  amount_subtotal: z.nullish(z.number()),
  amount_fees: z.nullish(z.number()),
  amount_total: z.nullish(z.number()),
});

export const climateLocationSchema = z.looseObject({
  city: z.nullish(z.string()),
  region: z.nullish(z.string()),
  country: z.nullish(z.string()),
});

/** A `climate.supplier` as a product lists it: the order's supplier fields plus its locations. */
export const climateProductSupplierSchema = z.looseObject({
  ...climateSupplierFields,
  id: z.nullish(z.string()),
  locations: z.nullish(z.array(climateLocationSchema)),
});

/**
 * The fields of a `climate.product` that `<climate-order-form>` reads: name, delivery year,
 * availability, the price per ton in each currency (keyed by lowercase ISO code) and the suppliers.
 */
export const climateProductSchema = z.looseObject({
  id: z.string(),
  object: z.optional(z.literal('climate.product')),
  name: z.nullish(z.string()),
  created: z.nullish(z.number()),
  delivery_year: z.nullish(z.number()),
  metric_tons_available: z.nullish(decimal),
  // Currency → price; `catchall` (not `record`) keeps zod's record code out of every widget.
  current_prices_per_metric_ton: z.nullish(z.catchall(z.object({}), climatePriceSchema)),
  suppliers: z.nullish(z.array(climateProductSupplierSchema)),
});

/** `GET {endpoint}/products`: Stripe's list of `climate.product`s. */
export const climateProductListSchema = z.looseObject({
  object: z.optional(z.literal('list')),
  data: z.array(climateProductSchema),
  has_more: z.optional(z.boolean()),
});

export type ClimateProduct = z.infer<typeof climateProductSchema>;
export type ClimateProductList = z.infer<typeof climateProductListSchema>;
export type ClimatePrice = z.infer<typeof climatePriceSchema>;
export type ClimateProductSupplier = z.infer<typeof climateProductSupplierSchema>;
