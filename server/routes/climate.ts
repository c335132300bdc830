import { ifAuthorized } from '../authorize.js';
import type { BackendOptions, RouteContext, RouteModule } from '../context.js';
import { errorResponse, json, readJson, stripeErrorResponse } from '../http.js';
import { readIdempotencyKey } from '../request-checks.js';
import { accountOf, onAccount, plain, scopedIdempotencyKey, STRIPE_ID } from '../stripe-objects.js';
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
import { SimulatedIdempotency, simulatedCaller } from '../simulator/idempotency.js';


/** Unknown, malformed and denied ids all look alike, and the id is never echoed. */
const noSuchOrder = () => errorResponse(404, 'No such climate order', 'invalid_request_error', 'resource_missing');

interface ClimateMode {
  /** The order (product expanded) for the browser, or the response to send instead. */
  retrieve(request: Request, id: string): Promise<object | Response> | object | Response;
  /** Only called once `retrieve`'s order passed the site's `authorize` hook; the key is already scoped. */
  cancel(request: Request, id: string, idempotencyKey: string): Promise<Response> | Response;
}

function stripeMode({ stripe, options }: RouteContext): ClimateMode {
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

function simulatorMode({ simulator, options }: RouteContext): ClimateMode {
  seedClimateOrders(simulator);
  // Replays of one cancel (same Idempotency-Key, same caller) get the first answer, as Stripe does.
  const idempotency = new SimulatedIdempotency();
  const find = (id: string) => {
    const order = simulator.get<SimulatedClimateOrder>(id);
    return order?.object === 'climate.order' ? order : undefined;
  };
  return {
    retrieve(_request, id) {
      return find(id) ?? noSuchOrder();
    },
    async cancel(request, id, idempotencyKey) {
      return idempotency.run(idempotencyKey, await simulatedCaller(options, request), { id }, async () => {
        const current = find(id);
        if (!current) return noSuchOrder();
        const refusal = transitionRefusal(current, 'buyer_cancel', simulator.now());
        return refusal ? errorResponse(400, refusal, 'invalid_request_error', 'order_not_cancelable') : json(await cancelOrder(simulator, id, 'requested'));
      });
    },
  };
}

/** Demo controls: what Frontier does to an order, each sending the webhook Stripe would send. */
function addSimulatorControls(router: Parameters<RouteModule>[0], { simulator }: RouteContext): void {
  const control = (action: 'deliver' | 'delay' | 'substitute' | 'cancel', run: (id: string, body: Record<string, unknown>) => Promise<SimulatedClimateOrder>) =>
    router.add('POST', `/simulator/climate/orders/:id/${action}`, async (request, { id = '' }) => {
      const current = simulator.get<SimulatedClimateOrder>(id);
      const refusal = transitionRefusal(current?.object === 'climate.order' ? current : undefined, action, simulator.now());
      if (refusal) return errorResponse(current ? 400 : 404, refusal);
      const body = ((await readJson(request)) ?? {}) as Record<string, unknown>;
      return json(await run(id, body));
    });
  control('deliver', (id) => deliverOrder(simulator, id));
  control('delay', (id, body) => {
    const year = typeof body.expectedDeliveryYear === 'number' && Number.isInteger(body.expectedDeliveryYear) ? body.expectedDeliveryYear : undefined;
    return delayOrder(simulator, id, year);
  });
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
  const mode = context.mode === 'stripe' ? stripeMode(context) : simulatorMode(context);
  const { options } = context;
  router.add('GET', '/climate/orders/:id', async (request, { id = '' }) =>
    STRIPE_ID.test(id) ? ifAuthorized(options, request, await mode.retrieve(request, id), noSuchOrder) : noSuchOrder(),
  );
  router.add('POST', '/climate/orders/:id/cancel', async (request, { id = '' }) => {
    if (!STRIPE_ID.test(id)) return noSuchOrder();
    const key = readIdempotencyKey(request, true);
    if (key instanceof Response) return key;
    const scoped = await cancelKey(options, request, id, key);
    if (!options.authorize) return mode.cancel(request, id, scoped);
    // Retrieve and authorize first: an order the user may not see is never canceled.
    return ifAuthorized(options, request, await mode.retrieve(request, id), noSuchOrder, () => mode.cancel(request, id, scoped));
  });
  if (context.mode === 'simulator') addSimulatorControls(router, context);
};

/**
 * The cancel's key as Stripe gets it (`climcancel:<digest>:<key>`, see `scopedIdempotencyKey`): scoped
 * by the connected account, the customer `resolveCustomer` names when the site set it, and the order.
 * Another user's request with the same key never gets this one's cancel replayed.
 */
async function cancelKey(options: BackendOptions, request: Request, id: string, key: string): Promise<string> {
  let customer: string | undefined;
  try {
    customer = (await options.resolveCustomer?.(request)) || undefined;
  } catch {
    customer = undefined; // a user with no customer still cancels; the account and order still scope the key
  }
  return scopedIdempotencyKey('climcancel', [await accountOf(options, request), customer, id], key);
}
