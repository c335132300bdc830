import { ifAuthorized } from '../authorize.js';
import type { RouteContext, RouteModule } from '../context.js';
import { errorResponse, json, readJson, stripeErrorResponse } from '../http.js';
import { previewStripeVersion } from '../preview-versions.js';
import { readIdempotencyKey } from '../request-checks.js';
import { chargedIntentForBrowser, chargeRefusal, readChargeRequest, type ChargeRequest } from '../shared-payment-charge.js';
import { accountOf, callerIdempotencyKey, plain } from '../stripe-objects.js';
import { unrenderableObjectResponse } from '../validate-object.js';
import { IdempotentReplays } from '../simulator/idempotent-replays.js';
import {
  chargeToken,
  expireIfDue,
  findToken,
  grantToken,
  inactiveReason,
  revokeToken,
  seedGrantedTokens,
  TEST_PAYMENT_METHODS,
  useToken,
  type SimulatedGrantedToken,
} from '../simulator/shared-payment.js';

const TOKEN_ID = /^spt_[A-Za-z0-9_]{1,250}$/;

/** Unknown, malformed and denied ids all look alike, and the id is never echoed. */
const noSuchToken = () => errorResponse(404, 'No such shared payment granted token', 'invalid_request_error', 'resource_missing');

interface SharedPaymentMode {
  /** The token (Stripe's whole object) for `authorize`, or the response to send instead. */
  retrieve(request: Request, id: string): Promise<Record<string, unknown> | Response>;
  /**
   * Charges the token: only called once `retrieve`'s token passed `authorize` and `chargeRefusal`;
   * `key` is already scoped to the caller. Answers the PaymentIntent (the fields the widget reads) or
   * Stripe's error.
   */
  charge(request: Request, id: string, charge: ChargeRequest, key: string): Promise<Response>;
  now(): number;
}

/**
 * A granted token belongs to the account it was granted to: for a Connect platform that is the platform
 * (the agent scopes it to one connected account with `seller_details[external_id]`, seed 001), so the
 * platform reads it and creates the PaymentIntent with its own key, without `Stripe-Account`, and sends
 * the funds to the connected account `resolveStripeAccount` names as a destination charge
 * (`transfer_data[destination]`). The token goes in `payment_method_data[shared_payment_granted_token]`
 * (2026-04-22.preview), with `confirm=true`, under the preview `Stripe-Version`. See the README.
 */
function stripeMode({ stripe, options }: RouteContext): SharedPaymentMode {
  const apiVersion = () => previewStripeVersion(options, 'sharedPayment');
  return {
    async retrieve(_request, id) {
      try {
        // Preview API: the SDK has no method for it yet, and Stripe serves it only under a preview version.
        const token = (await stripe.rawRequest('GET', `/v1/shared_payment/granted_tokens/${encodeURIComponent(id)}`, undefined, {
          apiVersion: apiVersion(),
        })) as Record<string, unknown>;
        return plain(token);
      } catch (cause) {
        return stripeErrorResponse(cause);
      }
    },
    async charge(request, id, { amount, currency }, idempotencyKey) {
      const account = await accountOf(options, request);
      try {
        const intent = (await stripe.rawRequest(
          'POST',
          '/v1/payment_intents',
          {
            amount,
            currency,
            confirm: true,
            payment_method_data: { shared_payment_granted_token: id },
            ...(account && { transfer_data: { destination: account } }),
          },
          { apiVersion: apiVersion(), idempotencyKey },
        )) as Record<string, unknown>;
        const answer = chargedIntentForBrowser(plain(intent));
        return unrenderableObjectResponse(answer) ?? json(answer);
      } catch (cause) {
        return stripeErrorResponse(cause);
      }
    },
    now: () => options.now?.() ?? Date.now() / 1000,
  };
}

function simulatorMode({ simulator }: RouteContext): SharedPaymentMode {
  seedGrantedTokens(simulator);
  const replays = new IdempotentReplays();
  return {
    async retrieve(_request, id) {
      const token = findToken(simulator, id);
      return token ? expireIfDue(simulator, token) : noSuchToken();
    },
    charge(_request, id, { amount, currency }, key) {
      return replays.answer(key, `${id}:${amount}:${currency}`, async () => {
        const { status, body } = await chargeToken(simulator, id, amount, currency);
        if (status >= 400) {
          // As stripe mode passes Stripe's error on: its type, code and message only.
          const { type, code, message } = (body as { error: Record<string, unknown> }).error;
          return { status, body: { error: { type, code, message } } };
        }
        return { status, body: chargedIntentForBrowser(body as Record<string, unknown>) };
      });
    },
    now: () => simulator.now(),
  };
}

/**
 * The simulator's test helper, in Stripe's own shape (`POST /v1/test_helpers/shared_payment/granted_tokens`):
 * `{ payment_method, usage_limits: { currency, max_amount, expires_at? }, seller_details?: { network_id?,
 * external_id? } }`. Answers the options to grant with, or the 400 Stripe would send.
 */
function testHelperOptions(body: unknown, now: number): Parameters<typeof grantToken>[1] | Response {
  const { payment_method: paymentMethod, usage_limits: limits, seller_details: seller } = (body ?? {}) as Record<string, unknown>;
  const invalid = (message: string) => errorResponse(400, message, 'invalid_request_error', 'parameter_invalid');
  if (typeof paymentMethod !== 'string' || !Object.hasOwn(TEST_PAYMENT_METHODS, paymentMethod)) {
    return invalid(`payment_method must be one of the test PaymentMethods: ${Object.keys(TEST_PAYMENT_METHODS).join(', ')}`);
  }
  const { currency, max_amount: maxAmount, expires_at: expiresAt } = (typeof limits === 'object' && limits !== null ? limits : {}) as Record<string, unknown>;
  if (typeof currency !== 'string' || !/^[a-z]{3}$/.test(currency)) return invalid('usage_limits[currency] must be a three-letter currency code');
  if (!Number.isSafeInteger(maxAmount) || (maxAmount as number) < 1) return invalid('usage_limits[max_amount] must be a positive integer');
  if (expiresAt !== undefined && (!Number.isSafeInteger(expiresAt) || (expiresAt as number) <= now)) {
    return invalid('usage_limits[expires_at] must be a time in the future');
  }
  if (seller !== undefined) {
    const fields = (typeof seller === 'object' && seller !== null ? seller : { bad: true }) as Record<string, unknown>;
    if (Object.entries(fields).some(([key, value]) => !['network_id', 'external_id'].includes(key) || typeof value !== 'string')) {
      return invalid('seller_details takes network_id and external_id strings');
    }
  }
  return {
    card: TEST_PAYMENT_METHODS[paymentMethod]!,
    currency,
    maxAmount: maxAmount as number,
    expiresAt: expiresAt === undefined ? null : (expiresAt as number),
  };
}

/**
 * `GET /shared_payment/granted_tokens/:id` and `POST /shared_payment/granted_tokens/:id/payment_intents`
 * `{ amount, currency }` (needs an `Idempotency-Key`): the token is retrieved and authorized first, and
 * a charge it cannot pay (deactivated, expired, another currency, more than what is left) is refused
 * with a 400 before Stripe is called. In simulator mode also the demo's controls, each sending the
 * signed webhooks Stripe would: `POST /simulator/shared_payment/granted_tokens` (Stripe's test helper
 * shape: `{ payment_method, usage_limits, seller_details? }`), `…/:id/use` and `…/:id/revoke`.
 */
export const sharedPaymentRoutes: RouteModule = (router, context) => {
  const mode = context.mode === 'stripe' ? stripeMode(context) : simulatorMode(context);
  const { options } = context;
  router.add('GET', '/shared_payment/granted_tokens/:id', async (request, { id = '' }) =>
    TOKEN_ID.test(id) ? ifAuthorized(options, request, await mode.retrieve(request, id), noSuchToken) : noSuchToken(),
  );
  router.add('POST', '/shared_payment/granted_tokens/:id/payment_intents', async (request, { id = '' }) => {
    if (!TOKEN_ID.test(id)) return noSuchToken();
    const key = readIdempotencyKey(request, true);
    if (key instanceof Response) return key;
    const charge = readChargeRequest(await readJson(request));
    if (charge instanceof Response) return charge;
    // `sptcharge:<digest of account, customer, token>:<key>`: another user's key never replays this charge.
    const scoped = await callerIdempotencyKey('sptcharge', options, request, id, key);
    return ifAuthorized(options, request, await mode.retrieve(request, id), noSuchToken, (token) =>
      chargeRefusal(token, charge, mode.now()) ?? mode.charge(request, id, charge, scoped),
    );
  });
  if (context.mode !== 'simulator') return;
  const { simulator } = context;
  router.add('POST', '/simulator/shared_payment/granted_tokens', async (request) => {
    const grant = testHelperOptions(await readJson(request), simulator.now());
    return grant instanceof Response ? grant : json(grantToken(simulator, grant));
  });
  const control = (change: (id: string) => Promise<SimulatedGrantedToken>) => async (_request: Request, params: Record<string, string>) => {
    const found = findToken(simulator, params.id ?? '');
    if (!found) return noSuchToken();
    const token = await expireIfDue(simulator, found);
    const refusal = inactiveReason(token);
    return refusal ? errorResponse(400, refusal, 'invalid_request_error', 'shared_payment_token_inactive') : json(await change(token.id));
  };
  router.add('POST', '/simulator/shared_payment/granted_tokens/:id/use', control((id) => useToken(simulator, id)));
  router.add('POST', '/simulator/shared_payment/granted_tokens/:id/revoke', control((id) => revokeToken(simulator, id)));
};
