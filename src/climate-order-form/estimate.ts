import type { ClimatePrice } from '../schemas/climate-product.js';

/** What the buyer asks for: tons (Stripe's decimal string) or an amount to spend, fees included, in the smallest unit. */
export type OrderQuantity = { metric_tons: string } | { amount: number };

/** An order's expected amounts in the currency's smallest unit, and its tons. */
export interface OrderEstimate {
  /** Tons as a decimal string: as asked, or (for an amount) about what it buys, to three decimals. */
  metricTons: string;
  subtotal: number;
  fees: number;
  total: number;
}

const perTon = (value: number | null | undefined): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;

/** `value` to at most `decimals` places, rounded down, without trailing zeros ("0.176", "12"). */
function decimalString(value: number, decimals: number): string {
  const scale = 10 ** decimals;
  return (Math.floor(value * scale + 1e-9) / scale).toFixed(decimals).replace(/\.?0+$/, '');
}

/**
 * What Stripe will charge for `quantity` at a product's per-ton `price`, as Stripe's own example
 * computes it (0.01 t at 55,000 + 1,650 per ton: 550 + 17 = 567): subtotal and fees each rounded to the
 * smallest unit, the total their sum. For an amount, the amount is the total; the tons are what it buys.
 * Undefined when the price is incomplete or the quantity is not positive: there is nothing to show.
 */
export function estimateOrder(price: ClimatePrice, quantity: OrderQuantity): OrderEstimate | undefined {
  const subtotal = perTon(price.amount_subtotal);
  const fees = perTon(price.amount_fees);
  const total = perTon(price.amount_total);
  if (subtotal === undefined || fees === undefined || total === undefined) return undefined;
  if ('metric_tons' in quantity) {
    const tons = Number(quantity.metric_tons);
    if (!(tons > 0) || !Number.isFinite(tons)) return undefined;
    const orderSubtotal = Math.round(tons * subtotal);
    const orderFees = Math.round(tons * fees);
    const estimate = { metricTons: quantity.metric_tons, subtotal: orderSubtotal, fees: orderFees, total: orderSubtotal + orderFees };
    return Number.isSafeInteger(estimate.total) ? estimate : undefined;
  }
  const amount = quantity.amount;
  if (!(amount > 0) || !Number.isSafeInteger(amount) || !(total > 0)) return undefined;
  const tons = amount / total;
  const orderSubtotal = Math.round((amount * subtotal) / total);
  // A price Stripe never sends (a fraction of the smallest unit per ton) would buy "Infinity" or 1e+25 tons: no estimate rather than that.
  if (!Number.isSafeInteger(Math.floor(tons)) || !Number.isSafeInteger(orderSubtotal)) return undefined;
  return { metricTons: decimalString(tons, 3), subtotal: orderSubtotal, fees: amount - orderSubtotal, total: amount };
}
