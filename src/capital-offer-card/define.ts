import { CapitalOfferCard, type OfferActionDetail, type OfferReplacedDetail } from './capital-offer-card.component.js';

CapitalOfferCard.define('capital-offer-card');

declare global {
  interface HTMLElementTagNameMap {
    'capital-offer-card': CapitalOfferCard;
  }
  interface GlobalEventHandlersEventMap {
    'swk-offer-replaced': CustomEvent<OfferReplacedDetail>;
    'swk-offer-action': CustomEvent<OfferActionDetail>;
  }
}

export { CapitalOfferCard, type OfferActionDetail, type OfferReplacedDetail };
