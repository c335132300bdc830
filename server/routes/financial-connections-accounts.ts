import { ifAuthorized } from '../authorize.js';
import type { BackendOptions, RouteContext, RouteModule, StripeObject } from '../context.js';
import { errorResponse, json, readJson, stripeErrorResponse } from '../http.js';
import { readIdempotencyKey } from '../request-checks.js';
import { accountOf, onAccount, plain, scopedIdempotencyKey, STRIPE_ID } from '../stripe-objects.js';
import type { Router } from '../router.js';
import { findAccount, finishRefresh, holdRefresh, listOwners, refreshRefusal, startRefresh } from '../simulator/financial-connections-accounts.js';

type Feature = 'balance' | 'ownership';
const FEATURES: readonly Feature[] = ['balance', 'ownership'];

/** Unknown, malformed, someone else's and denied accounts all look alike, and the id is never echoed. */
const noSuchAccount = () => errorResponse(404, 'No such financial connections account', 'invalid_request_error', 'resource_missing');
const notSetUp = () => errorResponse(500, 'Financial Connections is not set up: the backend needs resolveCustomer(request) (or STRIPE_CUSTOMER).', 'api_error');

const pick = (object: unknown, keys: readonly string[]): Record<string, unknown> | null => {
  if (typeof object !== 'object' || object === null) return null;
  const source = object as Record<string, unknown>;
  return Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key]]));
};
const REFRESH_FIELDS = ['status', 'last_attempted_at', 'next_refresh_available_at'] as const;

/**
 * Only what `<fc-link-account>` reads: the account's names and kind, its permissions, the current
 * balance, the refresh states and the ownership's id (never its owners or the account holder).
 */
export function accountForBrowser(account: StripeObject): Record<string, unknown> {
  const ownership = account.ownership;
  return {
    ...pick(account, ['id', 'object', 'institution_name', 'display_name', 'category', 'subcategory', 'last4', 'status', 'permissions']),
    balance: pick(account.balance, ['as_of', 'current', 'type']),
    balance_refresh: pick(account.balance_refresh, REFRESH_FIELDS),
    ownership: typeof ownership === 'object' && ownership !== null ? ((ownership as { id?: unknown }).id ?? null) : (ownership ?? null),
    ownership_refresh: pick(account.ownership_refresh, REFRESH_FIELDS),
  };
}

interface AccountsMode {
  retrieve(request: Request, id: string): Promise<StripeObject | Response> | StripeObject | Response;
  /** The owners' names of `ownership` (the id the retrieved account named). */
  ownerNames(request: Request, id: string, ownership: string): Promise<{ names: unknown[]; hasMore: boolean } | Response> | { names: unknown[]; hasMore: boolean } | Response;
  /** Called only for an account that passed the holder check and `authorize`; the key is already scoped. */
  refresh(request: Request, id: string, features: Feature[], idempotencyKey: string): Promise<StripeObject | Response> | StripeObject | Response;
}

function stripeMode({ stripe, options }: RouteContext): AccountsMode {
  const on = async (request: Request) => onAccount(await accountOf(options, request));
  return {
    async retrieve(request, id) {
      try {
        return plain(await stripe.financialConnections.accounts.retrieve(id, {}, await on(request))) as StripeObject;
      } catch (cause) {
        return stripeErrorResponse(cause);
      }
    },
    async ownerNames(request, id, ownership) {
      try {
        const owners = await stripe.financialConnections.accounts.listOwners(id, { ownership, limit: 100 }, await on(request));
        return { names: owners.data.map((owner) => owner.name), hasMore: owners.has_more };
      } catch (cause) {
        return stripeErrorResponse(cause);
      }
    },
    async refresh(request, id, features, idempotencyKey) {
      try {
        return plain(await stripe.financialConnections.accounts.refresh(id, { features }, { idempotencyKey, ...(await on(request)) })) as StripeObject;
      } catch (cause) {
        return stripeErrorResponse(cause);
      }
    },
  };
}

function simulatorMode({ simulator }: RouteContext): AccountsMode {
  const answered = new Map<string, StripeObject | Response>();
  return {
    retrieve: (_request, id) => findAccount(simulator, id) ?? noSuchAccount(),
    ownerNames(_request, _id, ownership) {
      const owners = listOwners(simulator, ownership);
      return owners ? { names: owners.data.map((owner) => owner.name), hasMore: owners.has_more } : noSuchAccount();
    },
    refresh(_request, id, features, key) {
      const replay = answered.get(key);
      if (replay) return replay instanceof Response ? replay.clone() : replay;
      const account = findAccount(simulator, id)!;
      const refusal = features.map((feature) => refreshRefusal(account, feature, simulator.now())).find(Boolean);
      let answer: StripeObject | Response;
      if (refusal) {
        answer = errorResponse(400, refusal, 'invalid_request_error');
      } else {
        for (const feature of features) startRefresh(simulator, id, feature);
        answer = findAccount(simulator, id)!;
      }
      answered.set(key, answer instanceof Response ? answer.clone() : answer);
      return answer;
    },
  };
}

async function customerOf(options: BackendOptions, request: Request): Promise<string | undefined> {
  try {
    return (await options.resolveCustomer?.(request)) || undefined;
  } catch {
    return undefined;
  }
}

/** `{ "features": ["balance"] }` (or `ownership`): transactions are out of the widget's scope. */
function readFeatures(body: unknown): Feature[] | Response {
  const features = (body as { features?: unknown } | undefined)?.features;
  if (!Array.isArray(features) || features.length === 0 || features.some((f) => !FEATURES.includes(f as Feature))) {
    return errorResponse(400, `features must list one or more of: ${FEATURES.join(', ')}`, 'invalid_request_error', 'parameter_invalid');
  }
  return [...new Set(features as Feature[])];
}

/**
 * `GET /financial_connections/accounts/:id` (the account, only the fields the widget reads),
 * `GET /financial_connections/accounts/:id/owners` (`{ object: 'list', data: [{ name }] }`: names only)
 * and `POST /financial_connections/accounts/:id/refresh` with `{ features: ['balance'] }` and an
 * `Idempotency-Key`. Each first retrieves the account from Stripe: its `account_holder.customer` must
 * be the customer `resolveCustomer(request)` names (required in stripe mode, like sessions) and
 * `authorize(request, account)` must allow it; otherwise 404, as for an unknown id. In simulator mode
 * also `POST /simulator/financial_connections/accounts/:id/refresh/:feature` with
 * `{ outcome: 'succeeded' | 'failed' }`, which ends a pending refresh now (`'pending'` keeps it pending
 * until then: it no longer ends by itself).
 */
export const financialConnectionsAccountRoutes: RouteModule = (router, context) => {
  const mode = context.mode === 'stripe' ? stripeMode(context) : simulatorMode(context);
  const { options } = context;

  /** The account, once the holder check and `authorize` allowed it; otherwise the response to send. */
  async function visibleAccount(request: Request, id: string, answer: (account: StripeObject) => Promise<Response> | Response): Promise<Response> {
    if (!STRIPE_ID.test(id)) return noSuchAccount();
    if (context.mode === 'stripe' && !options.resolveCustomer) return notSetUp();
    const customer = await customerOf(options, request);
    if (context.mode === 'stripe' && !customer) return noSuchAccount();
    const found = await mode.retrieve(request, id);
    if (found instanceof Response) return found.status === 404 ? noSuchAccount() : found;
    const holder = found.account_holder as { customer?: unknown } | null | undefined;
    if (customer !== undefined && holder?.customer !== customer) return noSuchAccount();
    return ifAuthorized(options, request, found, noSuchAccount, answer);
  }

  router.add('GET', '/financial_connections/accounts/:id', (request, { id = '' }) => visibleAccount(request, id, (account) => json(accountForBrowser(account))));
  router.add('GET', '/financial_connections/accounts/:id/owners', (request, { id = '' }) =>
    visibleAccount(request, id, async (account) => {
      const ownership = accountForBrowser(account).ownership;
      if (typeof ownership !== 'string') return json({ object: 'list', data: [], has_more: false });
      const owners = await mode.ownerNames(request, id, ownership);
      if (owners instanceof Response) return owners;
      const names = owners.names.map((name) => ({ name: typeof name === 'string' ? name : null }));
      return json({ object: 'list', data: names, has_more: owners.hasMore });
    }),
  );
  router.add('POST', '/financial_connections/accounts/:id/refresh', async (request, { id = '' }) => {
    const key = readIdempotencyKey(request, true);
    if (key instanceof Response) return key;
    const features = readFeatures(await readJson(request));
    if (features instanceof Response) return features;
    return visibleAccount(request, id, async () => {
      const scoped = await scopedIdempotencyKey('fcrefresh', [await accountOf(options, request), await customerOf(options, request), id], key);
      const refreshed = await mode.refresh(request, id, features, scoped);
      return refreshed instanceof Response ? refreshed : json(accountForBrowser(refreshed));
    });
  });
  if (context.mode === 'simulator') addSimulatorControls(router, context);
};

function addSimulatorControls(router: Router, { simulator }: RouteContext): void {
  router.add('POST', '/simulator/financial_connections/accounts/:id/refresh/:feature', async (request, { id = '', feature = '' }) => {
    const { outcome = 'succeeded' } = ((await readJson(request)) ?? {}) as Record<string, unknown>;
    if (!FEATURES.includes(feature as Feature) || (outcome !== 'succeeded' && outcome !== 'failed' && outcome !== 'pending')) {
      return errorResponse(400, 'Expected /refresh/balance or /refresh/ownership and { outcome: "succeeded" | "failed" | "pending" }', 'invalid_request_error', 'parameter_invalid');
    }
    if (outcome === 'pending') {
      const held = holdRefresh(simulator, id, feature as Feature);
      return held ? json(accountForBrowser(findAccount(simulator, id)!)) : errorResponse(404, 'No such pending refresh', 'invalid_request_error', 'resource_missing');
    }
    const account = await finishRefresh(simulator, id, feature as Feature, outcome);
    return account ? json(accountForBrowser(account)) : errorResponse(404, 'No such pending refresh', 'invalid_request_error', 'resource_missing');
  });
}
