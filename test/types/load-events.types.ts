// Checked by `tsc` only (never run): each widget's `swk-load` carries its own object type.
import '../../src/index.js';
import type { SwkLoadEvent } from '../../src/core/events.js';
import type { FcLinkResult } from '../../src/fc-link-account/define.js';
import type { ClimateOrder, ClimateProductList, FcAccountDetails, PaymentIntent } from '../../src/schemas/index.js';

export function typedLoadEvents(): void {
  document.createElement('climate-order-status').addEventListener('swk-load', (event) => {
    const status: string = event.detail.object.status;
    // @ts-expect-error a climate order has no `amount_capturable`: unknown, not a number
    const capturable: number = event.detail.object.amount_capturable;
    void [status, capturable];
  });
  document.createElement('payment-capture-status').addEventListener('swk-load', (event) => {
    const amount: number = event.detail.object.amount;
    void amount;
  });
  document.createElement('capital-offer-card').addEventListener('swk-load', (event) => {
    // @ts-expect-error the card reports `null` when the account has no offer
    void event.detail.object.id;
    void event.detail.object?.status;
  });
  document.createElement('spt-token-status').addEventListener('swk-load', (event) => {
    const limit: number | null | undefined = event.detail.object.usage_limits?.max_amount;
    void limit;
  });
  document.createElement('fc-link-account').addEventListener('swk-load', (event) => {
    // A finished flow, or (with accounts-endpoint) one retrieved account.
    const object: FcLinkResult | FcAccountDetails = event.detail.object;
    // @ts-expect-error not a climate order
    const order: ClimateOrder = event.detail.object;
    void [object, order];
  });
  document.createElement('climate-order-form').addEventListener('swk-load', (event) => {
    // The product list, or the order just placed.
    const object: ClimateProductList | ClimateOrder = event.detail.object;
    // @ts-expect-error not a PaymentIntent
    const intent: PaymentIntent = event.detail.object;
    void [object, intent];
  });
  // On the document: any widget's object, and a named one through SwkLoadEvent.
  document.addEventListener('swk-load', (event) => {
    // @ts-expect-error not every widget's object has `amount`
    void event.detail.object.amount;
    const order = (event as SwkLoadEvent<'climate-order-status'>).detail.object;
    void order.expected_delivery_year;
  });
}
