// The page of e2e/react.test.ts: a wrapper from the built `stripe-widget-kit/react`, with a fetcher
// that marks its requests and handlers that record what they receive.
import { version } from 'react';
import { CapitalOfferCard } from 'stripe-widget-kit/react';

interface Seen {
  type: string;
  previousOfferId?: string;
  offerId?: string;
  id?: string | null;
}

const page = globalThis as typeof globalThis & { swkSeen?: Seen[]; reactVersion?: string };

function record(seen: Seen): void {
  (page.swkSeen ??= []).push(seen);
}

/** Adds the header the test server looks for, the way a site adds its auth header. */
const markedFetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const headers = new Headers(init?.headers);
  headers.set('X-Swk-Fetcher', 'react-app');
  return fetch(input, { ...init, headers });
};

export function App() {
  page.reactVersion = version;
  return (
    <CapitalOfferCard
      endpoint="/api/capital/financing_offers"
      offerId="financingoffer_abc123"
      fetcher={markedFetch}
      onOfferReplaced={(e) => record({ type: e.type, previousOfferId: e.detail.previousOfferId, offerId: e.detail.offerId })}
      onSwkLoad={(e) => record({ type: e.type, id: e.detail.object?.id ?? null })}
    />
  );
}
