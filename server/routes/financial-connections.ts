import { FC_PERMISSIONS, FC_PREFETCH } from '../../src/schemas/financial-connections.js';
import { ifAuthorized } from '../authorize.js';
import type { RouteContext, RouteModule } from '../context.js';
import { withSdk, type SdkRouteContext } from '../sdk-context.js';
import { errorResponse, json, readJson, stripeErrorResponse } from '../http.js';
import { readIdempotencyKey } from '../request-checks.js';
import { accountOf, callerIdempotencyKey, onAccount } from '../stripe-objects.js';
import type { Router } from '../router.js';
import {
  completeSimulatedSession,
  createSimulatedSession,
  DEFAULT_LINKED_ACCOUNTS,
  simulatedInstitutionAccounts,
} from '../simulator/financial-connections.js';
import { IdempotentReplays } from '../simulator/idempotent-replays.js';

interface SessionParams {
  permissions: string[];
  prefetch: string[];
}

/** Checks the browser's `{ permissions, prefetch }` against what Stripe accepts; a 400 response otherwise. */
function readParams(body: unknown): SessionParams | Response {
  const { permissions, prefetch = [] } = (body ?? {}) as Record<string, unknown>;
  if (!Array.isArray(permissions) || permissions.length === 0) {
    return errorResponse(400, 'permissions must list at least one of: ' + FC_PERMISSIONS.join(', '), 'invalid_request_error', 'parameter_missing');
  }
  if (!Array.isArray(prefetch)) return errorResponse(400, 'prefetch must be an array', 'invalid_request_error', 'parameter_invalid');
  const check = (name: string, list: unknown[], allowed: readonly string[]) => {
    const index = list.findIndex((value) => typeof value !== 'string' || !allowed.includes(value));
    return index < 0 ? undefined : errorResponse(400, `Invalid ${name}[${index}]: must be one of ${allowed.join(', ')}`, 'invalid_request_error', 'parameter_invalid');
  };
  return check('permissions', permissions, FC_PERMISSIONS) ?? check('prefetch', prefetch, FC_PREFETCH) ?? { permissions, prefetch };
}

const noSuchCustomer = () => errorResponse(404, 'No such customer', 'invalid_request_error', 'resource_missing');

type CreateSession = (request: Request, params: SessionParams, idempotencyKey: string | undefined) => Promise<Response> | Response;

function stripeMode({ stripe, options }: SdkRouteContext): CreateSession {
  return async (request, params, idempotencyKey) => {
    if (!options.resolveCustomer) {
      return errorResponse(500, 'Financial Connections is not set up: the backend needs resolveCustomer(request) (or STRIPE_CUSTOMER).', 'api_error');
    }
    let customer: string | undefined;
    try {
      customer = (await options.resolveCustomer(request)) || undefined;
    } catch {
      customer = undefined;
    }
    if (!customer) return errorResponse(400, 'No customer could be resolved for this request.', 'invalid_request_error', 'customer_missing');
    // The site's ownership rule sees the account holder before any session exists for it.
    const holder = { id: customer, object: 'customer' };
    return ifAuthorized(options, request, holder, noSuchCustomer, () => createSession(request, customer, params, idempotencyKey));
  };

  async function createSession(request: Request, customer: string, params: SessionParams, idempotencyKey: string | undefined): Promise<Response> {
    const account = await accountOf(options, request);
    try {
      const session = await stripe.financialConnections.sessions.create(
        { account_holder: { type: 'customer', customer }, permissions: params.permissions, ...(params.prefetch.length > 0 && { prefetch: params.prefetch }) },
        {
          // Scoped to the customer so one user's key can never replay another user's session.
          ...(idempotencyKey && { idempotencyKey: `fcsess:${customer}:${idempotencyKey}` }),
          ...onAccount(account),
        },
      );
      if (!session.client_secret) return errorResponse(502, 'Stripe returned a session without a client_secret', 'api_error');
      return json({
        client_secret: session.client_secret,
        ...(options.publishableKey && { publishable_key: options.publishableKey }),
        ...(account && { stripe_account: account }),
      });
    } catch (cause) {
      return stripeErrorResponse(cause);
    }
  }
}

function simulatorMode({ simulator, options }: RouteContext): CreateSession {
  // A replayed key (same caller, same parameters) gets the first answer, as Stripe's idempotency does.
  const replays = new IdempotentReplays();
  const session = (params: SessionParams) => ({
    client_secret: createSimulatedSession(simulator, params).client_secret,
    ...(options.publishableKey && { publishable_key: options.publishableKey }),
    // Tells <fc-link-account> to finish the flow with the package's simulated Stripe.js, not Stripe's.
    simulated_stripe_js: { complete_url: `${(options.basePath ?? '/api').replace(/\/+$/, '')}${COMPLETE_ROUTE}` },
  });
  return async (request, params, idempotencyKey) => {
    if (!idempotencyKey) return json(session(params));
    const scoped = await callerIdempotencyKey('fcsess', options, request, 'session', idempotencyKey);
    return replays.answer(scoped, JSON.stringify(params), async () => ({ status: 200, body: session(params) }));
  };
}

const COMPLETE_ROUTE = '/simulator/financial_connections/sessions/complete';

/** The demo's simulated bank flow: the accounts on offer, and finishing a session with a choice of them. */
function addSimulatorControls(router: Router, { simulator }: RouteContext): void {
  router.add('POST', '/simulator/financial_connections/accounts', () => json({ object: 'list', data: simulatedInstitutionAccounts(simulator) }));
  router.add('POST', COMPLETE_ROUTE, async (request) => {
    const { client_secret: clientSecret, account_ids: accountIds = DEFAULT_LINKED_ACCOUNTS } = ((await readJson(request)) ?? {}) as Record<string, unknown>;
    if (typeof clientSecret !== 'string' || !Array.isArray(accountIds)) {
      return errorResponse(400, 'Expected { client_secret: string, account_ids?: string[] }', 'invalid_request_error', 'parameter_invalid');
    }
    const result = await completeSimulatedSession(simulator, clientSecret, accountIds.filter((id): id is string => typeof id === 'string'));
    return result ? json(result) : errorResponse(404, 'No such financial connections session', 'invalid_request_error', 'resource_missing');
  });
}

/**
 * `POST /financial_connections/sessions` with `{ permissions, prefetch? }` (optional `Idempotency-Key`
 * header, passed on to Stripe) answers `{ client_secret, publishable_key?, stripe_account? }`. The
 * account holder is the customer `options.resolveCustomer(request)` names, never one from the browser,
 * and `options.authorize(request, { id: customer, object: 'customer' })` must allow it (404 otherwise).
 * In simulator mode also `POST /simulator/financial_connections/{accounts,sessions/complete}`.
 */
export const financialConnectionsRoutes: RouteModule = (router, context) => {
  const create = context.mode === 'stripe' ? stripeMode(withSdk(context)) : simulatorMode(context);
  router.add('POST', '/financial_connections/sessions', async (request) => {
    const key = readIdempotencyKey(request, false);
    if (key instanceof Response) return key;
    const params = readParams(await readJson(request));
    return params instanceof Response ? params : create(request, params, key);
  });
  if (context.mode === 'simulator') addSimulatorControls(router, context);
};
