import { estimateOrder, type OrderQuantity } from '../../src/climate-order-form/estimate.js';
import type { ClimatePrice } from '../../src/schemas/climate-product.js';
import type { SimulatorStore, StripeObject } from './store.js';

export type SimulatedClimateProduct = StripeObject & {
  name: string;
  delivery_year: number;
  metric_tons_available: string;
  current_prices_per_metric_ton: Record<string, ClimatePrice>;
  suppliers: Record<string, unknown>[];
};

export const CLIMATE_PRODUCT_IDS = {
  portfolio: 'climsku_frontier_offtake_portfolio_2027',
  directAirCapture: 'climsku_sim_direct_air_capture_2028',
  soldOut: 'climsku_sim_enhanced_weathering_2026',
} as const;

const supplier = (id: string, name: string, pathway: string, city: string, region: string, country = 'US') => ({
  id,
  object: 'climate.supplier',
  info_url: `https://frontierclimate.com/portfolio/${id.replace('climsup_', '').replace(/_/g, '-')}`,
  livemode: false,
  locations: [{ city, country, latitude: null, longitude: null, region }],
  name,
  removal_pathway: pathway,
});

const CHARM = supplier('climsup_charm_industrial', 'Charm Industrial', 'biomass_carbon_removal_and_storage', 'San Francisco', 'CA');
const HEIRLOOM = supplier('climsup_heirloom', 'Heirloom', 'direct_air_capture', 'Brisbane', 'CA');
const LITHOS = supplier('climsup_lithos', 'Lithos', 'enhanced_weathering', 'San Francisco', 'CA');

const price = (amount_subtotal: number, amount_fees: number): ClimatePrice => ({ amount_fees, amount_subtotal, amount_total: amount_subtotal + amount_fees });

/** Stripe's fixture product (its prices, 3% fees) and two more: one in USD and EUR, one sold out. */
export function seedClimateProducts(store: SimulatorStore): void {
  if (store.get(CLIMATE_PRODUCT_IDS.portfolio)) return;
  const year = new Date(store.now() * 1000).getUTCFullYear();
  const base = { object: 'climate.product', created: store.now() - 400 * 24 * 3600, livemode: false };
  store.put<SimulatedClimateProduct>({
    ...base,
    id: CLIMATE_PRODUCT_IDS.portfolio,
    name: "Frontier's 2027 offtake portfolio",
    delivery_year: Math.max(year + 1, 2027),
    metric_tons_available: '1000000',
    current_prices_per_metric_ton: { usd: price(55_000, 1_650), jpy: price(82_500, 2_475) },
    suppliers: [CHARM, HEIRLOOM, LITHOS],
  });
  store.put<SimulatedClimateProduct>({
    ...base,
    id: CLIMATE_PRODUCT_IDS.directAirCapture,
    name: 'Direct air capture, 2028 delivery',
    delivery_year: Math.max(year + 2, 2028),
    metric_tons_available: '250.5',
    current_prices_per_metric_ton: { usd: price(60_000, 1_800), eur: price(56_000, 1_680) },
    suppliers: [HEIRLOOM],
  });
  store.put<SimulatedClimateProduct>({
    ...base,
    id: CLIMATE_PRODUCT_IDS.soldOut,
    name: 'Enhanced weathering, 2026 delivery',
    delivery_year: Math.max(year, 2026),
    metric_tons_available: '0',
    current_prices_per_metric_ton: { usd: price(45_000, 1_350) },
    suppliers: [LITHOS],
  });
}

export function findProduct(store: SimulatorStore, id: string): SimulatedClimateProduct | undefined {
  const product = store.get<SimulatedClimateProduct>(id);
  return product?.object === 'climate.product' ? product : undefined;
}

export function listProducts(store: SimulatorStore): SimulatedClimateProduct[] {
  return store.list<SimulatedClimateProduct>((object) => object.object === 'climate.product');
}

/**
 * Frontier changes a product's price (by `percent`, default +10 %, every currency) and Stripe sends
 * `climate.product.pricing_updated`. Orders already confirmed keep their price.
 */
export async function changePrice(store: SimulatorStore, id: string, percent = 10): Promise<SimulatedClimateProduct> {
  const current = findProduct(store, id)!;
  const scaled = Object.fromEntries(
    Object.entries(current.current_prices_per_metric_ton).map(([currency, perTon]) => [
      currency,
      price(Math.round((perTon.amount_subtotal ?? 0) * (1 + percent / 100)), Math.round((perTon.amount_fees ?? 0) * (1 + percent / 100))),
    ]),
  );
  const [updated, previous] = store.update<SimulatedClimateProduct>(id, { current_prices_per_metric_ton: scaled });
  await store.sendWebhook('climate.product.pricing_updated', updated, previous);
  return updated;
}

let added = 0;

/** Frontier adds a product to the inventory; Stripe sends `climate.product.created`. */
export async function addProduct(store: SimulatorStore): Promise<SimulatedClimateProduct> {
  added += 1;
  const product = store.put<SimulatedClimateProduct>({
    id: `climsku_sim_new_${added}`,
    object: 'climate.product',
    created: store.now(),
    livemode: false,
    name: `Marine carbon removal, batch ${added}`,
    delivery_year: new Date(store.now() * 1000).getUTCFullYear() + 3,
    metric_tons_available: '5000',
    current_prices_per_metric_ton: { usd: price(40_000, 1_200) },
    suppliers: [supplier('climsup_sim_marine', 'Simulated Ocean Alkalinity', 'marine_carbon_removal', 'Halifax', 'NS', 'CA')],
  });
  await store.sendWebhook('climate.product.created', product);
  return product;
}

export interface SimulatedOrderRequest {
  product: string;
  quantity: OrderQuantity;
  currency: string;
  beneficiary?: { public_name: string };
  metadata?: Record<string, string>;
}

/** A Stripe-shaped refusal of an order request (status and error body), or undefined when it can be placed. */
export function orderRefusal(product: SimulatedClimateProduct | undefined, request: SimulatedOrderRequest): { status: number; message: string; param?: string } | undefined {
  if (!product) return { status: 404, message: `No such climate product: '${request.product}'`, param: 'product' };
  const perTon = product.current_prices_per_metric_ton[request.currency];
  if (!perTon) return { status: 400, message: `This product cannot be ordered in ${request.currency.toUpperCase()}.`, param: 'currency' };
  const estimate = estimateOrder(perTon, request.quantity);
  if (!estimate) return { status: 400, message: 'The order is too small.', param: 'metric_tons' in request.quantity ? 'metric_tons' : 'amount' };
  if (Number(estimate.metricTons) > Number(product.metric_tons_available)) {
    return { status: 400, message: `Only ${product.metric_tons_available} metric tons of this product are available.`, param: 'metric_tons' };
  }
  return undefined;
}

let ordered = 0;

/**
 * Places an order as Stripe does (paid from the balance at once: `confirmed`), at the product's current
 * price, takes its tons from the product's availability and sends `climate.order.created`. The order is
 * stored with its product expanded, like the seeded ones.
 */
export async function placeOrder(store: SimulatorStore, request: SimulatedOrderRequest): Promise<StripeObject> {
  const product = findProduct(store, request.product)!;
  const estimate = estimateOrder(product.current_prices_per_metric_ton[request.currency]!, request.quantity)!;
  const now = store.now();
  ordered += 1;
  const order = store.put({
    id: `climorder_sim_new_${now.toString(36)}_${ordered}`,
    object: 'climate.order',
    amount_fees: estimate.fees,
    amount_subtotal: estimate.subtotal,
    amount_total: estimate.total,
    beneficiary: request.beneficiary ?? null,
    canceled_at: null,
    cancellation_reason: null,
    certificate: null,
    confirmed_at: now,
    created: now,
    currency: request.currency,
    delayed_at: null,
    delivered_at: null,
    delivery_details: [],
    expected_delivery_year: product.delivery_year,
    livemode: false,
    metadata: request.metadata ?? {},
    metric_tons: estimate.metricTons,
    product,
    product_substituted_at: null,
    status: 'confirmed',
  });
  const left = Math.max(0, Number(product.metric_tons_available) - Number(estimate.metricTons));
  store.update<SimulatedClimateProduct>(product.id, { metric_tons_available: String(Math.round(left * 1000) / 1000) });
  await store.sendWebhook('climate.order.created', { ...order, product: product.id });
  return order;
}
