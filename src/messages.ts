/**
 * `stripe-widget-kit/messages` (and `StripeWidgetKit.messages` in the script-tag build): the English
 * texts of every widget, by catalog: `core` (loading, errors, Retry) and one per widget tag. A site's
 * own catalog has this shape; start from a copy (spread it: the texts include functions).
 */
import { capitalOfferMessages } from './capital-offer-card/capital-offer-card.messages.js';
import { climateOrderMessages } from './climate-order-status/climate-order-status.messages.js';
import { coreMessages } from './core/messages.js';
import { fcMessages } from './fc-link-account/fc-link-account.messages.js';
import { messages as paymentCaptureMessages } from './payment-capture-status/payment-capture-status.messages.js';
import { sptMessages } from './spt-token-status/spt-token-status.messages.js';

/** Frozen all the way down: the widgets render these very objects, so a page cannot change them by accident. */
function frozen<T extends object>(value: T): Readonly<T> {
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) frozen(child);
  return Object.freeze(value);
}

export const en = frozen({
  core: coreMessages.en,
  'fc-link-account': fcMessages.en,
  'capital-offer-card': capitalOfferMessages.en,
  'climate-order-status': climateOrderMessages.en,
  'spt-token-status': sptMessages.en,
  'payment-capture-status': paymentCaptureMessages.en,
});

/** A full catalog in one language: every key of `en`, each text of the same kind (string or function). */
export type SwkMessages = typeof en;

/** The site's catalogs by BCP 47 language tag, e.g. `{ fr: {...}, 'pt-BR': {...} }`. */
export type SiteMessages = Readonly<Record<string, SwkMessages>>;
