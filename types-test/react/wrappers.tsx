// React 18 and 19: the @lit/react wrappers of `stripe-widget-kit/react`.
import { useRef } from 'react';
import { CapitalOfferCard, ClimateOrderForm, ClimateOrderStatus, FcLinkAccount, PaymentCaptureStatus, SptTokenStatus } from 'stripe-widget-kit/react';
import type { CapitalOfferCard as CapitalOfferCardElement } from 'stripe-widget-kit/capital-offer-card';
import { en } from 'stripe-widget-kit/messages';

const withAuth = (input: RequestInfo | URL, init?: RequestInit) => fetch(input, { ...init, headers: { Authorization: 'Bearer t' } });

export function Typed() {
  const ref = useRef<CapitalOfferCardElement>(null);
  return (
    <>
      <CapitalOfferCard
        ref={ref}
        endpoint="/api/capital/financing_offers"
        offerId="financingoffer_abc123"
        noFollow
        fetcher={withAuth}
        onOfferReplaced={(e) => e.detail.offerId.toUpperCase()}
        onOfferAction={(e) => e.detail.offer.id}
        onSwkLoad={(e) => e.detail.object?.status}
        onSwkError={(e) => e.detail.error.message}
      />
      <ClimateOrderStatus endpoint="/api/climate/orders" orderId="climorder_sim_open" onOrderCanceled={(e) => e.detail.order.id} />
      <FcLinkAccount
        endpoint="/api/financial_connections/sessions"
        accountsEndpoint="/api/financial_connections/accounts"
        permissions="balances"
        onLinked={(e) => e.detail.accounts.length}
        onEmpty={(e) => e.detail.sessionId}
      />
      <ClimateOrderForm endpoint="/api/climate" currency="usd" noOrderStatus onOrderCreated={(e) => e.detail.order.metric_tons} />
      <PaymentCaptureStatus endpoint="/api/payment_intents" paymentIntentId="pi_sim_capture_settled" onCaptureSettled={(e) => e.detail} />
      <SptTokenStatus endpoint="/api/shared_payment/granted_tokens" tokenId="spt_sim_active" onTokenExpired={(e) => e.detail.token.id} />
      <SptTokenStatus
        endpoint="/api/shared_payment/granted_tokens"
        tokenId="spt_sim_active"
        appearance={{ theme: 'night', variables: { colorPrimary: '#0a7cff' }, rules: { '.Badge': { textTransform: 'uppercase' } } }}
        messages={{ fr: { ...en, core: { ...en.core, retry: 'Réessayer' } } }}
        onEvent={(e) => e.detail.objectId ?? e.detail.name}
      />
    </>
  );
}

// @ts-expect-error misspelt property
export const misspelt = <CapitalOfferCard offerID="financingoffer_abc123" />;

// @ts-expect-error Stripe's themes are stripe, night and flat
export const wrongTheme = <SptTokenStatus appearance={{ theme: 'dark' }} />;

// @ts-expect-error a catalog lacking a key
export const partialCatalog = <SptTokenStatus messages={{ fr: { ...en, core: { retry: 'Réessayer' } } }} />;

// @ts-expect-error analytics events carry no personal data fields
export const personal = <SptTokenStatus onEvent={(e) => e.detail.email} />;

// @ts-expect-error the handler's event carries OfferReplacedDetail, not a number
export const wrongHandler = <CapitalOfferCard onOfferReplaced={(e: CustomEvent<number>) => e.detail.toFixed()} />;

// @ts-expect-error `onLoad` is React's own; the shared event is onSwkLoad, with the widget's object
export const loadDetail = <CapitalOfferCard onSwkLoad={(e) => e.detail.object.orderId} />;

// @ts-expect-error swk-order-created carries OrderCreatedDetail ({ order }), not a number
export const orderDetail = <ClimateOrderForm onOrderCreated={(e: CustomEvent<number>) => e.detail.toFixed()} />;
