import type { ClimateOrder } from '../schemas/climate-order.js';

/**
 * Stripe's `climate.orders.cancel`: "You can cancel an order within 24 hours of creation. Stripe refunds
 * the reservation amount_subtotal, but not the amount_fees" (the `stripe` SDK's docs).
 */
const FRESH_ORDER_SECONDS = 24 * 60 * 60;
/** After a delay or substitution notice the buyer may cancel for a full refund for this long (Climate webhooks doc). */
const CANCEL_WINDOW_SECONDS = 30 * 24 * 60 * 60;
/** The statuses Stripe cancels at all; delivered and canceled orders are final. */
const CANCELABLE_STATUSES = new Set(['open', 'awaiting_funds', 'confirmed']);

/** What the buyer gets back: `full` (amount_total) after a notice, `fees_kept` (amount_subtotal) within 24 hours. */
export type CancelRefund = 'full' | 'fees_kept';

/** The fields the rule reads (the simulator's orders carry them too). */
export type CancelFacts = Pick<ClimateOrder, 'status' | 'created' | 'delayed_at' | 'product_substituted_at'>;

/** When the 30-day window opened by a notice at `noticeAt` (Unix seconds) closes. */
export function cancelDeadline(noticeAt: number): number {
  return noticeAt + CANCEL_WINDOW_SECONDS;
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function noticeWindowOpen(noticeAt: number | null | undefined, nowSeconds: number): boolean {
  return isTime(noticeAt) && noticeAt <= nowSeconds && nowSeconds < cancelDeadline(noticeAt);
}

/**
 * The refund a cancel now would bring, or undefined when Stripe would refuse it. Exactly one of two
 * rules lets the buyer cancel an open, awaiting-funds or confirmed order: within 30 days after a delay
 * or product-substitution notice (full refund; it wins when both hold), or within 24 hours of `created`
 * (Stripe keeps `amount_fees`). Unknown statuses are never cancelable.
 */
export function cancelRefund(order: CancelFacts, nowSeconds: number): CancelRefund | undefined {
  if (!CANCELABLE_STATUSES.has(order.status)) return undefined;
  if (noticeWindowOpen(order.delayed_at, nowSeconds) || noticeWindowOpen(order.product_substituted_at, nowSeconds)) return 'full';
  if (isTime(order.created) && nowSeconds < order.created + FRESH_ORDER_SECONDS) return 'fees_kept';
  return undefined;
}

/**
 * When `cancelRefund` next changes for `order` (Unix seconds after `nowSeconds`): a notice window opens
 * or closes, or the 24 hours end. Undefined when it never will.
 */
export function nextCancelChange(order: CancelFacts, nowSeconds: number): number | undefined {
  if (!CANCELABLE_STATUSES.has(order.status)) return undefined;
  const notices = [order.delayed_at, order.product_substituted_at].filter(isTime);
  const moments = [...notices, ...notices.map(cancelDeadline), ...(isTime(order.created) ? [order.created + FRESH_ORDER_SECONDS] : [])];
  const later = moments.filter((moment) => moment > nowSeconds);
  return later.length > 0 ? Math.min(...later) : undefined;
}
