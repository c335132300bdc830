import type { CapitalFinancingOffer, Charge, ClimateOrder, PaymentIntent, SharedPaymentGrantedToken } from '../src/schemas/index.js';
import type { StripeObject } from './context.js';

/**
 * A verified Stripe event as the site's hooks get it: Stripe's whole event, `data.object` whole too
 * (less a PaymentIntent's `client_secret`), typed by `type` where the kit knows the object.
 */
export interface VerifiedWebhookEvent<Type extends string = string, Object = StripeObject> {
  id: string;
  object: 'event';
  type: Type;
  created: number;
  livemode: boolean;
  api_version?: string | null;
  /** The connected account the event happened on (Connect), when Stripe names one. */
  account?: string;
  data: { object: Object; previous_attributes?: Record<string, unknown> };
  [field: string]: unknown;
}

/**
 * The events of the objects the widgets show, with their `data.object` types (the widgets' schemas:
 * the fields the kit reads, typed; every other field Stripe sends is there too). Event types the kit
 * does not list reach `onWebhookEvent` with a plain `StripeObject`.
 */
export interface WebhookEventObjects {
  'capital.financing_offer.accepted': CapitalFinancingOffer;
  'capital.financing_offer.canceled': CapitalFinancingOffer;
  'capital.financing_offer.created': CapitalFinancingOffer;
  'capital.financing_offer.expired': CapitalFinancingOffer;
  'capital.financing_offer.fully_repaid': CapitalFinancingOffer;
  'capital.financing_offer.paid_out': CapitalFinancingOffer;
  'capital.financing_offer.rejected': CapitalFinancingOffer;
  /** Seed 000: `data.object` is the new offer; `replacement_for` names the one it replaced. */
  'capital.financing_offer.replacement_created': CapitalFinancingOffer;
  'climate.order.canceled': ClimateOrder;
  'climate.order.created': ClimateOrder;
  'climate.order.delayed': ClimateOrder;
  'climate.order.delivered': ClimateOrder;
  'climate.order.product_substituted': ClimateOrder;
  'shared_payment.granted_token.deactivated': SharedPaymentGrantedToken;
  'shared_payment.granted_token.used': SharedPaymentGrantedToken;
  'payment_intent.canceled': PaymentIntent;
  'payment_intent.payment_failed': PaymentIntent;
  'payment_intent.processing': PaymentIntent;
  'payment_intent.succeeded': PaymentIntent;
  'charge.succeeded': Charge;
  'charge.updated': Charge;
}

/** Called once per verified, deduplicated event; a throw (or rejection) answers 500 so Stripe retries. */
export type WebhookEventHook = (event: VerifiedWebhookEvent) => void | Promise<void>;

/** One handler per event type, each with its object typed. */
export type WebhookHandlers = {
  [Type in keyof WebhookEventObjects]?: (event: VerifiedWebhookEvent<Type, WebhookEventObjects[Type]>) => void | Promise<void>;
};

/** The site's hooks, as `BackendOptions` holds them. */
export interface WebhookHookOptions {
  onWebhookEvent?: WebhookEventHook | undefined;
  webhookHandlers?: WebhookHandlers | undefined;
}

/**
 * What the webhook route runs for an event of `type`: the type's handler, then `onWebhookEvent`;
 * undefined when the site set neither for it (the route then skips the hook's bookkeeping).
 */
export function hookFor(options: WebhookHookOptions, type: string): WebhookEventHook | undefined {
  const { onWebhookEvent, webhookHandlers } = options;
  const handler =
    webhookHandlers && Object.hasOwn(webhookHandlers, type) ? (webhookHandlers[type as keyof WebhookHandlers] as WebhookEventHook | undefined) : undefined;
  if (!handler && !onWebhookEvent) return undefined;
  return async (event) => {
    await handler?.(event);
    await onWebhookEvent?.(event);
  };
}
