import { defineMessages } from '../core/i18n.js';

const en = {
  title: 'Carbon removal order',
  statuses: {
    open: 'Open',
    awaiting_funds: 'Awaiting funds',
    confirmed: 'Confirmed',
    delivered: 'Delivered',
    canceled: 'Canceled',
  } as Record<string, string>,
  statusAnnouncement: (status: string) => `Order status: ${status}`,
  details: 'Order details',
  tons: 'Carbon removal',
  product: 'Product',
  beneficiary: 'Beneficiary',
  expectedDelivery: 'Expected delivery year',
  subtotal: 'Carbon removal cost',
  fees: 'Frontier fees',
  total: 'Total',
  timeline: 'Timeline',
  steps: { created: 'Ordered', confirmed: 'Confirmed', delivered: 'Delivered', canceled: 'Canceled' },
  notYet: 'Not yet',
  delayedTitle: 'Delivery delayed',
  delayed: (year: string) => `Frontier can't deliver on the original schedule. The new expected delivery year is ${year}.`,
  substitutedTitle: 'Product substituted',
  substituted:
    "The supplier couldn't deliver, so Frontier replaced the product with a similar one from another supplier in its portfolio.",
  /** What changed, when the order names its new product (and the product its suppliers). */
  substitutedWith: (date: string, product: string, suppliers: string) =>
    suppliers
      ? `On ${date} Frontier replaced the product with ${product}, supplied by ${suppliers}, because the original supplier couldn't deliver.`
      : `On ${date} Frontier replaced the product with ${product}, because the original supplier couldn't deliver.`,
  choice: (date: string) => `You can accept this (nothing to do), or cancel the order for a full refund until ${date}.`,
  windowClosed: (date: string) => `The option to cancel for a full refund ended on ${date}.`,
  canceledTitle: 'This order was canceled',
  reasons: {
    requested: 'Canceled at your request.',
    product_unavailable: 'Frontier canceled the order because the product became unavailable.',
    expired: "Frontier canceled the order because it couldn't be delivered in time.",
  } as Record<string, string>,
  /** Every cancellation by Frontier (any reason but the buyer's own request). */
  fullRefund: 'You receive a full refund.',
  canceledOn: (date: string) => `Canceled on ${date}.`,
  deliveries: 'Deliveries',
  supplier: 'Supplier',
  supplierInfo: 'About the supplier',
  pathway: 'Removal pathway',
  pathways: {
    biomass_carbon_removal_and_storage: 'Biomass carbon removal and storage',
    direct_air_capture: 'Direct air capture',
    enhanced_weathering: 'Enhanced weathering',
    marine_carbon_removal: 'Marine carbon removal',
  } as Record<string, string>,
  location: 'Location',
  deliveredOn: 'Delivered on',
  registry: 'Registry entry',
  certificate: 'Delivery certificate',
  cancelOrder: 'Cancel order',
  canceling: 'Canceling…',
  keepOrder: 'Keep order',
  confirmTitle: 'Cancel this order?',
  confirmBody: "The order will be canceled. This can't be undone.",
  confirmRefund: 'You receive a full refund.',
  confirmRefundFeesKept: "You get the carbon removal cost back. Frontier's fees are not refunded.",
  canceled: 'The order was canceled.',
  cancelFailed: "The order couldn't be canceled.",
};

export type ClimateOrderMessages = typeof en;

/** English is bundled; Japanese loads the first time a widget renders in Japanese. */
export const climateOrderMessages = defineMessages(en, () => import('./climate-order-status.messages.ja.js'));
