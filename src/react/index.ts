'use client';
// Generated from custom-elements.json by scripts/react-wrappers.mjs (`npm run manifest`): do not edit.
// React wrappers made with @lit/react: properties are set as properties (`fetcher`, `stripe`, …) and
// events are typed `on…` props, in React 18 and 19 and after Next.js hydration. Each element waits
// for its properties (defer-hydration.ts): no request or configuration error before hydration.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type * as T from '../types.js';
import { deferHydration } from './defer-hydration.js';
import { CapitalOfferCard as CapitalOfferCardElement } from '../capital-offer-card/define.js';
import { ClimateOrderForm as ClimateOrderFormElement } from '../climate-order-form/define.js';
import { ClimateOrderStatus as ClimateOrderStatusElement } from '../climate-order-status/define.js';
import { FcLinkAccount as FcLinkAccountElement } from '../fc-link-account/define.js';
import { PaymentCaptureStatus as PaymentCaptureStatusElement } from '../payment-capture-status/define.js';
import { SptTokenStatus as SptTokenStatusElement } from '../spt-token-status/define.js';

// Lit makes the property accessors when a class is finalized, which a browser does on define. On a
// server a tag may stay undefined (or defined by another copy of the kit), and @lit/react would then
// render `endpoint`, `offerId`… as attributes: the element would fetch before hydration, without the
// `fetcher`. Finalizing here keeps every property for the client.
for (const element of [CapitalOfferCardElement, ClimateOrderFormElement, ClimateOrderStatusElement, FcLinkAccountElement, PaymentCaptureStatusElement, SptTokenStatusElement]) void element.observedAttributes;

/** `<capital-offer-card>`: A Stripe Capital financing offer card that follows offer replacements. */
export const CapitalOfferCard = deferHydration(createComponent({
  tagName: 'capital-offer-card',
  elementClass: CapitalOfferCardElement,
  react: React,
  events: {
    /** The offer shown (`object` null: the account has no offer). */
    onSwkLoad: 'swk-load' as EventName<CustomEvent<T.SwkLoadDetail<T.CapitalFinancingOffer | null>>>,
    /** The error now shown. */
    onSwkError: 'swk-error' as EventName<CustomEvent<T.SwkErrorDetail>>,
    /** Analytics: `loaded`, `offer_viewed` (once per offer, when on screen), `offer_replaced`, `offer_action`, `offer_delivered`, `error`, `retried`. */
    onEvent: 'swk-event' as EventName<CustomEvent<T.SwkEventDetail>>,
    /** `{ previousOfferId, offerId, offer }`: the offer was replaced; store `offerId` as the active offer. Fired as soon as a replaced offer loads (with `no-follow`: `offer` null), and again when the user chooses "View updated offer". */
    onOfferReplaced: 'swk-offer-replaced' as EventName<CustomEvent<T.OfferReplacedDetail>>,
    /** `{ offer }`: the user chose "Review offer"; the site decides where it leads. */
    onOfferAction: 'swk-offer-action' as EventName<CustomEvent<T.OfferActionDetail>>,
    /** `{ offer }`: the card marked an undelivered offer delivered (`mark_delivered` answered); `offer` is Stripe's answer. */
    onOfferDelivered: 'swk-offer-delivered' as EventName<CustomEvent<T.OfferDeliveredDetail>>,
  },
  displayName: 'CapitalOfferCard',
}));

/** `<climate-order-form>`: Buy carbon removal from Stripe Climate's products, with live prices. */
export const ClimateOrderForm = deferHydration(createComponent({
  tagName: 'climate-order-form',
  elementClass: ClimateOrderFormElement,
  react: React,
  events: {
    /** `{ object }`: the product list was loaded or refreshed (a `list` of `climate.product`), or the order was placed (the `climate.order`). */
    onSwkLoad: 'swk-load' as EventName<CustomEvent<T.SwkLoadDetail<T.ClimateProductList | T.ClimateOrder>>>,
    /** `{ error: WidgetError }`: loading the products or placing the order failed. */
    onSwkError: 'swk-error' as EventName<CustomEvent<T.SwkErrorDetail>>,
    /** Analytics: `loaded` (the product list), `order_created`, `error`, `retried`. */
    onEvent: 'swk-event' as EventName<CustomEvent<T.SwkEventDetail>>,
    /** `{ order: ClimateOrder }`: the order was placed; `order` is Stripe's new `climate.order`. */
    onOrderCreated: 'swk-order-created' as EventName<CustomEvent<T.OrderCreatedDetail>>,
  },
  displayName: 'ClimateOrderForm',
}));

/** `<climate-order-status>`: Status of a Stripe Climate order, with the buyer's cancel right. */
export const ClimateOrderStatus = deferHydration(createComponent({
  tagName: 'climate-order-status',
  elementClass: ClimateOrderStatusElement,
  react: React,
  events: {
    /** `{ object: ClimateOrder }`: the order was loaded (or came back canceled: once per cancel, since the refetch its `climate.order.canceled` event triggers fires it again only for a changed order). */
    onSwkLoad: 'swk-load' as EventName<CustomEvent<T.SwkLoadDetail<T.ClimateOrder>>>,
    /** `{ error: WidgetError }`: loading or cancelling failed. */
    onSwkError: 'swk-error' as EventName<CustomEvent<T.SwkErrorDetail>>,
    /** Analytics: `loaded`, `order_cancel_opened`, `order_canceled`, `error`, `retried`. */
    onEvent: 'swk-event' as EventName<CustomEvent<T.SwkEventDetail>>,
    /** `{ order: ClimateOrder }`: the buyer canceled the order; `order` is the canceled order. */
    onOrderCanceled: 'swk-order-canceled' as EventName<CustomEvent<T.OrderCanceledDetail>>,
  },
  displayName: 'ClimateOrderStatus',
}));

/** `<fc-link-account>`: Link bank accounts through Stripe Financial Connections. */
export const FcLinkAccount = deferHydration(createComponent({
  tagName: 'fc-link-account',
  elementClass: FcLinkAccountElement,
  react: React,
  events: {
    /** `{ sessionId: string, accounts: FcAccount[] }`: the user linked one or more accounts. */
    onLinked: 'swk-linked' as EventName<CustomEvent<T.FcLinkResult>>,
    /** `{ sessionId: string }`: the flow ended with no account linked (a normal outcome). */
    onEmpty: 'swk-empty' as EventName<CustomEvent<T.FcEmptyDetail>>,
    /** `{ object }`: any flow that finished, linked or empty (`FcLinkResult`); with `accounts-endpoint`, each linked account retrieved (`FcAccountDetails`). */
    onSwkLoad: 'swk-load' as EventName<CustomEvent<T.SwkLoadDetail<T.FcLinkResult | T.FcAccountDetails>>>,
    /** `{ error: WidgetError }`: the backend, Stripe.js or Stripe failed. */
    onSwkError: 'swk-error' as EventName<CustomEvent<T.SwkErrorDetail>>,
    /** Analytics: `link_started`, then `linked`, `link_empty` or `link_canceled`; `error`, `retried`. */
    onEvent: 'swk-event' as EventName<CustomEvent<T.SwkEventDetail>>,
  },
  displayName: 'FcLinkAccount',
}));

/** `<payment-capture-status>`: Payment status with asynchronous-capture settlement (fee, net, transfer, application fee). */
export const PaymentCaptureStatus = deferHydration(createComponent({
  tagName: 'payment-capture-status',
  elementClass: PaymentCaptureStatusElement,
  react: React,
  events: {
    /** `{ object: PaymentIntent }` after each successful fetch (the `client_secret` removed). */
    onSwkLoad: 'swk-load' as EventName<CustomEvent<T.SwkLoadDetail<T.PaymentIntent>>>,
    /** `{ error: WidgetError }` when the payment cannot be loaded. */
    onSwkError: 'swk-error' as EventName<CustomEvent<T.SwkErrorDetail>>,
    /** Analytics: `loaded`, `capture_settled`, `error`, `retried`. */
    onEvent: 'swk-event' as EventName<CustomEvent<T.SwkEventDetail>>,
    /** `{ charge: Charge }` once, when every part that was pending while shown has arrived. */
    onCaptureSettled: 'swk-capture-settled' as EventName<CustomEvent<T.CaptureSettledDetail>>,
  },
  displayName: 'PaymentCaptureStatus',
}));

/** `<spt-token-status>`: Status, limit and countdown of a Shared Payment Token (`shared_payment.granted_token`). */
export const SptTokenStatus = deferHydration(createComponent({
  tagName: 'spt-token-status',
  elementClass: SptTokenStatusElement,
  react: React,
  events: {
    /** `{ object: SharedPaymentGrantedToken }`: the token was loaded or reloaded. */
    onSwkLoad: 'swk-load' as EventName<CustomEvent<T.SwkLoadDetail<T.SharedPaymentGrantedToken>>>,
    /** `{ error: WidgetError }`: loading failed; the error state (with Retry) is shown. */
    onSwkError: 'swk-error' as EventName<CustomEvent<T.SwkErrorDetail>>,
    /** Analytics: `loaded`, `token_expired`, `token_charged`, `error`, `retried`. */
    onEvent: 'swk-event' as EventName<CustomEvent<T.SwkEventDetail>>,
    /** `{ token: SharedPaymentGrantedToken }`: `usage_limits.expires_at` passed while the token was shown as active. Fires once per token. */
    onTokenExpired: 'swk-token-expired' as EventName<CustomEvent<T.SptTokenExpiredDetail>>,
    /** `{ paymentIntent: PaymentIntent }`: the charge button created a PaymentIntent with the token (its status may still be `processing` or `requires_action`). */
    onCharged: 'swk-charged' as EventName<CustomEvent<T.SptChargedDetail>>,
  },
  displayName: 'SptTokenStatus',
}));
