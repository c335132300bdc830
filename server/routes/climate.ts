import { ifAuthorized } from '../authorize.js';
import type { RouteContext, RouteModule } from '../context.js';
import { withSdk, type SdkRouteContext } from '../sdk-context.js';
import { errorResponse, json, readJson, stripeErrorResponse } from '../http.js';
import { readIdempotencyKey } from '../request-checks.js';
import { accountOf, callerIdempotencyKey, onAccount, plain, STRIPE_ID } from '../stripe-objects.js';
import { unrenderableObjectResponse } from '../validate-object.js';
import {
  cancelOrder,
  delayOrder,
  deliverOrder,
  seedClimateOrders,
  substituteProduct,
  transitionRefusal,
  type SimulatedClimateOrder,
} from '../simulator/climate.js';
import { IdempotentReplays, recorded } from '../simulator/idempotent-replays.js';


/** Unknown, malformed and denied ids all look alike, and the id is never echoed. */
const noSuchOrder = () => errorResponse(404, 'No such climate order', 'invalid_request_error', 'resource_missing');

interface ClimateMode {
  /** The order (product expanded) for the browser, or the response to send instead. */
  retrieve(request: Request, id: string): Promise<object | Response> | object | Response;
  /** Only called once `retrieve`'s order passed the site's `authorize` hook; the key is already scoped. */
  cancel(request: Request, id: string, idempotencyKey: string): Promise<Response> | Response;
}

function stripeMode({ stripe, options }: SdkRouteContext): ClimateMode {
  return {
    async retrieve(request, id) {
      const account = await accountOf(options, request);
      try {
        const order = await stripe.climate.orders.retrieve(id, { expand: ['product'] }, onAccount(account));
        return plain(order);
      } catch (cause) {
        return stripeErrorResponse(cause);
      }
    },
    async cancel(request, id, idempotencyKey) {
      const account = await accountOf(options, request);
      try {
        // Expanded like the GET, so the widget keeps showing the product's name.
        const order = plain(await stripe.climate.orders.cancel(id, { expand: ['product'] }, { idempotencyKey, ...onAccount(account) }));
        return unrenderableObjectResponse(order) ?? json(order);
      } catch (cause) {
        return stripeErrorResponse(cause);
      }
    },
  };
}

function simulatorMode({ simulator }: RouteContext): ClimateMode {
  seedClimateOrders(simulator);
  // Replays of one cancel (same caller-scoped Idempotency-Key) get the first answer, as Stripe does.
  const replays = new IdempotentReplays();
  const find = (id: string) => {
    const order = simulator.get<SimulatedClimateOrder>(id);
    return order?.object === 'climate.order' ? order : undefined;
  };
  return {
    retrieve(_request, id) {
      return find(id) ?? noSuchOrder();
    },
    cancel(_request, id, idempotencyKey) {
      return replays.answer(idempotencyKey, id, async () => {
        const current = find(id);
        if (!current) return recorded(noSuchOrder());
        const refusal = transitionRefusal(current, 'buyer_cancel', simulator.now());
        return refusal ? recorded(errorResponse(400, refusal, 'invalid_request_error', 'order_not_cancelable')) : { status: 200, body: await cancelOrder(simulator, id, 'requested') };
      });
    },
  };
}

/** A delay control's `expectedDeliveryYear`, when it is an integer. */
function delayYear(body: Record<string, unknown>): number | undefined {
  const year = body.expectedDeliveryYear;
  return typeof year === 'number' && Number.isInteger(year) ? year : undefined;
}

/** Demo controls: what Frontier does to an order, each sending the webhook Stripe would send. */
function addSimulatorControls(router: Parameters<RouteModule>[0], { simulator }: RouteContext): void {
  const control = (action: 'deliver' | 'delay' | 'substitute' | 'cancel', run: (id: string, body: Record<string, unknown>) => Promise<SimulatedClimateOrder>) =>
    router.add('POST', `/simulator/climate/orders/:id/${action}`, async (request, { id = '' }) => {
      const body = ((await readJson(request)) ?? {}) as Record<string, unknown>;
      const current = simulator.get<SimulatedClimateOrder>(id);
      const refusal = transitionRefusal(current?.object === 'climate.order' ? current : undefined, action, simulator.now(), delayYear(body));
      if (refusal) return errorResponse(current ? 400 : 404, refusal);
      return json(await run(id, body));
    });
  control('deliver', (id) => deliverOrder(simulator, id));
  control('delay', (id, body) => delayOrder(simulator, id, delayYear(body)));
  control('substitute', (id) => substituteProduct(simulator, id));
  control('cancel', (id) => cancelOrder(simulator, id, 'product_unavailable'));
  router.add('GET', '/simulator/climate/orders', () =>
    json({ object: 'list', data: simulator.list((o) => o.object === 'climate.order') }),
  );
}

/**
 * `GET /climate/orders/:id` (the order, product expanded) and `POST /climate/orders/:id/cancel`
 * (needs an `Idempotency-Key` header, passed on to Stripe). In simulator mode also the demo controls
 * `POST /simulator/climate/orders/:id/{deliver,delay,substitute,cancel}` (`delay` takes
 * `{ expectedDeliveryYear? }`) and `GET /simulator/climate/orders`.
 */
export const climateRoutes: RouteModule = (router, context) => {
  const mode = context.mode === 'stripe' ? stripeMode(withSdk(context)) : simulatorMode(context);
  const { options } = context;
  router.add('GET', '/climate/orders/:id', async (request, { id = '' }) =>
    STRIPE_ID.test(id) ? ifAuthorized(options, request, await mode.retrieve(request, id), noSuchOrder) : noSuchOrder(),
  );
  router.add('POST', '/climate/orders/:id/cancel', async (request, { id = '' }) => {
    if (!STRIPE_ID.test(id)) return noSuchOrder();
    const key = readIdempotencyKey(request, true);
    if (key instanceof Response) return key;
    // `climcancel:<digest of account, customer, order>:<key>`: another user's key never replays this cancel.
    const scoped = await callerIdempotencyKey('climcancel', options, request, id, key);
    if (!options.authorize) return mode.cancel(request, id, scoped);
    // Retrieve and authorize first: an order the user may not see is never canceled.
    return ifAuthorized(options, request, await mode.retrieve(request, id), noSuchOrder, () => mode.cancel(request, id, scoped));
  });
  if (context.mode === 'simulator') addSimulatorControls(router, context);
};

