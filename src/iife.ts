import * as kit from './index.js';

declare global {
  interface Window {
    StripeWidgetKit: typeof kit;
  }
}

// The script-tag build: registers every widget (through ./index.js) and exposes the API.
if (typeof window !== 'undefined') window.StripeWidgetKit = kit;
