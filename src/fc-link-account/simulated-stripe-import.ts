/** npm builds: a dynamic import, which bundlers split into a chunk of its own, loaded on first use only. */
export const importSimulatedStripe = () => import('./simulated-stripe-js.js');
