import { CapitalOfferCard, type OfferActionDetail, type OfferDeliveredDetail, type OfferReplacedDetail } from './capital-offer-card.component.js';
import type { CapitalFinancingOffer } from '../schemas/capital-financing-offer.js';

CapitalOfferCard.define('capital-offer-card');

declare global {
  interface HTMLElementTagNameMap {
    'capital-offer-card': CapitalOfferCard;
  }
  /** `swk-load`'s `detail.object` from `<capital-offer-card>`. */
  interface SwkLoadObjectMap {
    'capital-offer-card': CapitalFinancingOffer | null;
  }
  interface GlobalEventHandlersEventMap {
    'swk-offer-replaced': CustomEvent<OfferReplacedDetail>;
    'swk-offer-action': CustomEvent<OfferActionDetail>;
    'swk-offer-delivered': CustomEvent<OfferDeliveredDetail>;
  }
}

export { CapitalOfferCard, type OfferActionDetail, type OfferDeliveredDetail, type OfferReplacedDetail };
