/**
 * `stripe-widget-kit/schemas`: the zod (`zod/mini`) schemas of the Stripe objects the widgets read, and
 * their `z.infer` types. Validate your own backend's answers with them, derive JSON Schema
 * (`z.toJSONSchema`), or pass them to any Standard Schema validator (tRPC, Hono). No side effects.
 */
export {};
export * from './capital-financing-offer.js';
export * from './financial-connections.js';
export * from './financial-connections-account.js';
export * from './climate-order.js';
export * from './climate-product.js';
export * from './shared-payment-granted-token.js';
export * from './payment-intent.js';
