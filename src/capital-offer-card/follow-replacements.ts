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

/**
 * The offers `newest` replaced, oldest first, fetched by walking `replacement_for` backwards: at most
 * {@link MAX_REPLACEMENT_HOPS}, so a card given the newest id shows the same history as one given the
 * oldest. History is extra: the walk stops quietly at the bound, at a loop, at an offer that does not
 * name the newer one as its `replacement`, or at an offer it cannot load (an aborted load still throws).
 */
export async function walkBackReplacements(
  newest: CapitalFinancingOffer,
  fetchOffer: (id: string) => Promise<CapitalFinancingOffer>,
  signal: AbortSignal,
): Promise<CapitalFinancingOffer[]> {
  const older: CapitalFinancingOffer[] = [];
  const seen = new Set([newest.id]);
  let offer = newest;
  while (offer.replacement_for && !seen.has(offer.replacement_for) && older.length < MAX_REPLACEMENT_HOPS) {
    let previous: CapitalFinancingOffer;
    try {
      previous = await fetchOffer(offer.replacement_for);
    } catch (cause) {
      if (signal.aborted) throw cause;
      break;
    }
    if (previous.replacement !== offer.id || seen.has(previous.id)) break;
    seen.add(previous.id);
    older.unshift(previous);
    offer = previous;
  }
  return older;
}
