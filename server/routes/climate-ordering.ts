import type { BackendOptions, RouteContext, RouteModule, StripeObject } from '../context.js';
import { withSdk, type SdkRouteContext } from '../sdk-context.js';
import { errorResponse, json, readJson, stripeErrorResponse } from '../http.js';
import { readIdempotencyKey } from '../request-checks.js';
import { accountOf, onAccount, plain, scopedIdempotencyKey, STRIPE_ID } from '../stripe-objects.js';
import { IdempotentReplays } from '../simulator/idempotent-replays.js';
import { objectIssues, unrenderableObjectResponse } from '../validate-object.js';
import { addProduct, changePrice, findProduct, listProducts, orderRefusal, placeOrder, seedClimateProducts } from '../simulator/climate-products.js';

/** What `<climate-order-form>` POSTs to `{endpoint}/orders`. */
export interface OrderParams {
  product: string;
  metric_tons?: string;
  amount?: number;
  currency: string;
  beneficiary?: { public_name: string };
}

const ORDER_FIELDS = new Set(['product', 'metric_tons', 'amount', 'currency', 'beneficiary']);
/** Stripe's decimal strings: digits, at most 12 decimals (its `v1-api` precision). */
const METRIC_TONS = /^\d{1,12}(\.\d{1,12})?$/;
const BENEFICIARY_MAX = 5000;

const invalid = (message: string, code = 'parameter_invalid') => errorResponse(400, message, 'invalid_request_error', code);
/** Unknown, malformed and denied products all look alike, and the id is never echoed. */
const noSuchProduct = () => errorResponse(404, 'No such climate product', 'invalid_request_error', 'resource_missing');

/** Checks the browser's order request; the 400 to send otherwise (never echoing what was sent). */
export function readOrderParams(body: unknown): OrderParams | Response {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid('Expected a JSON object', 'parameter_missing');
  const fields = body as Record<string, unknown>;
  if (Object.keys(fields).some((key) => !ORDER_FIELDS.has(key))) {
    return invalid('Only product, metric_tons or amount, currency and beneficiary are accepted', 'parameter_unknown');
  }
  const { product, metric_tons: tons, amount, currency, beneficiary } = fields;
  if (typeof product !== 'string' || !STRIPE_ID.test(product)) return invalid('product must be a climate product id', 'parameter_missing');
  if ((tons === undefined) === (amount === undefined)) return invalid('Give exactly one of metric_tons or amount');
  if (tons !== undefined && (typeof tons !== 'string' || !METRIC_TONS.test(tons) || !(Number(tons) > 0))) {
    return invalid('metric_tons must be a positive decimal string such as "0.5"');
  }
  if (amount !== undefined && (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0)) {
    return invalid("amount must be a positive whole number in the currency's smallest unit");
  }
  if (typeof currency !== 'string' || !/^[a-z]{3}$/.test(currency)) return invalid('currency must be a lowercase ISO 4217 code');
  let name: string | undefined;
  if (beneficiary !== undefined) {
    const { public_name: publicName, ...rest } = (typeof beneficiary === 'object' && beneficiary !== null ? beneficiary : {}) as Record<string, unknown>;
    name = typeof publicName === 'string' ? publicName.trim() : '';
    if (Object.keys(rest).length > 0 || !name || name.length > BENEFICIARY_MAX) return invalid(`beneficiary must be { public_name } with 1-${BENEFICIARY_MAX} characters`);
  }
  return {
    product,
    ...(tons !== undefined ? { metric_tons: tons as string } : { amount: amount as number }),
    currency,
    ...(name && { beneficiary: { public_name: name } }),
  };
}

interface OrderingMode {
  products(request: Request): Promise<StripeObject[] | Response> | StripeObject[] | Response;
  product(request: Request, id: string): Promise<StripeObject | Response> | StripeObject | Response;
  /** Called only once the product passed the site's `authorize`; the key is already scoped. */
  create(request: Request, params: OrderParams, metadata: Record<string, string> | undefined, key: string): Promise<Response> | Response;
}

function stripeMode({ stripe, options }: SdkRouteContext): OrderingMode {
  return {
    async products(request) {
      try {
        const list = await stripe.climate.products.list({ limit: 100 }, onAccount(await accountOf(options, request)));
        return list.data.map((product) => plain(product) as StripeObject);
      } catch (cause) {
        return stripeErrorResponse(cause);
      }
    },
    async product(request, id) {
      try {
        return plain(await stripe.climate.products.retrieve(id, {}, onAccount(await accountOf(options, request)))) as StripeObject;
      } catch (cause) {
        return stripeErrorResponse(cause);
      }
    },
    async create(request, params, metadata, idempotencyKey) {
      const { metric_tons: tons, ...rest } = params;
      try {
        const order = await stripe.climate.orders.create(
          { ...rest, ...(tons !== undefined && { metric_tons: stripe.Decimal.from(tons) }), ...(metadata && { metadata }), expand: ['product'] },
          { idempotencyKey, ...onAccount(await accountOf(options, request)) },
        );
        const answer = plain(order);
        return unrenderableObjectResponse(answer) ?? json(answer);
      } catch (cause) {
        return stripeErrorResponse(cause);
      }
    },
  };
}

function simulatorMode({ simulator }: RouteContext): OrderingMode {
  seedClimateProducts(simulator);
  // A replayed key gets the first answer; the same key with other parameters is refused, as Stripe does.
  const replays = new IdempotentReplays();
  return {
    products: () => listProducts(simulator),
    product: (_request, id) => findProduct(simulator, id) ?? noSuchProduct(),
    create(_request, params, metadata, key) {
      return replays.answer(key, JSON.stringify([params, metadata]), async () => {
        const quantity = params.metric_tons !== undefined ? { metric_tons: params.metric_tons } : { amount: params.amount! };
        const request = { product: params.product, quantity, currency: params.currency, ...(params.beneficiary && { beneficiary: params.beneficiary }), ...(metadata && { metadata }) };
        const refusal = orderRefusal(findProduct(simulator, params.product), request);
        return refusal
          ? { status: refusal.status, body: { error: { type: 'invalid_request_error', message: refusal.message, ...(refusal.param && { param: refusal.param }) } } }
          : { status: 200, body: await placeOrder(simulator, request) };
      });
    },
  };
}

/** The site's metadata for a new order (who bought it), so its `authorize` recognizes the order later. */
async function orderMetadata(options: BackendOptions, request: Request): Promise<Record<string, string> | undefined> {
  const metadata = await options.climateOrderMetadata?.(request);
  return metadata && Object.keys(metadata).length > 0 ? metadata : undefined;
}

/** The products this user may buy (`authorize`), each one a widget can render. */
async function buyableProducts(options: BackendOptions, request: Request, products: StripeObject[]): Promise<StripeObject[]> {
  const allowed: StripeObject[] = [];
  for (const product of products) {
    if (options.authorize && (await options.authorize(request, product)) !== true) continue;
    if (objectIssues(product).length > 0) {
      unrenderableObjectResponse(product); // logs which fields failed
      continue;
    }
    allowed.push(product);
  }
  return allowed;
}

/**
 * `GET /climate/products` (the `climate.product`s this user may buy: `authorize(request, product)`) and
 * `POST /climate/orders` with `{ product, metric_tons | amount, currency, beneficiary? }` and an
 * `Idempotency-Key` (required; scoped per caller before it reaches Stripe). The product is retrieved
 * and authorized before any order is created; the answer is the new order, product expanded. In
 * simulator mode also `POST /simulator/climate/products` (a new product, `climate.product.created`) and
 * `POST /simulator/climate/products/:id/price` (`{ percent? }`, `climate.product.pricing_updated`).
 */
export const climateOrderingRoutes: RouteModule = (router, context) => {
  const mode = context.mode === 'stripe' ? stripeMode(withSdk(context)) : simulatorMode(context);
  const { options } = context;
  router.add('GET', '/climate/products', async (request) => {
    const products = await mode.products(request);
    if (products instanceof Response) return products;
    return json({ object: 'list', data: await buyableProducts(options, request, products), has_more: false, url: '/v1/climate/products' });
  });
  router.add('POST', '/climate/orders', async (request) => {
    const key = readIdempotencyKey(request, true);
    if (key instanceof Response) return key;
    const params = readOrderParams(await readJson(request));
    if (params instanceof Response) return params;
    const product = await mode.product(request, params.product);
    if (product instanceof Response) return product.status === 404 ? noSuchProduct() : product;
    if (options.authorize && (await options.authorize(request, product)) !== true) return noSuchProduct();
    const metadata = await orderMetadata(options, request);
    const scoped = await scopedIdempotencyKey('climorder', [await accountOf(options, request), await customerOf(options, request), JSON.stringify(metadata ?? null)], key);
    return mode.create(request, params, metadata, scoped);
  });
  if (context.mode !== 'simulator') return;
  const { simulator } = context;
  router.add('POST', '/simulator/climate/products', async () => json(await addProduct(simulator)));
  router.add('POST', '/simulator/climate/products/:id/price', async (request, { id = '' }) => {
    if (!findProduct(simulator, id)) return noSuchProduct();
    const { percent } = ((await readJson(request)) ?? {}) as Record<string, unknown>;
    const change = typeof percent === 'number' && Number.isFinite(percent) && percent > -100 && percent <= 1000 ? percent : 10;
    return json(await changePrice(simulator, id, change));
  });
};

async function customerOf(options: BackendOptions, request: Request): Promise<string | undefined> {
  try {
    return (await options.resolveCustomer?.(request)) || undefined;
  } catch {
    return undefined; // a buyer with no customer still orders; the account and metadata still scope the key
  }
}
