// The script-tag build's stand-in for simulated-stripe-import.ts (aliased in vite.config.ts): an IIFE
// cannot split a chunk off, so it imports dist/simulated-stripe-js.js from beside its own file instead
// of carrying the simulated Stripe.js in every page.
import type * as SimulatedStripeJs from './simulated-stripe-js.js';

type SimulatedStripeModule = typeof SimulatedStripeJs;

const script = typeof document === 'undefined' ? null : document.currentScript;
const ownUrl = script instanceof HTMLScriptElement ? script.src : '';

export function importSimulatedStripe(): Promise<SimulatedStripeModule> {
  if (!ownUrl) return Promise.reject(new Error('The simulated Stripe.js loads from beside stripe-widget-kit.iife.js, whose URL is unknown'));
  return import(/* @vite-ignore */ new URL('simulated-stripe-js.js', ownUrl).href) as Promise<SimulatedStripeModule>;
}
