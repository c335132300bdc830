/**
 * `stripe-widget-kit/testing`: what a site needs to test its own pages that embed the widgets, in a
 * browser or in Node: typed fixture builders of every Stripe object the widgets read, the reference
 * backend's simulator as a `fetch` function with typed controls and an `EventSource` it drives, the
 * simulated Stripe.js for `<fc-link-account>`, and the fake `Clock` the widgets accept. Nothing here is
 * imported by a widget. The fast-check arbitraries are `stripe-widget-kit/testing/arbitraries`.
 */
export * from './builders/index.js';
export { createSimulator, type Simulator, type SimulatorBackend, type SimulatorOptions } from './simulator.js';
export { simulatorControls, SimulatorControlError, type GrantTokenParams, type SimulatorControls, type TestPaymentMethod } from './controls.js';
export { fetchEventSource } from './simulator-event-source.js';
export { createSimulatedStripe, SIMULATED_BANK_ERROR, type SimulatedBankOutcome, type SimulatedStripeOptions } from '../fc-link-account/simulated-stripe-js.js';
export { FakeClock, clockAt } from './fake-clock.js';
export type { Clock } from '../core/clock.js';
export type { LiveEvent } from '../core/event-streams.js';
