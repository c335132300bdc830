import { html } from 'lit';
import '../../src/payment-capture-status/define.js';
import type { PaymentCaptureStatus } from '../../src/payment-capture-status/define.js';
import { clockAt } from '../fake-clock.js';
import { fakeBackend, mount, type FakeAnswer, type RecordedCall } from '../helpers.js';

export const ENDPOINT = '/api/payment_intents';
/** Unix seconds the fixtures' charges were created at; tests' clocks count from here. */
export const CREATED = 1_767_225_600;
export const HOUR_MS = 3_600_000;

type Json = Record<string, unknown>;

export function balanceTransaction(overrides: Json = {}): Json {
  return { id: 'txn_1', object: 'balance_transaction', amount: 1000, fee: 59, net: 941, currency: 'usd', status: 'pending', ...overrides };
}

/** A charge captured asynchronously: balance transaction still null unless given. */
export function charge(overrides: Json = {}): Json {
  return {
    id: 'ch_1',
    object: 'charge',
    created: CREATED,
    amount: 1000,
    amount_captured: 1000,
    currency: 'usd',
    captured: true,
    status: 'succeeded',
    balance_transaction: null,
    application_fee: null,
    application_fee_amount: null,
    transfer_data: null,
    ...overrides,
  };
}

/** A destination charge with a $1.00 application fee, all three parts still null. */
export function connectCharge(overrides: Json = {}): Json {
  return charge({ transfer: null, application_fee_amount: 100, transfer_data: { amount: null, destination: 'acct_dest' }, ...overrides });
}

export function paymentIntent(overrides: Json = {}): Json {
  return {
    id: 'pi_1',
    object: 'payment_intent',
    status: 'succeeded',
    amount: 1000,
    currency: 'usd',
    created: CREATED,
    capture_method: 'automatic_async',
    latest_charge: charge(),
    last_payment_error: null,
    cancellation_reason: null,
    ...overrides,
  };
}

export const settledCharge = (overrides: Json = {}) => charge({ balance_transaction: balanceTransaction(), ...overrides });

export interface MountOptions {
  id?: string;
  lang?: string;
  refreshInterval?: number;
  eventsUrl?: string;
  timeout?: number;
  /** The widget's time, ms since the epoch (its timers stay real). */
  clock?: () => number;
}

/** Mounts the widget against a fake backend that answers each GET with `answer(call, n)` (n counts from 0). */
export async function mountCapture(answer: (call: RecordedCall, n: number) => FakeAnswer | Promise<FakeAnswer>, options: MountOptions = {}) {
  let n = 0;
  const backend = fakeBackend((call) => answer(call, n++));
  const clock = options.clock ?? (() => CREATED * 1000 + 60_000);
  const el = await mount<PaymentCaptureStatus>(html`<payment-capture-status
    lang=${options.lang ?? 'en'}
    endpoint=${ENDPOINT}
    payment-intent-id=${options.id ?? 'pi_1'}
    refresh-interval=${options.refreshInterval ?? 0}
    events-url=${options.eventsUrl ?? ''}
    timeout=${options.timeout ?? 15}
    .fetcher=${backend.fetcher}
    .clock=${clockAt(clock)}
  ></payment-capture-status>`);
  return { el, calls: backend.calls };
}

/** Answers every call with the same PaymentIntent. */
export const always = (intent: Json) => (): FakeAnswer => ({ json: intent });
