// Typed fixture builders: one function per Stripe object the widgets read, each returning a plain
// object as Stripe (or the reference backend) sends it, valid against `stripe-widget-kit/schemas`.
// `overrides` replace whole top-level fields. No fast-check, no DOM: usable in any test runner.
export * from './capital.js';
export * from './climate.js';
export * from './financial-connections.js';
export * from './payment-intents.js';
export * from './shared-payment.js';
