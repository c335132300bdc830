import { html } from 'lit';
import '../../src/capital-offer-card/define.js';
import type { CapitalOfferCard } from '../../src/capital-offer-card/define.js';
import type { Fetcher } from '../../src/core/config.js';
import type { CapitalFinancingOffer } from '../../src/schemas/capital-financing-offer.js';
import { capitalFinancingOffer } from '../../src/testing/builders/capital.js';
import { fakeBackend, mount, until, type FakeAnswer, type RecordedCall } from '../helpers.js';

export const ENDPOINT = '/api/capital/financing_offers';

/** A Stripe-shaped offer as the preview API returns it (the test kit's builder, with its id first). */
export function offer(id: string, fields: Partial<CapitalFinancingOffer> = {}): CapitalFinancingOffer {
  return capitalFinancingOffer({ id, ...fields });
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
