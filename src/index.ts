/**
 * stripe-widget-kit: registers every widget. Import one widget's entry
 * (`stripe-widget-kit/climate-order-status`) to register only that one.
 */
export * from './core/index.js';
export * from './fc-link-account/define.js';
