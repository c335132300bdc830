/** zod/mini schemas of the Stripe objects the widgets read, and their inferred types. No side effects. */
export {};
export * from './financial-connections.js';
