import type { Charge, PaymentIntent } from '../schemas/payment-intent.js';

/** The parts of a charge that asynchronous capture fills in after the PaymentIntent succeeded. */
export type SettlementPart = 'balance_transaction' | 'transfer' | 'application_fee';

/** Stripe's SLA for `charge.updated` after an asynchronous capture: one hour. */
export const CAPTURE_SLA_MS = 60 * 60 * 1000;
/** Polling backs off to at most once a minute (unless the site asked for a slower interval). */
const MAX_POLL_MS = 60 * 1000;

/** The latest charge when the backend expanded it; an id alone tells nothing about settlement. */
export function expandedCharge(intent: PaymentIntent): Charge | undefined {
  const charge = intent.latest_charge;
  return charge && typeof charge === 'object' ? charge : undefined;
}

/** A destination charge gets a transfer; one with an application fee amount gets an application fee. */
export function expectsTransfer(intent: PaymentIntent, charge: Charge): boolean {
  return Boolean(charge.transfer ?? charge.transfer_data?.destination ?? intent.transfer_data?.destination);
}

export function expectsApplicationFee(intent: PaymentIntent, charge: Charge): boolean {
  return Boolean(charge.application_fee) || (charge.application_fee_amount ?? intent.application_fee_amount ?? 0) > 0;
}

/**
 * What Stripe still owes for a succeeded payment: each expected part that is still null. A charge given
 * only as an id proves nothing about fees or net, so its balance transaction counts as pending (and the
 * widget keeps checking) until a response expands it.
 */
export function pendingParts(intent: PaymentIntent): SettlementPart[] {
  if (intent.status !== 'succeeded') return [];
  const charge = expandedCharge(intent);
  if (!charge) return typeof intent.latest_charge === 'string' ? ['balance_transaction'] : [];
  const pending: SettlementPart[] = [];
  if (charge.balance_transaction == null) pending.push('balance_transaction');
  if (expectsTransfer(intent, charge) && charge.transfer == null) pending.push('transfer');
  if (expectsApplicationFee(intent, charge) && charge.application_fee == null) pending.push('application_fee');
  return pending;
}

/** Whether checking again can change what is shown without anyone acting: settlement or processing. */
export function awaitsStripe(intent: PaymentIntent): boolean {
  return intent.status === 'processing' || pendingParts(intent).length > 0;
}

/**
 * When Stripe should have sent everything: an hour after the PaymentIntent was confirmed, which is when
 * its charge was created. A charge given only as an id carries no such time (and a PaymentIntent's own
 * `created` may be long before its confirmation), so there is no deadline then.
 */
export function slaDeadlineMs(intent: PaymentIntent): number | undefined {
  const created = expandedCharge(intent)?.created;
  return typeof created === 'number' && Number.isFinite(created) ? created * 1000 + CAPTURE_SLA_MS : undefined;
}

/** Whether the parts Stripe still owes include Connect's (a transfer or an application fee). */
export function owesConnectParts(intent: PaymentIntent): boolean {
  return pendingParts(intent).some((part) => part !== 'balance_transaction');
}

/**
 * The next poll: the site's interval doubled per poll without news, at most a minute, and never past
 * the SLA deadline for pending settlement parts; null to stop.
 */
export function nextPollMs(options: { intervalSeconds: number; polls: number; nowMs: number; deadlineMs: number | undefined }): number | null {
  const { intervalSeconds, polls, nowMs, deadlineMs } = options;
  if (!Number.isFinite(intervalSeconds) || intervalSeconds <= 0) return null;
  const interval = intervalSeconds * 1000;
  const delay = Math.min(interval * 2 ** Math.min(polls, 30), Math.max(MAX_POLL_MS, interval));
  if (deadlineMs === undefined) return delay;
  const left = deadlineMs - nowMs;
  return left > 0 ? Math.min(delay, left) : null;
}
