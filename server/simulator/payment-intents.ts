import { minorUnitExponent } from '../../src/core/format.js';
import type { SimulatorStore, StripeObject } from './store.js';

/** A part Stripe fills in after an asynchronous capture, and the charge field it lands in. */
export type SettlementPart = 'balance_transaction' | 'transfer' | 'application_fee';

type Charge = StripeObject & {
  amount: number;
  currency: string;
  created: number;
  payment_intent: string;
  balance_transaction: string | null;
  transfer?: string | null;
  application_fee: string | null;
  application_fee_amount: number | null;
  transfer_data: { amount: number | null; destination: string } | null;
};

type PaymentIntent = StripeObject & { status: string; latest_charge: string | null };

export const SIMULATED_DESTINATION = 'acct_sim_destination';
/** Seeded payments, one per outcome the widget shows. */
export const SEEDED_PAYMENTS = {
  pendingConnect: 'pi_sim_capture_pending_connect',
  overdue: 'pi_sim_capture_overdue',
  settled: 'pi_sim_capture_settled',
  settledJpy: 'pi_sim_capture_settled_jpy',
  processing: 'pi_sim_processing',
  requiresCapture: 'pi_sim_requires_capture',
  canceled: 'pi_sim_canceled',
  failed: 'pi_sim_failed',
} as const;

const DEFAULT_DELAYS_MS = [4_000, 8_000, 12_000];
const ORDER: SettlementPart[] = ['balance_transaction', 'transfer', 'application_fee'];

let counter = 0;
const nextId = (prefix: string) => `${prefix}_sim_${Date.now().toString(36)}${(counter += 1)}`;

interface PaymentSpec {
  id: string;
  status: string;
  amount?: number;
  currency?: string;
  connect?: boolean;
  /** Whether the balance transaction (and Connect parts) exist already. */
  settled?: boolean;
  ageSeconds?: number;
  charge?: Partial<Charge> | false;
  intent?: Record<string, unknown>;
}

function stripeFee(amount: number, currency: string): number {
  return minorUnitExponent(currency) === 0 ? Math.round(amount * 0.036) : Math.round(amount * 0.029) + 30;
}

/** Puts a PaymentIntent and its latest charge into the store, as Stripe would hold them. */
function createPayment(store: SimulatorStore, spec: PaymentSpec): PaymentIntent {
  const { id, status, amount = 10_000, currency = 'usd', connect = false, ageSeconds = 60 } = spec;
  const created = store.now() - ageSeconds;
  const applicationFee = connect ? Math.round(amount / 10) : null;
  let chargeId: string | null = null;
  if (spec.charge !== false) {
    chargeId = `ch_${id.replace(/^pi_/, '')}`;
    const charge: Charge = {
      id: chargeId,
      object: 'charge',
      amount,
      amount_captured: status === 'succeeded' ? amount : 0,
      amount_refunded: 0,
      currency,
      captured: status === 'succeeded',
      paid: status === 'succeeded' || status === 'requires_capture',
      status: status === 'succeeded' || status === 'requires_capture' ? 'succeeded' : 'pending',
      created,
      livemode: false,
      payment_intent: id,
      balance_transaction: null,
      application_fee: null,
      application_fee_amount: applicationFee,
      transfer_data: connect ? { amount: null, destination: SIMULATED_DESTINATION } : null,
      ...(connect && { transfer: null }),
      metadata: {},
      ...spec.charge,
    };
    store.put(charge);
    if (spec.settled) for (const part of ORDER) attachPart(store, store.get<Charge>(chargeId)!, part);
  }
  return store.put<PaymentIntent>({
    id,
    object: 'payment_intent',
    amount,
    amount_capturable: status === 'requires_capture' ? amount : 0,
    amount_received: status === 'succeeded' ? amount : 0,
    currency,
    status,
    capture_method: 'automatic_async',
    created,
    livemode: false,
    latest_charge: chargeId,
    // Stripe returns it to a secret-key caller; the route must never pass it to the browser.
    client_secret: `${id}_secret_simulated`,
    cancellation_reason: null,
    canceled_at: null,
    last_payment_error: null,
    application_fee_amount: applicationFee,
    transfer_data: connect ? { destination: SIMULATED_DESTINATION } : null,
    metadata: {},
    ...spec.intent,
  });
}

function expected(charge: Charge, part: SettlementPart): boolean {
  if (part === 'transfer') return charge.transfer_data !== null;
  if (part === 'application_fee') return (charge.application_fee_amount ?? 0) > 0;
  return true;
}

/** Creates the object a part stands for and links it from the charge; returns it, or undefined if nothing to do. */
function attachPart(store: SimulatorStore, charge: Charge, part: SettlementPart): [StripeObject, Record<string, unknown>] | undefined {
  if (!expected(charge, part) || charge[part]) return undefined;
  const created = store.now();
  const feeAmount = charge.application_fee_amount ?? 0;
  const object: StripeObject =
    part === 'balance_transaction'
      ? (() => {
          const fee = stripeFee(charge.amount, charge.currency);
          return { id: nextId('txn'), object: 'balance_transaction', amount: charge.amount, fee, net: charge.amount - fee, currency: charge.currency, type: 'charge', status: 'pending', source: charge.id, created, available_on: created + 2 * 24 * 3600 };
        })()
      : part === 'transfer'
        ? { id: nextId('tr'), object: 'transfer', amount: charge.amount - feeAmount, currency: charge.currency, destination: charge.transfer_data?.destination ?? SIMULATED_DESTINATION, source_transaction: charge.id, created }
        : { id: nextId('fee'), object: 'application_fee', amount: feeAmount, currency: charge.currency, charge: charge.id, account: charge.transfer_data?.destination ?? SIMULATED_DESTINATION, created };
  store.put(object);
  const [, previous] = store.update<Charge>(charge.id, { [part]: object.id } as Partial<Charge>);
  return [object, previous];
}

const CREATED_EVENT: Partial<Record<SettlementPart, string>> = { transfer: 'transfer.created', application_fee: 'application_fee.created' };

/**
 * Delivers one part of a charge now: the new object's own `….created` webhook (transfer, application
 * fee), then `charge.updated` with `previous_attributes` showing the null. Returns the events sent.
 */
export async function deliverPart(store: SimulatorStore, chargeId: string, part: SettlementPart): Promise<Record<string, unknown>[]> {
  const charge = store.get<Charge>(chargeId);
  const attached = charge && attachPart(store, charge, part);
  if (!attached) return [];
  const [object, previous] = attached;
  const sent: Record<string, unknown>[] = [];
  const createdType = CREATED_EVENT[part];
  if (createdType) sent.push((await store.sendWebhook(createdType, object)).event);
  sent.push((await store.sendWebhook('charge.updated', store.get<Charge>(chargeId)!, previous)).event);
  return sent;
}

/** Delivers every part of the payment's charge still missing, in Stripe's order. */
export async function settlePayment(store: SimulatorStore, paymentIntentId: string): Promise<Record<string, unknown>[] | undefined> {
  const intent = store.get<PaymentIntent>(paymentIntentId);
  if (intent?.object !== 'payment_intent') return undefined;
  const sent: Record<string, unknown>[] = [];
  if (intent.latest_charge) for (const part of ORDER) sent.push(...(await deliverPart(store, intent.latest_charge, part)));
  return sent;
}

export interface AsyncCaptureOptions {
  connect?: boolean;
  currency?: 'usd' | 'jpy';
  /** When the balance transaction, transfer and application fee arrive, in ms from now. */
  delaysMs?: number[];
}

/**
 * A payment just captured asynchronously: succeeded, its charge captured with the parts still null.
 * As seed 003 says Stripe does, `charge.succeeded` and `payment_intent.succeeded` go out at capture
 * with `balance_transaction` (and, for Connect, `transfer` and `application_fee`) null; each part then
 * arrives after its delay as the signed webhooks Stripe would send.
 */
export async function startAsyncCapture(store: SimulatorStore, options: AsyncCaptureOptions = {}): Promise<PaymentIntent> {
  const currency = options.currency ?? 'usd';
  const intent = createPayment(store, {
    id: nextId('pi'),
    status: 'succeeded',
    amount: currency === 'jpy' ? 5_000 : 10_000,
    currency,
    connect: options.connect ?? false,
    ageSeconds: 0,
  });
  await store.sendWebhook('charge.succeeded', store.get<Charge>(intent.latest_charge!)!);
  await store.sendWebhook('payment_intent.succeeded', store.get<PaymentIntent>(intent.id)!);
  const delays = options.delaysMs ?? DEFAULT_DELAYS_MS;
  ORDER.forEach((part, index) => {
    const timer = setTimeout(() => void deliverPart(store, intent.latest_charge!, part), delays[index] ?? delays.at(-1) ?? 0);
    timer.unref?.();
  });
  return intent;
}

/** The PaymentIntent as `retrieve(id, { expand: ['latest_charge.balance_transaction'] })` returns it. */
export function retrievePaymentIntent(store: SimulatorStore, id: string): Record<string, unknown> | undefined {
  const intent = store.get<PaymentIntent>(id);
  if (intent?.object !== 'payment_intent') return undefined;
  const charge = intent.latest_charge ? store.get<Charge>(intent.latest_charge) : undefined;
  if (!charge) return intent;
  const transaction = charge.balance_transaction ? store.get(charge.balance_transaction) : undefined;
  return { ...intent, latest_charge: { ...charge, balance_transaction: transaction ?? charge.balance_transaction } };
}

/** One payment in each outcome the widget renders. */
export function seedPaymentIntents(store: SimulatorStore): void {
  const ids = SEEDED_PAYMENTS;
  if (store.get(ids.settled)) return;
  createPayment(store, { id: ids.pendingConnect, status: 'succeeded', connect: true, ageSeconds: 5 * 60 });
  createPayment(store, { id: ids.overdue, status: 'succeeded', ageSeconds: 2 * 3600 });
  createPayment(store, { id: ids.settled, status: 'succeeded', connect: true, settled: true, ageSeconds: 3 * 3600 });
  createPayment(store, { id: ids.settledJpy, status: 'succeeded', amount: 5_000, currency: 'jpy', settled: true, ageSeconds: 3 * 3600 });
  createPayment(store, { id: ids.processing, status: 'processing', ageSeconds: 600 });
  createPayment(store, { id: ids.requiresCapture, status: 'requires_capture', intent: { capture_method: 'manual' } });
  createPayment(store, {
    id: ids.canceled,
    status: 'canceled',
    charge: false,
    intent: { cancellation_reason: 'requested_by_customer', canceled_at: store.now() - 30 },
  });
  createPayment(store, {
    id: ids.failed,
    status: 'requires_payment_method',
    charge: { status: 'failed', paid: false, failure_code: 'card_declined' },
    intent: {
      last_payment_error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
      },
    },
  });
}
