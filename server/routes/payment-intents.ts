import { ifAuthorized } from '../authorize.js';
import type { RouteContext, RouteModule } from '../context.js';
import { errorResponse, json, readJson, stripeErrorResponse } from '../http.js';
import { accountOf, onAccount, plain } from '../stripe-objects.js';
import { retrievePaymentIntent, seedPaymentIntents, settlePayment, startAsyncCapture } from '../simulator/payment-intents.js';

const PAYMENT_INTENT_ID = /^pi_[A-Za-z0-9_]{1,250}$/;
/** Asks for the charge and its balance transaction in one call, so fee and net show as soon as they exist. */
export const PAYMENT_INTENT_EXPAND = ['latest_charge.balance_transaction'];

/** Unknown, malformed and denied ids all look alike, and the id is never echoed. */
const noSuchIntent = () => errorResponse(404, 'No such payment_intent', 'invalid_request_error', 'resource_missing');

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const pick = (source: Fields, fields: readonly string[]): Fields => Object.fromEntries(fields.filter((f) => f in source).map((f) => [f, source[f]]));
/** An expandable field: an id or null as given, an expanded object cut down to `fields`. */
const expandable = (value: unknown, fields: readonly string[]) => (isObject(value) ? pick(value, fields) : value);
const transferData = (value: unknown) => (isObject(value) ? { destination: isObject(value.destination) ? value.destination.id : value.destination } : value);

// Exactly what src/schemas/payment-intent.ts lists, so billing details, payment method details and
// the like never reach the browser.
const INTENT_FIELDS = ['id', 'object', 'status', 'amount', 'currency', 'created', 'amount_capturable', 'amount_received', 'capture_method', 'cancellation_reason', 'application_fee_amount'];
const CHARGE_FIELDS = ['id', 'object', 'created', 'amount', 'amount_captured', 'currency', 'captured', 'status', 'application_fee_amount'];
const MONEY_PART = ['id', 'object', 'amount', 'currency'];

function chargeForBrowser(charge: Fields): Fields {
  return {
    ...pick(charge, CHARGE_FIELDS),
    ...('balance_transaction' in charge && { balance_transaction: expandable(charge.balance_transaction, ['id', 'object', 'fee', 'net', 'currency']) }),
    ...('transfer' in charge && { transfer: expandable(charge.transfer, MONEY_PART) }),
    ...('application_fee' in charge && { application_fee: expandable(charge.application_fee, MONEY_PART) }),
    ...('transfer_data' in charge && { transfer_data: transferData(charge.transfer_data) }),
  };
}

/** What the browser gets: only the fields `<payment-capture-status>` reads (never the `client_secret`). */
export function forBrowser(intent: object): Fields {
  const source = intent as Fields;
  return {
    ...pick(source, INTENT_FIELDS),
    ...('last_payment_error' in source && { last_payment_error: expandable(source.last_payment_error, ['message', 'code']) }),
    ...('transfer_data' in source && { transfer_data: transferData(source.transfer_data) }),
    ...('latest_charge' in source && { latest_charge: isObject(source.latest_charge) ? chargeForBrowser(source.latest_charge) : source.latest_charge }),
  };
}

/** What `authorize` gets: Stripe's whole object (metadata and all) without the SDK's extras and the `client_secret`. */
function withoutSecret(intent: object): Fields {
  const { client_secret: _clientSecret, ...rest } = plain(intent);
  return rest;
}

/** The PaymentIntent (no `client_secret`), or the response to send instead. */
type Retrieve = (request: Request, id: string) => Promise<Fields | Response> | Fields | Response;

function stripeMode({ stripe, options }: RouteContext): Retrieve {
  return async (request, id) => {
    const account = await accountOf(options, request);
    try {
      return withoutSecret(await stripe.paymentIntents.retrieve(id, { expand: PAYMENT_INTENT_EXPAND }, onAccount(account)));
    } catch (cause) {
      return stripeErrorResponse(cause);
    }
  };
}

function simulatorMode({ simulator }: RouteContext): Retrieve {
  seedPaymentIntents(simulator);
  return (_request, id) => {
    const intent = retrievePaymentIntent(simulator, id);
    return intent ? withoutSecret(intent) : noSuchIntent();
  };
}

/** Reads the demo control's body: only known values, delays clamped to ten minutes. */
function captureOptions(body: unknown) {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const delays = Array.isArray(input.delaysMs) ? input.delaysMs.filter((d): d is number => typeof d === 'number' && Number.isFinite(d)) : [];
  return {
    connect: input.connect === true,
    currency: input.currency === 'jpy' ? ('jpy' as const) : ('usd' as const),
    ...(delays.length > 0 && { delaysMs: delays.slice(0, 3).map((d) => Math.min(Math.max(d, 0), 600_000)) }),
  };
}

/**
 * `GET /payment_intents/:id`: the PaymentIntent with `latest_charge.balance_transaction` expanded.
 * Simulator mode adds `POST /simulator/payment_intents/async_capture` `{ connect?, currency?, delaysMs? }`
 * (a new payment, with `charge.succeeded` and `payment_intent.succeeded` sent at capture, whose parts
 * arrive after the delays) and `POST /simulator/payment_intents/:id/settle`
 * (every missing part now), each arrival sent as Stripe's signed webhooks.
 */
export const paymentIntentRoutes: RouteModule = (router, context) => {
  const retrieve = context.mode === 'stripe' ? stripeMode(context) : simulatorMode(context);
  router.add('GET', '/payment_intents/:id', async (request, params) => {
    const id = params.id ?? '';
    return PAYMENT_INTENT_ID.test(id)
      ? ifAuthorized(context.options, request, await retrieve(request, id), noSuchIntent, (intent) => json(forBrowser(intent)))
      : noSuchIntent();
  });
  if (context.mode !== 'simulator') return;
  const { simulator } = context;
  router.add('POST', '/simulator/payment_intents/async_capture', async (request) => {
    const intent = await startAsyncCapture(simulator, captureOptions(await readJson(request)));
    return json({ id: intent.id });
  });
  router.add('POST', '/simulator/payment_intents/:id/settle', async (_request, params) => {
    const id = params.id ?? '';
    const events = await settlePayment(simulator, id);
    return events ? json({ id, delivered: events.map((event) => event.type) }) : noSuchIntent();
  });
};
