import { defineMessages } from './i18n.js';
import type { WidgetErrorKind } from './errors.js';

/** Texts every widget shares. Widget catalogs live beside each widget. */
const en = {
  loading: 'Loading…',
  retry: 'Try again',
  retrying: 'Trying again…',
  errorTitle: 'Something went wrong',
  errorDetail: (detail: string) => `Details: ${detail}`,
  requestId: (id: string) => `Request ID: ${id}`,
  unknownValue: (value: string) => `Unknown (${value})`,
  notAvailable: 'Not available',
  refreshFailed: 'Could not update; this is the last known state.',
  errors: {
    network: 'We could not reach the server. Check your connection and try again.',
    timeout: 'The server took too long to answer.',
    http: 'The server returned an error.',
    invalid_response: 'The server sent an answer we could not read.',
    stripe: 'Stripe returned an error.',
    stripe_js: 'Stripe could not be loaded.',
    config: 'This widget is not set up correctly.',
    render: 'This information could not be displayed.',
  } satisfies Record<WidgetErrorKind, string>,
};

export type CoreMessages = typeof en;

/** English is bundled; Japanese loads the first time a widget renders in Japanese. */
export const coreMessages = defineMessages(en, () => import('./messages.ja.js'), 'core');
