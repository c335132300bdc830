/**
 * How far the backend walks a replacement chain each way: the card's own bound (MAX_REPLACEMENT_HOPS in
 * src/capital-offer-card/follow-replacements.ts), so a longer chain ends in the card's "too many
 * updates" error rather than a silent cut.
 */
export const MAX_CHAIN_HOPS = 5;

type Offer = Record<string, unknown> & { id: string };

/** An offer the request may see (authorized, renderable), or undefined: unknown, denied or failed. */
export type OfferLookup = (id: string) => Promise<Offer | undefined>;

const idOf = (ref: unknown): string | undefined => (typeof ref === 'string' ? ref : undefined);

/**
 * `offer` with its replacement chain expanded in place, as Stripe's `expand` puts an object where its id
 * was: `replacement` holds the offer that replaced it (whose own `replacement` is expanded in turn, up
 * to the live offer), and `replacement_for` the offer it replaced (walked back the same way). Each
 * expansion is an object `lookup` returned, so every offer shown passed the site's `authorize`; one it
 * does not return (unknown, denied, Stripe failed) stays a plain id, which the card may still fetch
 * itself. The way back stops at an offer that does not name the newer one as its `replacement`, or at
 * a loop. At most MAX_CHAIN_HOPS each way.
 */
export async function expandReplacementChain(offer: Offer, lookup: OfferLookup): Promise<Offer> {
  const root: Offer = { ...offer };
  const seen = new Set([root.id]);

  let newer = root;
  for (let hop = 0; hop < MAX_CHAIN_HOPS; hop++) {
    const id = idOf(newer.replacement);
    if (!id || seen.has(id)) break;
    const next = await lookup(id);
    if (!next) break;
    seen.add(next.id);
    const expanded: Offer = { ...next };
    newer.replacement = expanded;
    newer = expanded;
  }

  let older = root;
  for (let hop = 0; hop < MAX_CHAIN_HOPS; hop++) {
    const id = idOf(older.replacement_for);
    if (!id || seen.has(id)) break;
    const previous = await lookup(id);
    if (!previous || previous.replacement !== older.id) break;
    seen.add(previous.id);
    const expanded: Offer = { ...previous };
    older.replacement_for = expanded;
    older = expanded;
  }
  return root;
}
