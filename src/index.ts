/**
 * stripe-widget-kit: registers every widget. Import one widget's entry
 * (`stripe-widget-kit/climate-order-status`) to register only that one.
 */
export * from './core/index.js';
export * as messages from './messages.js';
export type { SiteMessages, SwkMessages } from './messages.js';
export * from './capital-offer-card/define.js';
export * from './fc-link-account/define.js';
export * from './climate-order-status/define.js';
export * from './spt-token-status/define.js';
export * from './payment-capture-status/define.js';
export * from './climate-order-form/define.js';
