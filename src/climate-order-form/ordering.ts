import { estimateOrder, type OrderEstimate } from './estimate.js';
import { decimalSeparators, readQuantity, type QuantityMode, type QuantityProblem } from './quantity.js';

// Reading the quantity typed and estimating the order: loaded on the form's first use (a chunk of its
// own in npm builds, a file beside the script-tag file), importing nothing at run time.

/** What the form asks for: the inputs, and the chosen product's id, price and tons available (undefined: none chosen). */
export interface OrderInputs {
  mode: QuantityMode;
  quantityText: string;
  beneficiary: string;
  currency: string;
  /** The currency's minor-unit exponent (`minorUnitExponent`). */
  exponent: number;
  /** The form's locale: which decimal separators are read (`decimalSeparators`). */
  locale: string;
  product?: { id: string; price: Parameters<typeof estimateOrder>[0]; available: number | undefined } | undefined;
}

export type OrderProblem = QuantityProblem | 'product' | 'overAvailable';

/** What `<climate-order-form>` POSTs to `{endpoint}/orders`. */
export interface ClimateOrderRequest {
  product: string;
  metric_tons?: string;
  amount?: number;
  currency: string;
  beneficiary?: { public_name: string };
}

/** The order the inputs describe with its estimate, or what is missing or wrong. */
export function orderRequest(inputs: OrderInputs): { request: ClimateOrderRequest; estimate: OrderEstimate } | { problem: OrderProblem } {
  const { product, currency } = inputs;
  const quantity = readQuantity(inputs.mode, inputs.quantityText, inputs.exponent, decimalSeparators(inputs.locale));
  if (typeof quantity === 'string') return { problem: quantity };
  if (!product) return { problem: 'product' };
  const estimate = estimateOrder(product.price, quantity);
  if (!estimate) return { problem: 'zero' };
  if (product.available !== undefined && Number(estimate.metricTons) > product.available) return { problem: 'overAvailable' };
  const name = inputs.beneficiary.trim();
  return {
    request: { product: product.id, ...quantity, currency, ...(name && { beneficiary: { public_name: name } }) },
    estimate,
  };
}
