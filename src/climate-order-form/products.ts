import type { ClimatePrice, ClimateProduct } from '../schemas/climate-product.js';

/** A product's availability as a number, or undefined when Stripe's decimal cannot be read. */
export function tonsAvailable(product: ClimateProduct): number | undefined {
  const value = product.metric_tons_available;
  if (value === null || value === undefined || String(value).trim() === '') return undefined;
  const tons = Number(value);
  return Number.isFinite(tons) ? tons : undefined;
}

/** Sold out: Stripe says no tons are left. An unreadable availability is shown as given, not as sold out. */
export function isSoldOut(product: ClimateProduct): boolean {
  const tons = tonsAvailable(product);
  return tons !== undefined && tons <= 0;
}

/** The product's price per ton in `currency`, when it is sold in it with a usable total. */
export function priceIn(product: ClimateProduct, currency: string): ClimatePrice | undefined {
  const prices = product.current_prices_per_metric_ton;
  const price = prices && Object.hasOwn(prices, currency) ? prices[currency] : undefined;
  return price && typeof price.amount_total === 'number' && Number.isFinite(price.amount_total) ? price : undefined;
}

/** Every currency any product is sold in, in the order first met. */
export function currenciesOf(products: readonly ClimateProduct[]): string[] {
  const all = products.flatMap((product) => Object.keys(product.current_prices_per_metric_ton ?? {}));
  return [...new Set(all.filter((code) => /^[a-z]{3}$/.test(code)))];
}

/** Whether the product can be chosen in `currency`: not sold out, and priced in it. */
export function canOrder(product: ClimateProduct, currency: string): boolean {
  return !isSoldOut(product) && priceIn(product, currency) !== undefined;
}

/** "San Francisco, CA, US": the parts a location has. */
export function placeName(location: { city?: string | null; region?: string | null; country?: string | null }): string {
  return [location.city, location.region, location.country].filter((part) => part && part.trim()).join(', ');
}
