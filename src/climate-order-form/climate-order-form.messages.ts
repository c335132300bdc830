import { defineMessages } from '../core/i18n.js';

const en = {
  title: 'Buy carbon removal',
  loadingProducts: 'Loading products…',
  noProducts: 'No products are available right now.',
  products: 'Product',
  deliveryYear: 'Delivery year',
  available: 'Available',
  soldOut: 'Sold out',
  notInCurrency: (currency: string) => `Not sold in ${currency}`,
  pricePerTon: 'Price per ton',
  priceBreakdown: (subtotal: string, fees: string) => `${subtotal} + ${fees} fees`,
  suppliers: 'Suppliers',
  supplierInfo: (name: string) => `About ${name}`,
  unnamedSupplier: 'Supplier',
  pathways: {
    biomass_carbon_removal_and_storage: 'Biomass carbon removal and storage',
    direct_air_capture: 'Direct air capture',
    enhanced_weathering: 'Enhanced weathering',
    marine_carbon_removal: 'Marine carbon removal',
  } as Record<string, string>,
  quantity: 'How much',
  byTons: 'Metric tons',
  byAmount: 'Amount to spend',
  tonsLabel: 'Metric tons of carbon removal',
  amountLabel: (currency: string) => `Amount to spend in ${currency}, fees included`,
  beneficiary: 'Beneficiary (optional)',
  beneficiaryHint: 'Shown publicly as who the removal is for; empty means your business.',
  problems: {
    product: 'Choose a product.',
    empty: 'Enter how much to buy.',
    invalid: 'Enter a number such as 0.5.',
    tooPrecise: 'Use fewer decimal places.',
    zero: 'Enter more than zero.',
    overAvailable: (available: string) => `Only ${available} are available.`,
  },
  estimate: 'Estimate',
  tons: 'Carbon removal',
  aboutTons: (tons: string) => `About ${tons}`,
  subtotal: 'Carbon removal cost',
  fees: 'Frontier fees',
  total: 'Total',
  estimateNote: 'Stripe sets the final amounts when the order is placed.',
  updatingPrices: 'Updating prices…',
  pricesUpdated: (total: string) => `Prices updated. Total: ${total}`,
  pricesStale: 'Prices could not be updated: retry before ordering.',
  placeOrder: 'Place order',
  placing: 'Placing order…',
  orderFailed: 'The order was not placed',
  orderPlaced: 'Order placed',
  orderPlacedDetail: (id: string) => `Order ${id} was placed.`,
  anotherOrder: 'Place another order',
};

export type ClimateOrderFormMessages = typeof en;

/** English is bundled; Japanese loads the first time a widget renders in Japanese. */
export const climateOrderFormMessages = defineMessages(en, () => import('./climate-order-form.messages.ja.js'));
