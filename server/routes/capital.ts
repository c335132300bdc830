import { ifAuthorized } from '../authorize.js';
import { expandReplacementChain, type OfferLookup } from '../capital-chain.js';
import type { BackendOptions, RouteContext, RouteModule, StripeObject } from '../context.js';
import { backendErrorResponse, errorResponse, json, readJson, stripeErrorResponse } from '../http.js';
import { previewStripeVersion } from '../preview-versions.js';
import { readIdempotencyKey } from '../request-checks.js';
import { accountOf, callerIdempotencyKey, plain, STRIPE_ID } from '../stripe-objects.js';
import { objectIssues, unrenderableObjectResponse } from '../validate-object.js';
import {
  createOffer,
  markDelivered,
  markDeliveredRefusal,
  replaceOffer,
  replaceRefusal,
  seedCapitalOffers,
  SIMULATED_CAPITAL_ACCOUNT,
  type SimulatedOffer,
} from '../simulator/capital.js';
import { IdempotentReplays } from '../simulator/idempotent-replays.js';

type Offer = Record<string, unknown> & { id: string };

const ACTIONABLE = new Set(['undelivered', 'delivered']);

/** The account's current offer: the newest one it can still act on, else the newest not replaced. */
export function pickCurrentOffer<T extends Offer>(offers: T[]): T | undefined {
  const live = offers
    .filter((offer) => offer.status !== 'replaced')
    .sort((a, b) => (Number(b.created) || 0) - (Number(a.created) || 0));
  return live.find((offer) => ACTIONABLE.has(String(offer.status))) ?? live[0];
}

const noOffer = () => errorResponse(404, 'No financing offer', 'invalid_request_error', 'resource_missing');
/** Unknown, malformed and denied ids all look alike, and the id is never echoed. */
const noSuchOffer = () => errorResponse(404, 'No such financing offer', 'invalid_request_error', 'resource_missing');

/** Pages of 100 (Stripe's maximum) read at most, so one request never walks an unbounded list. */
const MAX_LIST_PAGES = 10;

/** Each mode looks offers up: the object(s) for the browser, or the response to send instead. */
interface CapitalMode {
  retrieve(request: Request, id: string): Promise<Offer | Response> | Offer | Response;
  /** Every offer of the request's account (not yet checked by `authorize`). */
  offersOfAccount(request: Request): Promise<Offer[] | Response> | Offer[] | Response;
  /** Only called once `retrieve`'s offer passed `authorize`; `key` is already scoped to the caller. */
  markDelivered(request: Request, id: string, key: string): Promise<Response> | Response;
}

/**
 * Capital is a platform-level API: the platform reads its connected accounts' offers with its own key
 * (no `Stripe-Account` header) and filters the list with `connected_account`
 * (https://docs.stripe.com/api/capital/financing_offers/list). Calls carry the documented preview
 * `Stripe-Version` (see preview-versions.ts).
 */
function stripeMode({ stripe, options }: RouteContext): CapitalMode {
  const requestOptions = () => ({ apiVersion: previewStripeVersion(options, 'capital') });
  return {
    async retrieve(request, id) {
      const account = await accountOf(options, request);
      try {
        // The SDK has no method for this preview API yet.
        const offer = (await stripe.rawRequest('GET', `/v1/capital/financing_offers/${encodeURIComponent(id)}`, undefined, requestOptions())) as Record<
          string,
          unknown
        >;
        // The platform key reads every connected account's offers: answer only the request's own.
        if (account && offer.account !== account) return noSuchOffer();
        return plain(offer) as Offer;
      } catch (cause) {
        return stripeErrorResponse(cause);
      }
    },
    async markDelivered(_request, id, idempotencyKey) {
      try {
        const offer = (await stripe.rawRequest('POST', `/v1/capital/financing_offers/${encodeURIComponent(id)}/mark_delivered`, {}, {
          ...requestOptions(),
          idempotencyKey,
        })) as Record<string, unknown>;
        const answer = plain(offer);
        return unrenderableObjectResponse(answer) ?? json(answer);
      } catch (cause) {
        return stripeErrorResponse(cause);
      }
    },
    async offersOfAccount(request) {
      // Without an account the list holds every connected account's offers: never pick among them.
      if (!options.resolveStripeAccount) {
        return backendErrorResponse(500, 'The current financing offer needs resolveStripeAccount in stripe mode');
      }
      const account = await accountOf(options, request);
      if (!account) return [];
      const offers: Offer[] = [];
      try {
        let startingAfter: string | undefined;
        for (let page = 0; page < MAX_LIST_PAGES; page++) {
          const query = new URLSearchParams({ connected_account: account, limit: '100', ...(startingAfter && { starting_after: startingAfter }) });
          const list = (await stripe.rawRequest('GET', `/v1/capital/financing_offers?${query}`, undefined, requestOptions())) as {
            data?: unknown;
            has_more?: unknown;
          };
          const data = Array.isArray(list.data) ? (list.data as Offer[]) : [];
          offers.push(...data.filter((offer) => offer.account === account).map((offer) => plain(offer) as Offer));
          const last = data.at(-1)?.id;
          if (list.has_more !== true || typeof last !== 'string') break;
          startingAfter = last;
        }
      } catch (cause) {
        return stripeErrorResponse(cause);
      }
      return offers;
    },
  };
}

function simulatorMode({ simulator }: RouteContext): CapitalMode {
  seedCapitalOffers(simulator);
  const offers = () => simulator.list<SimulatedOffer>((o) => o.object === 'capital.financing_offer');
  const find = (id: string) => {
    const offer = simulator.get<SimulatedOffer>(id);
    return offer?.object === 'capital.financing_offer' ? offer : undefined;
  };
  const replays = new IdempotentReplays();
  return {
    retrieve(_request, id) {
      return find(id) ?? noSuchOffer();
    },
    offersOfAccount() {
      return offers().filter((o) => o.account === SIMULATED_CAPITAL_ACCOUNT);
    },
    markDelivered(_request, id, key) {
      return replays.answer(key, id, async () => {
        const current = find(id);
        if (!current) return { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such financing offer' } } };
        const refusal = markDeliveredRefusal(current);
        return refusal ? { status: 400, body: { error: { type: 'invalid_request_error', message: refusal } } } : { status: 200, body: markDelivered(simulator, id) };
      });
    },
  };
}

/**
 * Looks offers of a chain up for `expandReplacementChain`: each one through `retrieve` and the site's
 * `authorize`, and only when the widgets can render it; anything else stays a plain id.
 */
function chainLookup(options: BackendOptions, request: Request, mode: CapitalMode): OfferLookup {
  return async (id) => {
    if (!STRIPE_ID.test(id)) return undefined;
    const found = await mode.retrieve(request, id);
    if (found instanceof Response) return undefined;
    if (options.authorize && (await options.authorize(request, found as StripeObject)) !== true) return undefined;
    return objectIssues(found).length === 0 ? found : undefined;
  };
}

/**
 * The account's current offer among those the site's `authorize` lets this request see, with the offers
 * it replaced expanded (from the same visible list: no more calls to Stripe).
 */
async function currentOffer(options: BackendOptions, request: Request, found: Offer[] | Response): Promise<Response> {
  if (found instanceof Response) return found;
  const { authorize } = options;
  const visible: Offer[] = [];
  for (const offer of found) {
    if (!authorize || (await authorize(request, offer as StripeObject)) === true) visible.push(offer);
  }
  const picked = pickCurrentOffer(visible);
  if (!picked) return noOffer();
  const byId = new Map(visible.filter((offer) => objectIssues(offer).length === 0).map((offer) => [offer.id, offer]));
  return unrenderableObjectResponse(picked) ?? json(await expandReplacementChain(picked, async (id) => byId.get(id)));
}

/**
 * `GET /capital/financing_offers/:id` (one offer), `GET /capital/financing_offers` (the account's current
 * offer among those `authorize` allows, 404 when none; in stripe mode it needs `resolveStripeAccount`),
 * both with their replacement chain expanded in place (one request reaches the live offer and its
 * history), and `POST /capital/financing_offers/:id/mark_delivered` (needs an `Idempotency-Key`; the
 * offer is retrieved and authorized first). In simulator mode also `POST /simulator/capital/replace`
 * `{ offerId, advanceAmount? }` and `POST /simulator/capital/financing_offers` `{ advanceAmount?,
 * currency?, status? }` (a new offer, `undelivered` unless `status: 'delivered'`).
 */
export const capitalRoutes: RouteModule = (router, context) => {
  const mode = context.mode === 'stripe' ? stripeMode(context) : simulatorMode(context);
  const { options } = context;
  router.add('GET', '/capital/financing_offers', async (request) => currentOffer(options, request, await mode.offersOfAccount(request)));
  router.add('GET', '/capital/financing_offers/:id', async (request, { id = '' }) =>
    STRIPE_ID.test(id)
      ? ifAuthorized(options, request, await mode.retrieve(request, id), noSuchOffer, async (offer) =>
          json(await expandReplacementChain(offer, chainLookup(options, request, mode))),
        )
      : noSuchOffer(),
  );
  router.add('POST', '/capital/financing_offers/:id/mark_delivered', async (request, { id = '' }) => {
    if (!STRIPE_ID.test(id)) return noSuchOffer();
    const key = readIdempotencyKey(request, true);
    if (key instanceof Response) return key;
    // `capdeliver:<digest of account, customer, offer>:<key>`: another user's key never replays this one.
    const scoped = await callerIdempotencyKey('capdeliver', options, request, id, key);
    // Retrieve and authorize first: an offer the user may not see is never marked.
    return ifAuthorized(options, request, await mode.retrieve(request, id), noSuchOffer, () => mode.markDelivered(request, id, scoped));
  });
  if (context.mode !== 'simulator') return;
  router.add('POST', '/simulator/capital/financing_offers', async (request) => {
    const body = ((await readJson(request)) ?? {}) as { advanceAmount?: unknown; currency?: unknown; status?: unknown };
    const advanceAmount = Number.isInteger(body.advanceAmount) && (body.advanceAmount as number) > 0 ? (body.advanceAmount as number) : undefined;
    return json(
      await createOffer(context.simulator, {
        ...(advanceAmount !== undefined && { advanceAmount }),
        ...(typeof body.currency === 'string' && /^[a-z]{3}$/.test(body.currency) && { currency: body.currency }),
        ...(body.status === 'delivered' && { status: 'delivered' as const }),
      }),
    );
  });
  router.add('POST', '/simulator/capital/replace', async (request) => {
    const body = (await readJson(request)) as { offerId?: unknown; advanceAmount?: unknown } | undefined;
    const id = typeof body?.offerId === 'string' ? body.offerId : '';
    const advance = typeof body?.advanceAmount === 'number' && Number.isInteger(body.advanceAmount) && body.advanceAmount > 0 ? body.advanceAmount : undefined;
    const current = context.simulator.get<SimulatedOffer>(id);
    const refusal = replaceRefusal(current?.object === 'capital.financing_offer' ? current : undefined);
    if (refusal) return errorResponse(current ? 400 : 404, refusal);
    return json(await replaceOffer(context.simulator, id, advance));
  });
};
