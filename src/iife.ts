import * as kit from './index.js';

// `stripe-widget-kit/iife`'s types: the script-tag build's global, as `StripeWidgetKit` and `window.StripeWidgetKit`.
declare global {
  var StripeWidgetKit: typeof kit;
}

// The script-tag build: registers every widget (through ./index.js) and exposes the API.
if (typeof window !== 'undefined') window.StripeWidgetKit = kit;
