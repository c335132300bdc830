/**
 * The part of api.stripe.com the reference backend calls, as the fake of Stripe's API knows it: which
 * method and path exist, which parameters each accepts or requires, and which are preview APIs that
 * Stripe serves only under a preview `Stripe-Version`. Anything else gets Stripe's own rejection.
 *
 * Sources (Stripe API reference): financing offers list/retrieve/mark_delivered
 * https://docs.stripe.com/api/capital/financing_offers/list (`connected_account`, `created`, `ending_before`,
 * `limit`, `starting_after`, `status`); shared payment granted tokens
 * https://docs.stripe.com/api/shared-payment/granted-token/retrieve; Climate orders, PaymentIntents and
 * Financial Connections sessions from the `stripe` SDK's typings (node_modules/stripe/types).
 * Financial Connections accounts retrieve / refresh (`features` required: balance, ownership,
 * transactions) / list owners (`ownership` required) https://docs.stripe.com/api/financial_connections/accounts;
 * Climate products list/retrieve https://docs.stripe.com/api/climate/product and order create
 * https://docs.stripe.com/api/climate/order/create (`product` required; "Either this or metric_tons
 * must be specified" for `amount`).
 * Creating a PaymentIntent with a granted token: `payment_method_data[shared_payment_granted_token]`, added in
 * 2026-04-22.preview (https://docs.stripe.com/changelog/dahlia/2026-04-22/shared-payment-granted-token),
 * so Stripe knows that parameter only under a preview `Stripe-Version`.
 */
export interface StripeEndpoint {
  method: 'GET' | 'POST';
  /** `:id` stands for one path segment. */
  path: string;
  /** Top-level parameter names Stripe accepts (`expand` is always accepted). */
  params: string[];
  /** Parameters Stripe refuses the call without, in Stripe's bracket form (`account_holder[type]`). */
  required?: string[];
  /** Served only under a `Stripe-Version` ending in `.preview`. */
  preview?: boolean;
  /** For a parameter that is a hash: the keys Stripe accepts inside it (others are unknown parameters). */
  nested?: Record<string, string[]>;
  /** Parameters (bracket form) that exist only under a preview `Stripe-Version`; unknown otherwise. */
  previewParams?: string[];
  /** What a missing object is called in Stripe's `No such …` message. */
  noun?: string;
  /** Limits Stripe enforces on a list's `limit`. */
  list?: true;
  /** Parameters of which Stripe takes exactly one (`amount` or `metric_tons`). */
  exactlyOne?: string[];
  /** Values Stripe accepts for a parameter (an array's items too: `features[0]`). */
  values?: Record<string, string[]>;
}

export const STRIPE_ENDPOINTS: StripeEndpoint[] = [
  {
    method: 'GET',
    path: '/v1/capital/financing_offers',
    params: ['connected_account', 'created', 'ending_before', 'limit', 'starting_after', 'status'],
    preview: true,
    list: true,
  },
  { method: 'GET', path: '/v1/capital/financing_offers/:id', params: [], preview: true, noun: 'financing offer' },
  { method: 'POST', path: '/v1/capital/financing_offers/:id/mark_delivered', params: [], preview: true, noun: 'financing offer' },
  { method: 'GET', path: '/v1/shared_payment/granted_tokens/:id', params: [], preview: true, noun: 'shared payment granted token' },
  { method: 'GET', path: '/v1/climate/orders/:id', params: [], noun: 'climate order' },
  { method: 'POST', path: '/v1/climate/orders/:id/cancel', params: [], noun: 'climate order' },
  { method: 'GET', path: '/v1/payment_intents/:id', params: ['client_secret'], noun: 'payment_intent' },
  { method: 'GET', path: '/v1/financial_connections/accounts/:id', params: [], noun: 'financial connections account' },
  {
    method: 'POST',
    path: '/v1/financial_connections/accounts/:id/refresh',
    params: ['features'],
    required: ['features[0]'],
    values: { features: ['balance', 'ownership', 'transactions'] },
    noun: 'financial connections account',
  },
  {
    method: 'GET',
    path: '/v1/financial_connections/accounts/:id/owners',
    params: ['ending_before', 'limit', 'ownership', 'starting_after'],
    required: ['ownership'],
    list: true,
    noun: 'financial connections account',
  },
  { method: 'GET', path: '/v1/climate/products', params: ['ending_before', 'limit', 'starting_after'], list: true },
  { method: 'GET', path: '/v1/climate/products/:id', params: [], noun: 'climate product' },
  {
    method: 'POST',
    path: '/v1/climate/orders',
    params: ['amount', 'beneficiary', 'currency', 'metadata', 'metric_tons', 'product'],
    required: ['product'],
    exactlyOne: ['amount', 'metric_tons'],
    noun: 'climate product',
  },
  {
    method: 'POST',
    path: '/v1/payment_intents',
    params: [
      'amount', 'application_fee_amount', 'automatic_payment_methods', 'capture_method', 'confirm', 'confirmation_method', 'currency',
      'confirmation_token', 'customer', 'description', 'error_on_requires_action', 'mandate', 'mandate_data', 'metadata',
      'off_session', 'on_behalf_of', 'payment_method', 'payment_method_configuration', 'payment_method_data',
      'payment_method_options', 'payment_method_types', 'radar_options', 'receipt_email', 'return_url', 'setup_future_usage',
      'shipping', 'statement_descriptor', 'statement_descriptor_suffix', 'transfer_data', 'transfer_group', 'use_stripe_sdk',
    ],
    required: ['amount', 'currency'],
    nested: {
      payment_method_data: ['type', 'billing_details', 'metadata', 'allow_redisplay', 'radar_options', 'card', 'shared_payment_granted_token'],
      transfer_data: ['amount', 'destination'],
    },
    previewParams: ['payment_method_data[shared_payment_granted_token]'],
  },
  {
    method: 'POST',
    path: '/v1/financial_connections/sessions',
    params: ['account_holder', 'filters', 'permissions', 'prefetch', 'return_url'],
    required: ['account_holder[type]', 'permissions[0]'],
  },
];

export type StripeErrorBody = { error: { type: string; message: string; code?: string; param?: string } };
export type Rejection = { status: number; body: StripeErrorBody };

const invalid = (status: number, message: string, extra: { code?: string; param?: string } = {}): Rejection => ({
  status,
  body: { error: { type: 'invalid_request_error', message, ...extra } },
});

/** The endpoint a request is for, and its `:id`, or undefined when Stripe has no such URL. */
export function matchEndpoint(method: string, path: string): { endpoint: StripeEndpoint; id?: string } | undefined {
  const segments = path.split('/');
  for (const endpoint of STRIPE_ENDPOINTS) {
    if (endpoint.method !== method) continue;
    const pattern = endpoint.path.split('/');
    if (pattern.length !== segments.length) continue;
    let id: string | undefined;
    const same = pattern.every((part, i) => {
      if (part !== ':id') return part === segments[i];
      id = decodeURIComponent(segments[i] ?? '');
      return id.length > 0;
    });
    if (same) return { endpoint, ...(id !== undefined && { id }) };
  }
  return undefined;
}

/** Stripe's answer to a call it would refuse before looking anything up, or undefined when it is acceptable. */
export function rejectRequest(
  method: string,
  path: string,
  params: URLSearchParams,
  stripeVersion: string | undefined,
): Rejection | undefined {
  const match = matchEndpoint(method, path);
  if (!match) {
    return invalid(404, `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`);
  }
  const { endpoint } = match;
  if (endpoint.preview && !stripeVersion?.endsWith('.preview')) {
    return invalid(400, `${endpoint.path} is a preview API: send a preview Stripe-Version (got ${stripeVersion ?? 'none'}).`, {
      code: 'api_version_invalid',
    });
  }
  for (const key of new Set(params.keys())) {
    const name = key.replace(/\[.*$/, '');
    const inner = /^[^[]+\[([^\]]+)\]/.exec(key)?.[1];
    const nested = endpoint.nested?.[name];
    const unknown =
      (name !== 'expand' && !endpoint.params.includes(name)) ||
      (nested !== undefined && inner !== undefined && !nested.includes(inner)) ||
      (endpoint.previewParams?.includes(key) && !stripeVersion?.endsWith('.preview'));
    if (unknown) return invalid(400, `Received unknown parameter: ${key}`, { code: 'parameter_unknown', param: key });
  }
  for (const key of endpoint.required ?? []) {
    if (!params.get(key)) return invalid(400, `Missing required param: ${key}.`, { code: 'parameter_missing', param: key });
  }
  if (endpoint.exactlyOne) {
    const given = endpoint.exactlyOne.filter((name) => params.has(name));
    if (given.length !== 1) {
      const [first, second] = endpoint.exactlyOne;
      return invalid(400, `You must specify exactly one of \`${first}\` or \`${second}\`.`, { code: 'parameter_invalid', param: given[1] ?? first! });
    }
  }
  for (const [key, value] of params) {
    const allowed = endpoint.values?.[key.replace(/\[\d+\]$/, '')];
    if (allowed && !allowed.includes(value)) {
      return invalid(400, `Invalid ${key}: must be one of ${allowed.join(', ')}`, { code: 'parameter_invalid', param: key });
    }
  }
  if (endpoint.list && params.has('limit')) {
    const limit = Number(params.get('limit'));
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      return invalid(400, 'This value must be between 1 and 100 (inclusive).', { code: 'parameter_invalid_integer', param: 'limit' });
    }
  }
  return undefined;
}

/** Stripe's 404 for a well-formed call whose object does not exist. */
export function missingObject(method: string, path: string): Rejection {
  const match = matchEndpoint(method, path);
  const noun = match?.endpoint.noun ?? 'object';
  return invalid(404, `No such ${noun}: '${match?.id ?? ''}'`, { code: 'resource_missing', param: 'id' });
}
