import type { SimulatorStore, StripeObject } from './store.js';

export type SimulatedOffer = StripeObject & {
  account: string;
  status: string;
  financing_type: string;
  offered_terms: { currency: string; advance_amount: number; fee_amount: number; withhold_rate: number; campaign_type?: string };
  created: number;
  replacement: string | null;
  replacement_for: string | null;
};

export const SIMULATED_CAPITAL_ACCOUNT = 'acct_simulated_capital';
/** The seed's story: a $5,000 offer replaced by a $10,000 one once the user linked a bank account. */
export const STORY_OFFER_ID = 'financingoffer_abc123';
export const STORY_REPLACEMENT_ID = 'financingoffer_xyz456';
/** A delivered offer the demo control can replace in front of the visitor. */
export const LIVE_OFFER_ID = 'financingoffer_live_demo';
export const JPY_OFFER_ID = 'financingoffer_jpy';

const DAY = 24 * 3600;
const ALL_STATUSES = [
  'undelivered',
  'delivered',
  'accepted',
  'accepted_other_offer',
  'canceled',
  'completed',
  'expired',
  'fully_repaid',
  'paid_out',
  'rejected',
  'revoked',
] as const;

function offer(store: SimulatorStore, id: string, fields: Partial<SimulatedOffer> & { advance: number; currency?: string; ageDays: number }): SimulatedOffer {
  const { advance, currency = 'usd', ageDays, ...rest } = fields;
  const created = store.now() - ageDays * DAY;
  return {
    id,
    object: 'capital.financing_offer',
    account: SIMULATED_CAPITAL_ACCOUNT,
    livemode: false,
    status: 'delivered',
    financing_type: 'flex_loan',
    product_type: 'standard',
    offered_terms: { currency, advance_amount: advance, fee_amount: Math.round(advance * 0.1), withhold_rate: 0.15, campaign_type: 'newly_eligible_user' },
    accepted_terms: null,
    created,
    // Stripe documents expires_after as a float of Unix seconds.
    expires_after: created + 30 * DAY + 0.5,
    charged_off_at: null,
    replacement: null,
    replacement_for: null,
    ...rest,
  };
}

/** Puts offers in every status, the seed's replacement story, a JPY offer and the live demo offer. */
export function seedCapitalOffers(store: SimulatorStore): void {
  if (store.get(STORY_OFFER_ID)) return;
  ALL_STATUSES.forEach((status, index) => {
    const accepted = ['accepted', 'paid_out', 'fully_repaid', 'completed'].includes(status);
    const base = offer(store, `financingoffer_status_${status}`, { advance: 250_000 + index * 50_000, ageDays: 60 + index, status });
    store.put({ ...base, accepted_terms: accepted ? { ...base.offered_terms } : null });
  });
  store.put(offer(store, STORY_OFFER_ID, { advance: 500_000, ageDays: 10, status: 'replaced', replacement: STORY_REPLACEMENT_ID }));
  store.put(offer(store, JPY_OFFER_ID, { advance: 1_000_000, currency: 'jpy', ageDays: 5, financing_type: 'cash_advance' }));
  store.put(offer(store, LIVE_OFFER_ID, { advance: 300_000, ageDays: 3 }));
  // The newest actionable offer, so it is the account's current one.
  store.put(offer(store, STORY_REPLACEMENT_ID, { advance: 1_000_000, ageDays: 2, replacement_for: STORY_OFFER_ID }));
}

/** Why an offer cannot be replaced, or undefined when it can (Stripe: never replaced, undelivered or delivered). */
export function replaceRefusal(current: SimulatedOffer | undefined): string | undefined {
  if (!current) return 'No such financing offer';
  if (current.replacement) return 'This offer was already replaced';
  if (current.status !== 'undelivered' && current.status !== 'delivered') return `An offer in status ${current.status} cannot be replaced`;
  return undefined;
}

let replacementCount = 0;

/**
 * Replaces a delivered offer with a new delivered one (by default twice the amount), marks the old one
 * `replaced`, and sends `capital.financing_offer.replacement_created` with the new offer, signed.
 */
export async function replaceOffer(store: SimulatorStore, id: string, advanceAmount?: number): Promise<{ previous: SimulatedOffer; replacement: SimulatedOffer }> {
  const current = store.get<SimulatedOffer>(id);
  const refusal = replaceRefusal(current);
  if (refusal || !current) throw new Error(refusal);
  replacementCount += 1;
  const now = store.now();
  const advance = advanceAmount ?? current.offered_terms.advance_amount * 2;
  const replacement: SimulatedOffer = {
    ...current,
    id: `financingoffer_sim_${now.toString(36)}_${replacementCount}`,
    status: 'delivered',
    offered_terms: { ...current.offered_terms, advance_amount: advance, fee_amount: Math.round(advance * 0.1) },
    created: now,
    expires_after: now + 30 * DAY + 0.5,
    replacement: null,
    replacement_for: current.id,
  };
  store.put(replacement);
  const [previous] = store.update<SimulatedOffer>(id, { status: 'replaced', replacement: replacement.id });
  await store.sendWebhook('capital.financing_offer.replacement_created', replacement);
  return { previous, replacement };
}

let createdCount = 0;

/**
 * A new offer for the simulated account, as Stripe creates one (`undelivered` until the platform marks
 * it delivered), with `capital.financing_offer.created` sent, signed.
 */
export async function createOffer(
  store: SimulatorStore,
  options: { advanceAmount?: number; currency?: string; status?: 'undelivered' | 'delivered' } = {},
): Promise<SimulatedOffer> {
  createdCount += 1;
  const created = offer(store, `financingoffer_sim_new_${store.now().toString(36)}_${createdCount}`, {
    advance: options.advanceAmount ?? 400_000,
    ...(options.currency && { currency: options.currency }),
    ageDays: 0,
    status: options.status ?? 'undelivered',
  });
  store.put(created);
  await store.sendWebhook('capital.financing_offer.created', created);
  return created;
}

/** Why Stripe would refuse `mark_delivered` for `current`, or undefined when it accepts it. */
export function markDeliveredRefusal(current: SimulatedOffer): string | undefined {
  return current.status === 'undelivered' ? undefined : `Only an undelivered financing offer can be marked delivered; this one is ${current.status}.`;
}

/**
 * The platform says the offer reached the user: `undelivered` → `delivered`. Stripe's event list has no
 * `capital.financing_offer.delivered`, so no webhook is sent; the answer is the updated offer.
 */
export function markDelivered(store: SimulatorStore, id: string): SimulatedOffer {
  const [updated] = store.update<SimulatedOffer>(id, { status: 'delivered' });
  return updated;
}
