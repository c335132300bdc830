import { html } from 'lit';
import '../../src/payment-capture-status/define.js';
import type { PaymentCaptureStatus } from '../../src/payment-capture-status/define.js';
import type { BalanceTransaction, Charge, PaymentIntent } from '../../src/schemas/payment-intent.js';
import * as builders from '../../src/testing/builders/payment-intents.js';
import { clockAt } from '../../src/testing/fake-clock.js';
import { fakeBackend, mount, type FakeAnswer, type RecordedCall } from '../helpers.js';

export const ENDPOINT = '/api/payment_intents';
/** Unix seconds the fixtures' charges were created at; tests' clocks count from here. */
export const CREATED = 1_767_225_600;
export const HOUR_MS = 3_600_000;

type Json = Record<string, unknown>;

// The test kit's builders, taking the loose overrides these tests pass (odd values included).
export const balanceTransaction = (overrides: Json = {}): Json => builders.balanceTransaction(overrides as Partial<BalanceTransaction>);
/** A charge captured asynchronously: balance transaction still null unless given. */
export const charge = (overrides: Json = {}): Json => builders.charge(overrides as Partial<Charge>);

/** A destination charge with a $1.00 application fee, all three parts still null. */
export function connectCharge(overrides: Json = {}): Json {
  return charge({ transfer: null, application_fee_amount: 100, transfer_data: { amount: null, destination: 'acct_dest' }, ...overrides });
}

export const paymentIntent = (overrides: Json = {}): Json => builders.paymentIntent(overrides as Partial<PaymentIntent>);

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
