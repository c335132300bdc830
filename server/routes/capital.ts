import { ifAuthorized } from '../authorize.js';
import type { RouteContext, RouteModule } from '../context.js';
import { errorResponse, json, readJson, stripeErrorResponse } from '../http.js';
import { accountOf, onAccount, plain } from '../stripe-objects.js';
import { replaceOffer, replaceRefusal, seedCapitalOffers, SIMULATED_CAPITAL_ACCOUNT, type SimulatedOffer } from '../simulator/capital.js';

type Offer = { id: string; status?: unknown; account?: unknown; created?: unknown };

const ID = /^[A-Za-z0-9_]{1,255}$/;
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

/** Each mode looks the offer up: the object for the browser, or the response to send instead. */
interface CapitalMode {
  retrieve(request: Request, id: string): Promise<object | Response> | object | Response;
  current(request: Request): Promise<object | Response> | object | Response;
}

function stripeMode({ stripe, options }: RouteContext): CapitalMode {
  return {
    async retrieve(request, id) {
      const account = await accountOf(options, request);
      try {
        // The SDK has no method for this preview API yet.
        const offer = (await stripe.rawRequest('GET', `/v1/capital/financing_offers/${encodeURIComponent(id)}`, undefined, onAccount(account))) as Record<string, unknown>;
        // Never show one account's offer to another, whatever the API allowed.
        if (account && typeof offer.account === 'string' && offer.account !== account) return noSuchOffer();
        return plain(offer);
      } catch (cause) {
        return stripeErrorResponse(cause);
      }
    },
    async current(request) {
      const account = await accountOf(options, request);
      try {
        const list = (await stripe.rawRequest('GET', '/v1/capital/financing_offers?limit=20', undefined, onAccount(account))) as { data?: Offer[] };
        const offers = (Array.isArray(list.data) ? list.data : []).filter((o) => !account || typeof o.account !== 'string' || o.account === account);
        return pickCurrentOffer(offers) ?? noOffer();
      } catch (cause) {
        return stripeErrorResponse(cause);
      }
    },
  };
}

function simulatorMode({ simulator }: RouteContext): CapitalMode {
  seedCapitalOffers(simulator);
  const offers = () => simulator.list<SimulatedOffer>((o) => o.object === 'capital.financing_offer');
  return {
    retrieve(_request, id) {
      const offer = simulator.get(id);
      return offer?.object === 'capital.financing_offer' ? offer : noSuchOffer();
    },
    current() {
      return pickCurrentOffer(offers().filter((o) => o.account === SIMULATED_CAPITAL_ACCOUNT)) ?? noOffer();
    },
  };
}

/**
 * `GET /capital/financing_offers/:id` (one offer), `GET /capital/financing_offers` (the account's current
 * offer, 404 when none) and, in simulator mode, `POST /simulator/capital/replace` `{ offerId, advanceAmount? }`.
 */
export const capitalRoutes: RouteModule = (router, context) => {
  const mode = context.mode === 'stripe' ? stripeMode(context) : simulatorMode(context);
  const { options } = context;
  router.add('GET', '/capital/financing_offers', async (request) => ifAuthorized(options, request, await mode.current(request), noOffer));
  router.add('GET', '/capital/financing_offers/:id', async (request, { id = '' }) =>
    ID.test(id) ? ifAuthorized(options, request, await mode.retrieve(request, id), noSuchOffer) : noSuchOffer(),
  );
  if (context.mode !== 'simulator') return;
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
