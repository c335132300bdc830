/** Runtime schemas (src/core/schema.ts, zod/mini's call shape) of the Stripe objects the widgets read, and their inferred types. No side effects. */
export {};
export * from './capital-financing-offer.js';
export * from './financial-connections.js';
export * from './climate-order.js';
export * from './shared-payment-granted-token.js';
export * from './payment-intent.js';
