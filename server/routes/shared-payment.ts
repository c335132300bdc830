import { ifAuthorized } from '../authorize.js';
import type { RouteContext, RouteModule } from '../context.js';
import { errorResponse, json, readJson, stripeErrorResponse } from '../http.js';
import { previewStripeVersion } from '../preview-versions.js';
import { accountOf, onAccount, plain } from '../stripe-objects.js';
import {
  expireIfDue,
  findToken,
  grantToken,
  inactiveReason,
  revokeToken,
  seedGrantedTokens,
  useToken,
  type SimulatedGrantedToken,
} from '../simulator/shared-payment.js';

const TOKEN_ID = /^spt_[A-Za-z0-9_]{1,250}$/;

/** Unknown, malformed and denied ids all look alike, and the id is never echoed. */
const noSuchToken = () => errorResponse(404, 'No such shared payment granted token', 'invalid_request_error', 'resource_missing');

/** The token for the browser, or the response to send instead. */
type Retrieve = (request: Request, id: string) => Promise<object | Response>;

function stripeMode({ stripe, options }: RouteContext): Retrieve {
  return async (request, id) => {
    const account = await accountOf(options, request);
    try {
      // Preview API: the SDK has no method for it yet, and Stripe serves it only under a preview version.
      const token = (await stripe.rawRequest('GET', `/v1/shared_payment/granted_tokens/${encodeURIComponent(id)}`, undefined, {
        apiVersion: previewStripeVersion(options, 'sharedPayment'),
        ...onAccount(account),
      })) as Record<string, unknown>;
      return plain(token);
    } catch (cause) {
      return stripeErrorResponse(cause);
    }
  };
}

function simulatorMode({ simulator }: RouteContext): Retrieve {
  seedGrantedTokens(simulator);
  return async (_request, id) => {
    const token = findToken(simulator, id);
    return token ? expireIfDue(simulator, token) : noSuchToken();
  };
}

/** Reads a simulator control body's optional fields, ignoring anything malformed. */
function grantOptions(body: unknown) {
  const { currency, max_amount: maxAmount, expires_in: expiresIn } = (body ?? {}) as Record<string, unknown>;
  return {
    ...(typeof currency === 'string' && /^[a-z]{3}$/.test(currency) && { currency }),
    ...(Number.isInteger(maxAmount) && (maxAmount as number) > 0 && { maxAmount: maxAmount as number }),
    ...(Number.isInteger(expiresIn) && (expiresIn as number) > 0 && { expiresIn: expiresIn as number }),
  };
}

/**
 * `GET /shared_payment/granted_tokens/:id`. In simulator mode also the demo's controls, each sending
 * the signed webhooks Stripe would: `POST /simulator/shared_payment/granted_tokens`
 * `{ currency?, max_amount?, expires_in? }` (grant a new token), `…/:id/use` and `…/:id/revoke`.
 */
export const sharedPaymentRoutes: RouteModule = (router, context) => {
  const retrieve = context.mode === 'stripe' ? stripeMode(context) : simulatorMode(context);
  router.add('GET', '/shared_payment/granted_tokens/:id', async (request, { id = '' }) =>
    TOKEN_ID.test(id) ? ifAuthorized(context.options, request, await retrieve(request, id), noSuchToken) : noSuchToken(),
  );
  if (context.mode !== 'simulator') return;
  const { simulator } = context;
  router.add('POST', '/simulator/shared_payment/granted_tokens', async (request) => json(grantToken(simulator, grantOptions(await readJson(request)))));
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
