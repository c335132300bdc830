/**
 * Every public type in one place, for the generated framework typings (`stripe-widget-kit/jsx`,
 * `/vue`, `/svelte`): the widget classes, their event details and the Stripe objects they carry.
 */
export type * from './index.js';
export type * from './schemas/index.js';
