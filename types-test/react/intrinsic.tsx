// React 19 (and Preact, Solid): the generated `CustomElements` type, added to JSX's intrinsic elements.
import type { CustomElements } from 'stripe-widget-kit/jsx';
import 'stripe-widget-kit/capital-offer-card';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElements {}
  }
}

const withAuth = (input: RequestInfo | URL, init?: RequestInit) => fetch(input, { ...init, headers: { Authorization: 'Bearer t' } });

export const typed = (
  <capital-offer-card
    endpoint="/api/capital/financing_offers"
    offer-id="financingoffer_abc123"
    no-follow
    timeout={20}
    fetcher={withAuth}
    onswk-offer-replaced={(e) => e.detail.offerId.toUpperCase()}
    onswk-load={(e) => e.detail.object?.offered_terms?.advance_amount}
    onswk-error={(e) => e.detail.error.kind}
  />
);

// Numeric attributes as the README (and HTML) writes them: strings.
export const asHtml = <climate-order-status endpoint="/api/climate/orders" order-id="climorder_sim_open" timeout="10" refresh-interval="5" />;

// @ts-expect-error a numeric attribute is a number or a string, not a boolean
export const wrongNumeric = <climate-order-status timeout={true} />;

// @ts-expect-error misspelt attribute
export const misspelt = <capital-offer-card endpont="/api/capital/financing_offers" />;

// @ts-expect-error the handler's event carries OfferReplacedDetail, not a number
export const wrongHandler = <capital-offer-card onswk-offer-replaced={(e: CustomEvent<number>) => e.detail.toFixed()} />;

// @ts-expect-error the detail has no such field
export const wrongDetail = <capital-offer-card onswk-offer-replaced={(e) => e.detail.newOfferId} />;

// @ts-expect-error fetcher takes a fetch-compatible function
export const wrongFetcher = <capital-offer-card fetcher="/api" />;
