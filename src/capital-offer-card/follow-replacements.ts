import { WidgetRequestError } from '../core/errors.js';
import { offerRefId, type CapitalFinancingOffer } from '../schemas/capital-financing-offer.js';

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

/** The offer a field names: the backend's expanded object as it came, or fetched by its id. */
function offerAt(ref: CapitalFinancingOffer['replacement'], id: string, fetchOffer: (id: string) => Promise<CapitalFinancingOffer>): Promise<CapitalFinancingOffer> {
  return ref && typeof ref === 'object' ? Promise.resolve(ref) : fetchOffer(id);
}

/**
 * From a (possibly replaced) offer, follows `replacement` after `replacement` until an offer that was
 * not replaced: an expanded replacement is used as it came, a plain id is fetched. A loop or a chain
 * longer than {@link MAX_REPLACEMENT_HOPS} throws instead of spinning.
 */
export async function followReplacements(
  first: CapitalFinancingOffer,
  fetchOffer: (id: string) => Promise<CapitalFinancingOffer>,
): Promise<OfferChain> {
  const history: CapitalFinancingOffer[] = [];
  const seen = new Set([first.id]);
  let offer = first;
  let next: string | undefined;
  while (offer.status === 'replaced' && (next = offerRefId(offer.replacement))) {
    if (seen.has(next)) {
      throw new WidgetRequestError({ kind: 'invalid_response', code: CHAIN_LOOP, message: `Offer ${next} appears twice in its replacement chain` });
    }
    if (history.length >= MAX_REPLACEMENT_HOPS) {
      throw new WidgetRequestError({ kind: 'invalid_response', code: CHAIN_TOO_LONG, message: `More than ${MAX_REPLACEMENT_HOPS} replacements after ${first.id}` });
    }
    history.push(offer);
    seen.add(next);
    offer = await offerAt(offer.replacement, next, fetchOffer);
    seen.add(offer.id);
  }
  return { offer, history };
}

/**
 * The offers `newest` replaced, oldest first, walking `replacement_for` backwards (expanded offers as
 * they came, plain ids fetched): at most {@link MAX_REPLACEMENT_HOPS}, so a card given the newest id
 * shows the same history as one given the oldest. History is extra: the walk stops quietly at the
 * bound, at a loop, at an offer that does not name the newer one as its `replacement`, or at an offer
 * it cannot load (an aborted load still throws).
 */
export async function walkBackReplacements(
  newest: CapitalFinancingOffer,
  fetchOffer: (id: string) => Promise<CapitalFinancingOffer>,
  signal: AbortSignal,
): Promise<CapitalFinancingOffer[]> {
  const older: CapitalFinancingOffer[] = [];
  const seen = new Set([newest.id]);
  let offer = newest;
  let id: string | undefined;
  while ((id = offerRefId(offer.replacement_for)) && !seen.has(id) && older.length < MAX_REPLACEMENT_HOPS) {
    let previous: CapitalFinancingOffer;
    try {
      previous = await offerAt(offer.replacement_for, id, fetchOffer);
    } catch (cause) {
      if (signal.aborted) throw cause;
      break;
    }
    if (offerRefId(previous.replacement) !== offer.id || seen.has(previous.id)) break;
    seen.add(previous.id);
    older.unshift(previous);
    offer = previous;
  }
  return older;
}
