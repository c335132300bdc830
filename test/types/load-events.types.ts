// Checked by `tsc` only (never run): each widget's `swk-load` carries its own object type.
import '../../src/index.js';
import type { SwkLoadEvent } from '../../src/core/events.js';

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
    const accounts: unknown[] = event.detail.object.accounts;
    void accounts;
  });
  // On the document: any widget's object, and a named one through SwkLoadEvent.
  document.addEventListener('swk-load', (event) => {
    // @ts-expect-error not every widget's object has `amount`
    void event.detail.object.amount;
    const order = (event as SwkLoadEvent<'climate-order-status'>).detail.object;
    void order.expected_delivery_year;
  });
}
