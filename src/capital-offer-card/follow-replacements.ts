import { WidgetRequestError } from '../core/errors.js';
import type { CapitalFinancingOffer } from '../schemas/capital-financing-offer.js';

/** How many replacements the card follows before it gives up. */
export const MAX_REPLACEMENT_HOPS = 5;

/** `code` of the `invalid_response` errors a broken replacement chain raises. */
export const CHAIN_LOOP = 'offer_replacement_loop';
export const CHAIN_TOO_LONG = 'offer_replacement_chain_too_long';

export interface OfferChain {
  /** The live offer at the end of the chain. */
  offer: CapitalFinancingOffer;
  /** The offers it replaced, oldest first. */
  history: CapitalFinancingOffer[];
}

/**
 * From a (possibly replaced) offer, fetches `replacement` after `replacement` until an offer that was
 * not replaced. A loop or a chain longer than {@link MAX_REPLACEMENT_HOPS} throws instead of spinning.
 */
export async function followReplacements(
  first: CapitalFinancingOffer,
  fetchOffer: (id: string) => Promise<CapitalFinancingOffer>,
): Promise<OfferChain> {
  const history: CapitalFinancingOffer[] = [];
  const seen = new Set([first.id]);
  let offer = first;
  while (offer.status === 'replaced' && offer.replacement) {
    const next = offer.replacement;
    if (seen.has(next)) {
      throw new WidgetRequestError({ kind: 'invalid_response', code: CHAIN_LOOP, message: `Offer ${next} appears twice in its replacement chain` });
    }
    if (history.length >= MAX_REPLACEMENT_HOPS) {
      throw new WidgetRequestError({ kind: 'invalid_response', code: CHAIN_TOO_LONG, message: `More than ${MAX_REPLACEMENT_HOPS} replacements after ${first.id}` });
    }
    history.push(offer);
    seen.add(next);
    offer = await fetchOffer(next);
    seen.add(offer.id);
  }
  return { offer, history };
}
