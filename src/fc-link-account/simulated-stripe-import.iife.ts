// The script-tag build's stand-in for simulated-stripe-import.ts (aliased in vite.config.ts): an IIFE
// cannot split a chunk off, so it imports dist/simulated-stripe-js.js from beside its own file instead
// of carrying the simulated Stripe.js in every page.
import { importBeside } from '../core/import-beside.js';
import type * as SimulatedStripeJs from './simulated-stripe-js.js';

// Not version-checked: it is the npm build's own entry, dist/simulated-stripe-js.js, which exports no version.
export const importSimulatedStripe = () => importBeside<typeof SimulatedStripeJs>('simulated-stripe-js.js', false);
