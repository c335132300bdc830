import { ifAuthorized } from '../authorize.js';
import type { RouteContext, RouteModule } from '../context.js';
import { errorResponse, json, readJson, stripeErrorResponse } from '../http.js';
import { retrievePaymentIntent, seedPaymentIntents, settlePayment, startAsyncCapture } from '../simulator/payment-intents.js';

const PAYMENT_INTENT_ID = /^pi_[A-Za-z0-9_]{1,250}$/;
/** Asks for the charge and its balance transaction in one call, so fee and net show as soon as they exist. */
export const PAYMENT_INTENT_EXPAND = ['latest_charge.balance_transaction'];

const noSuchIntent = (id: string) => errorResponse(404, `No such payment_intent: '${id}'`, 'invalid_request_error', 'resource_missing');

/** What the browser may see: Stripe's object without the SDK's `lastResponse` and without the `client_secret`. */
export function forBrowser(intent: object): Record<string, unknown> {
  const { lastResponse: _lastResponse, client_secret: _clientSecret, ...rest } = intent as Record<string, unknown>;
  return rest;
}

/** The PaymentIntent for the browser (no `client_secret`), or the response to send instead. */
type Retrieve = (request: Request, id: string) => Promise<object | Response> | object | Response;

function stripeMode({ stripe, options }: RouteContext): Retrieve {
  return async (request, id) => {
    const account = (await options.resolveStripeAccount?.(request)) || undefined;
    try {
      const intent = await stripe.paymentIntents.retrieve(id, { expand: PAYMENT_INTENT_EXPAND }, account ? { stripeAccount: account } : undefined);
      return forBrowser(intent);
    } catch (cause) {
      return stripeErrorResponse(cause);
    }
  };
}

function simulatorMode({ simulator }: RouteContext): Retrieve {
  seedPaymentIntents(simulator);
  return (_request, id) => {
    const intent = retrievePaymentIntent(simulator, id);
    return intent ? forBrowser(intent) : noSuchIntent(id);
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
 * (a new payment whose parts arrive after the delays) and `POST /simulator/payment_intents/:id/settle`
 * (every missing part now), each arrival sent as Stripe's signed webhooks.
 */
export const paymentIntentRoutes: RouteModule = (router, context) => {
  const retrieve = context.mode === 'stripe' ? stripeMode(context) : simulatorMode(context);
  router.add('GET', '/payment_intents/:id', async (request, params) => {
    const id = params.id ?? '';
    return PAYMENT_INTENT_ID.test(id) ? ifAuthorized(context.options, request, await retrieve(request, id), () => noSuchIntent(id)) : noSuchIntent(id);
  });
  if (context.mode !== 'simulator') return;
  const { simulator } = context;
  router.add('POST', '/simulator/payment_intents/async_capture', async (request) => {
    const intent = startAsyncCapture(simulator, captureOptions(await readJson(request)));
    return json({ id: intent.id });
  });
  router.add('POST', '/simulator/payment_intents/:id/settle', async (_request, params) => {
    const id = params.id ?? '';
    const events = await settlePayment(simulator, id);
    return events ? json({ id, delivered: events.map((event) => event.type) }) : noSuchIntent(id);
  });
};
