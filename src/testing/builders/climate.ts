import type { ClimateDeliveryDetail, ClimateOrder } from '../../schemas/climate-order.js';
import type { ClimateProduct, ClimateProductList, ClimateProductSupplier } from '../../schemas/climate-product.js';

const slug = (name: string, joiner: string) => name.toLowerCase().replace(/\W+/g, joiner);

/** A `climate.supplier` as a product lists it, with one location in the US (Charm Industrial unless named). */
export function climateSupplier(name = 'Charm Industrial', removalPathway = 'biomass_carbon_removal_and_storage', city = 'San Francisco', region = 'CA'): ClimateProductSupplier {
  return {
    id: `climsup_${slug(name, '_')}`,
    object: 'climate.supplier',
    info_url: `https://example.com/suppliers/${slug(name, '-')}`,
    livemode: false,
    locations: [{ city, country: 'US', latitude: 37.7, longitude: -122.4, region }],
    name,
    removal_pathway: removalPathway,
  };
}

/**
 * A `climate.product` as Stripe lists it: Frontier's 2027 offtake portfolio, a million tons available,
 * priced in USD and JPY (Stripe's fixture's prices: 3 % fees), two suppliers.
 */
export function climateProduct(overrides: Partial<ClimateProduct> = {}): ClimateProduct {
  return {
    id: 'climsku_frontier_offtake_portfolio_2027',
    object: 'climate.product',
    created: 1_700_000_000,
    current_prices_per_metric_ton: {
      usd: { amount_fees: 1650, amount_subtotal: 55000, amount_total: 56650 },
      jpy: { amount_fees: 2475, amount_subtotal: 82500, amount_total: 84975 },
    },
    delivery_year: 2027,
    livemode: false,
    metric_tons_available: '1000000',
    name: 'Offtake portfolio 2027',
    suppliers: [climateSupplier('Charm Industrial', 'biomass_carbon_removal_and_storage'), climateSupplier('Heirloom', 'direct_air_capture', 'Brisbane')],
    ...overrides,
  };
}

/** `GET {endpoint}/products`: Stripe's list of the given products. */
export function climateProductList(...products: ClimateProduct[]): ClimateProductList {
  return { object: 'list', data: products, has_more: false, url: '/v1/climate/products' };
}

/** One delivery of an order: 0.5 t delivered by Charm Industrial on 2027-03-01, with its registry link. */
export function climateDeliveryDetail(overrides: Partial<ClimateDeliveryDetail> = {}): ClimateDeliveryDetail {
  return {
    delivered_at: Date.UTC(2027, 2, 1, 12) / 1000,
    location: { city: 'San Francisco', country: 'US', latitude: 37.7, longitude: -122.4, region: 'CA' },
    metric_tons: '0.5',
    registry_url: 'https://registry.example.com/deliveries/1',
    supplier: { id: 'climsup_charm_industrial', info_url: 'https://example.com/suppliers/charm-industrial', livemode: false, name: 'Charm Industrial', removal_pathway: 'biomass_carbon_removal_and_storage' },
    ...overrides,
  };
}

/**
 * A `climate.order` as Stripe publishes it: 0.5 t confirmed on 2026-01-16 for $150.00 ($15.00 fees),
 * delivery expected in 2027, product expanded. `overrides` replace whole top-level fields.
 */
export function climateOrder(overrides: Partial<ClimateOrder> = {}): ClimateOrder {
  return {
    id: 'climorder_123',
    object: 'climate.order',
    amount_fees: 1500,
    amount_subtotal: 13500,
    amount_total: 15000,
    beneficiary: { public_name: 'Example Coffee' },
    canceled_at: null,
    cancellation_reason: null,
    certificate: null,
    confirmed_at: Date.UTC(2026, 0, 16, 12) / 1000,
    created: Date.UTC(2026, 0, 15, 12) / 1000,
    currency: 'usd',
    delayed_at: null,
    delivered_at: null,
    delivery_details: [],
    expected_delivery_year: 2027,
    livemode: false,
    metadata: {},
    metric_tons: '0.5',
    product: { id: 'climsku_frontier', object: 'climate.product', name: 'Frontier offtake portfolio', suppliers: [] },
    product_substituted_at: null,
    status: 'confirmed',
    ...overrides,
  };
}
