import type { CapitalFinancingOffer, CapitalFinancingTerms } from '../../schemas/capital-financing-offer.js';

/** 2026-01-01 12:00 UTC: the same date in any time zone. */
const CREATED = 1_767_268_800;

/** The terms of a $5,000 flex loan: a $500 fee, 15 % of each sale withheld. */
export function capitalFinancingTerms(overrides: Partial<CapitalFinancingTerms> = {}): CapitalFinancingTerms {
  return { currency: 'usd', advance_amount: 500000, fee_amount: 50000, withhold_rate: 0.15, campaign_type: 'newly_eligible_user', ...overrides };
}

/**
 * A `capital.financing_offer` as Stripe's preview API returns it: delivered, a $5,000 flex loan,
 * created 2026-01-01 and expiring a month later (`expires_after` a float, as in Stripe's reference).
 * `overrides` replace whole top-level fields.
 */
export function capitalFinancingOffer(overrides: Partial<CapitalFinancingOffer> = {}): CapitalFinancingOffer {
  return {
    id: 'financingoffer_1',
    object: 'capital.financing_offer',
    account: 'acct_efg678',
    livemode: false,
    status: 'delivered',
    financing_type: 'flex_loan',
    product_type: 'standard',
    offered_terms: capitalFinancingTerms(),
    accepted_terms: null,
    created: CREATED,
    expires_after: 1_769_947_200.5,
    charged_off_at: null,
    replacement: null,
    replacement_for: null,
    ...overrides,
  };
}

/**
 * A replacement chain, oldest first, as Stripe leaves it: each offer but the last is `replaced` and names
 * the next in `replacement`; each but the first names the one before in `replacement_for`. The advance
 * grows by $1,000 per offer from $5,000 unless `each(index)` says otherwise; the last offer is delivered.
 */
export function capitalFinancingOfferChain(ids: readonly string[], each: (index: number) => Partial<CapitalFinancingOffer> = () => ({})): CapitalFinancingOffer[] {
  return ids.map((id, index) => {
    const advance = 500000 + index * 100000;
    return capitalFinancingOffer({
      id,
      status: index < ids.length - 1 ? 'replaced' : 'delivered',
      replacement: ids[index + 1] ?? null,
      replacement_for: ids[index - 1] ?? null,
      offered_terms: capitalFinancingTerms({ advance_amount: advance, fee_amount: advance / 10 }),
      created: CREATED + index * 86_400,
      ...each(index),
    });
  });
}

/**
 * The offer `id` of `chain` as the reference backend answers `GET {endpoint}/{id}`: its `replacement`
 * and `replacement_for` hold the offers themselves (expanded in place, each in turn expanded towards the
 * live offer and back towards the first), so the card needs no further request.
 */
export function expandCapitalFinancingOfferChain(chain: readonly CapitalFinancingOffer[], id: string): CapitalFinancingOffer {
  const at = chain.findIndex((offer) => offer.id === id);
  if (at < 0) throw new Error(`No offer ${id} in the chain`);
  const copies = chain.map((offer) => ({ ...offer }));
  for (let i = at; i < copies.length - 1; i++) if (copies[i]!.replacement === copies[i + 1]!.id) copies[i]!.replacement = copies[i + 1]!;
  for (let i = at; i > 0; i--) if (copies[i]!.replacement_for === copies[i - 1]!.id) copies[i]!.replacement_for = copies[i - 1]!;
  return copies[at]!;
}
