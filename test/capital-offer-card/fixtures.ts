import { html } from 'lit';
import '../../src/capital-offer-card/define.js';
import type { CapitalOfferCard } from '../../src/capital-offer-card/define.js';
import type { Fetcher } from '../../src/core/config.js';
import type { CapitalFinancingOffer } from '../../src/schemas/capital-financing-offer.js';
import { fakeBackend, mount, until, type FakeAnswer, type RecordedCall } from '../helpers.js';

export const ENDPOINT = '/api/capital/financing_offers';

/** A Stripe-shaped offer as the preview API returns it (with fields the card does not read). */
export function offer(id: string, fields: Partial<CapitalFinancingOffer> & Record<string, unknown> = {}): CapitalFinancingOffer {
  return {
    id,
    object: 'capital.financing_offer',
    account: 'acct_efg678',
    livemode: false,
    status: 'delivered',
    financing_type: 'flex_loan',
    product_type: 'standard',
    offered_terms: { currency: 'usd', advance_amount: 500000, fee_amount: 50000, withhold_rate: 0.15, campaign_type: 'newly_eligible_user' },
    accepted_terms: null,
    created: 1_767_268_800, // 2026-01-01 12:00 UTC: the same date in any time zone
    expires_after: 1_769_947_200.5, // 2026-02-01 12:00 UTC, a float as in Stripe's reference
    charged_off_at: null,
    replacement: null,
    replacement_for: null,
    ...fields,
  };
}

/**
 * A fake backend that serves `offers` by id (`GET {endpoint}/{id}`) and 404s anything else. It reads
 * the array on each call, so a test can change what the backend holds.
 */
export function offersBackend(offers: CapitalFinancingOffer[], override?: (call: RecordedCall) => FakeAnswer | undefined) {
  return fakeBackend((call) => {
    const custom = override?.(call);
    if (custom) return custom;
    const id = decodeURIComponent(call.url.slice(ENDPOINT.length + 1));
    const found = offers.find((o) => o.id === id);
    return found ? { json: found } : { status: 404, json: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such financing offer: '${id}'` } } };
  });
}

export async function mountCard(options: { offerId?: string; fetcher: Fetcher; lang?: string; noFollow?: boolean; eventsUrl?: string; timeout?: number }) {
  const el = await mount<CapitalOfferCard>(html`<capital-offer-card
    lang=${options.lang ?? 'en'}
    endpoint=${ENDPOINT}
    offer-id=${options.offerId ?? ''}
    events-url=${options.eventsUrl ?? ''}
    timeout=${options.timeout ?? 15}
    ?no-follow=${options.noFollow}
    .fetcher=${options.fetcher}
  ></capital-offer-card>`);
  return el;
}

/** Waits until the card left its loading state. */
export function settled(el: CapitalOfferCard): Promise<void> {
  return until(() => !el.shadowRoot?.querySelector('[part="loading"]'), 'the card to finish loading');
}
