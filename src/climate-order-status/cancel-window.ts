import type { ClimateOrder } from '../schemas/climate-order.js';

/** After a delay or substitution notice the buyer may cancel for a full refund for this long. */
const CANCEL_WINDOW_SECONDS = 30 * 24 * 60 * 60;

/** When the 30-day window opened by a notice at `noticeAt` (Unix seconds) closes. */
export function cancelDeadline(noticeAt: number): number {
  return noticeAt + CANCEL_WINDOW_SECONDS;
}

function windowOpen(noticeAt: number | null | undefined, nowSeconds: number): boolean {
  return typeof noticeAt === 'number' && Number.isFinite(noticeAt) && nowSeconds < cancelDeadline(noticeAt);
}

/**
 * Whether the buyer may still cancel: before confirmation always; once confirmed only inside a
 * 30-day window after a delay or product-substitution notice. Unknown statuses are never cancelable.
 */
export function canCancelOrder(order: ClimateOrder, nowSeconds: number): boolean {
  if (order.status === 'open' || order.status === 'awaiting_funds') return true;
  if (order.status !== 'confirmed') return false;
  return windowOpen(order.delayed_at, nowSeconds) || windowOpen(order.product_substituted_at, nowSeconds);
}

/** Whether cancelling now would be the full refund the delay/substitution notices promise. */
export function inRefundWindow(order: ClimateOrder, nowSeconds: number): boolean {
  return order.status === 'confirmed' && canCancelOrder(order, nowSeconds);
}
