import { cancelRefund } from '../../src/climate-order-status/cancel-window.js';
import type { SimulatorStore, StripeObject } from './store.js';

export type SimulatedClimateOrder = StripeObject & {
  status: string;
  metric_tons: string;
  expected_delivery_year: number;
  created: number;
  confirmed_at: number | null;
  delayed_at: number | null;
  product_substituted_at: number | null;
  delivered_at: number | null;
  canceled_at: number | null;
  cancellation_reason: string | null;
  certificate: string | null;
  delivery_details: Record<string, unknown>[];
  product: Record<string, unknown>;
};

const DAY = 24 * 3600;

export const CLIMATE_ORDER_IDS = {
  open: 'climorder_sim_open',
  awaitingFunds: 'climorder_sim_awaiting_funds',
  confirmed: 'climorder_sim_confirmed',
  delayed: 'climorder_sim_delayed',
  substituted: 'climorder_sim_substituted',
  delivered: 'climorder_sim_delivered',
  canceled: 'climorder_sim_canceled',
  jpy: 'climorder_sim_jpy',
} as const;

const frontierProduct = (store: SimulatorStore, name: string, id: string, suppliers: Record<string, unknown>[] = []) => ({
  id,
  object: 'climate.product',
  created: store.now() - 400 * DAY,
  current_prices_per_metric_ton: { usd: { amount_fees: 6000, amount_subtotal: 54000, amount_total: 60000 } },
  delivery_year: new Date(store.now() * 1000).getUTCFullYear() + 2,
  livemode: false,
  metric_tons_available: '10000',
  name,
  suppliers,
});

/** The supplier a substituted order gets its removal from instead. */
const substituteSupplier = {
  id: 'climsup_sim_heirloom',
  object: 'climate.supplier',
  info_url: 'https://frontierclimate.com/portfolio/heirloom',
  livemode: false,
  locations: [],
  name: 'Heirloom',
  removal_pathway: 'direct_air_capture',
};

const supplier = {
  id: 'climsup_sim_charm',
  object: 'climate.supplier',
  info_url: 'https://frontierclimate.com/portfolio/charm',
  livemode: false,
  locations: [],
  name: 'Charm Industrial',
  removal_pathway: 'biomass_carbon_removal_and_storage',
};

function order(store: SimulatorStore, id: string, fields: Partial<SimulatedClimateOrder> & { ageDays: number }): SimulatedClimateOrder {
  const { ageDays, ...rest } = fields;
  const created = store.now() - ageDays * DAY;
  return {
    id,
    object: 'climate.order',
    amount_fees: 3000,
    amount_subtotal: 27000,
    amount_total: 30000,
    beneficiary: { public_name: 'Example Coffee Roasters' },
    canceled_at: null,
    cancellation_reason: null,
    certificate: null,
    confirmed_at: null,
    created,
    currency: 'usd',
    delayed_at: null,
    delivered_at: null,
    delivery_details: [],
    expected_delivery_year: new Date(store.now() * 1000).getUTCFullYear() + 1,
    livemode: false,
    metadata: {},
    metric_tons: '0.5',
    product: frontierProduct(store, 'Frontier offtake portfolio', 'climsku_frontier_offtake_portfolio_2027'),
    product_substituted_at: null,
    status: 'confirmed',
    ...rest,
  };
}

function delivery(deliveredAt: number, metricTons: string): Record<string, unknown> {
  return {
    delivered_at: deliveredAt,
    location: { city: 'Fresno', country: 'US', latitude: null, longitude: null, region: 'CA' },
    metric_tons: metricTons,
    registry_url: 'https://registry.example.com/retirements/sim-0001',
    supplier,
  };
}

/** One order in each status, a delayed one, a substituted one (both inside their 30-day windows) and a JPY one. */
export function seedClimateOrders(store: SimulatorStore): void {
  const now = store.now();
  const ids = CLIMATE_ORDER_IDS;
  store.put(order(store, ids.open, { ageDays: 0, status: 'open' }));
  store.put(order(store, ids.awaitingFunds, { ageDays: 0.5, status: 'awaiting_funds' }));
  store.put(order(store, ids.confirmed, { ageDays: 20, confirmed_at: now - 19 * DAY }));
  store.put(
    order(store, ids.delayed, {
      ageDays: 300,
      confirmed_at: now - 299 * DAY,
      delayed_at: now - 5 * DAY,
      expected_delivery_year: new Date(now * 1000).getUTCFullYear() + 2,
    }),
  );
  store.put(
    order(store, ids.substituted, {
      ageDays: 200,
      confirmed_at: now - 199 * DAY,
      product_substituted_at: now - 12 * DAY,
      product: frontierProduct(store, 'Frontier portfolio (substitute supplier)', 'climsku_frontier_substitute', [substituteSupplier]),
    }),
  );
  store.put(
    order(store, ids.delivered, {
      ageDays: 500,
      status: 'delivered',
      metric_tons: '0.25',
      amount_fees: 1500,
      amount_subtotal: 13500,
      amount_total: 15000,
      confirmed_at: now - 499 * DAY,
      delivered_at: now - 10 * DAY,
      certificate: 'https://certificates.example.com/climorder_sim_delivered.pdf',
      delivery_details: [delivery(now - 10 * DAY, '0.25')],
    }),
  );
  store.put(
    order(store, ids.canceled, { ageDays: 90, status: 'canceled', canceled_at: now - 60 * DAY, cancellation_reason: 'product_unavailable' }),
  );
  store.put(
    order(store, ids.jpy, { ageDays: 3, confirmed_at: now - 3 * DAY, currency: 'jpy', amount_fees: 4000, amount_subtotal: 36000, amount_total: 40000, metric_tons: '12' }),
  );
}

/** Frontier announces a delay or a substitution at least this long before the end of the delivery year. */
const NOTICE_BEFORE_YEAR_END = 60 * DAY;

/** The end of `year` (UTC), in Unix seconds. */
const endOfYear = (year: number) => Date.UTC(year + 1, 0, 1) / 1000;

/**
 * Why `action` is not possible for `current` now, or undefined when it is. What Stripe never does is
 * refused: delivering an order that was never funded, delaying or substituting an unconfirmed one or
 * one whose delivery year ends in less than 60 days (the notice comes at least 60 days before), and a
 * delay to a year that is not later than the expected one (`year`, the delay's new year, when given).
 */
export function transitionRefusal(
  current: SimulatedClimateOrder | undefined,
  action: 'deliver' | 'delay' | 'substitute' | 'cancel' | 'buyer_cancel',
  now: number,
  year?: number,
): string | undefined {
  if (!current) return 'No such climate order';
  if (current.status === 'canceled') return 'The order is already canceled';
  if (current.status === 'delivered') return 'The order is already delivered';
  if (action === 'buyer_cancel' && !buyerMayCancel(current, now)) return 'The order can no longer be canceled';
  const funded = current.status === 'confirmed';
  if (action === 'deliver' && !funded) return `An order that was never funded (${current.status}) cannot be delivered`;
  if (action === 'delay' || action === 'substitute') {
    if (!funded) return `An unconfirmed order (${current.status}) cannot be ${action === 'delay' ? 'delayed' : 'substituted'}`;
    if (now > endOfYear(current.expected_delivery_year) - NOTICE_BEFORE_YEAR_END) {
      return `Frontier gives notice at least 60 days before the end of the delivery year (${current.expected_delivery_year})`;
    }
  }
  if (action === 'delay' && year !== undefined && year <= current.expected_delivery_year) {
    return `A delay moves delivery to a later year than ${current.expected_delivery_year}`;
  }
  return undefined;
}

/**
 * The rule the widget shows (src/climate-order-status/cancel-window.ts, one copy): within 24 hours of
 * `created` (Stripe keeps the fees) or within 30 days after a delay or substitution notice (full refund).
 */
export function buyerMayCancel(current: SimulatedClimateOrder, now: number): boolean {
  return cancelRefund(current, now) !== undefined;
}

type Changes = Partial<SimulatedClimateOrder>;

/** Events carry `product` as an id, as Stripe sends them (the retrieve route expands it). */
function unexpanded<T extends Record<string, unknown>>(object: T): T {
  const product = object.product as { id?: unknown } | undefined;
  return product && typeof product === 'object' ? { ...object, product: product.id } : object;
}

async function transition(store: SimulatorStore, id: string, changes: Changes, event: string): Promise<SimulatedClimateOrder> {
  const [updated, previous] = store.update<SimulatedClimateOrder>(id, changes);
  await store.sendWebhook(event, unexpanded(updated), unexpanded(previous));
  return updated;
}

/** Frontier delivered: records one delivery for all the tons and a certificate; sends `climate.order.delivered`. */
export function deliverOrder(store: SimulatorStore, id: string): Promise<SimulatedClimateOrder> {
  const current = store.get<SimulatedClimateOrder>(id)!;
  const now = store.now();
  return transition(
    store,
    id,
    {
      status: 'delivered',
      confirmed_at: current.confirmed_at ?? now,
      delivered_at: now,
      certificate: `https://certificates.example.com/${id}.pdf`,
      delivery_details: [delivery(now, current.metric_tons)],
    },
    'climate.order.delivered',
  );
}

/** Frontier cannot deliver on time: a later `expected_delivery_year` (see `transitionRefusal`); sends `climate.order.delayed`. */
export function delayOrder(store: SimulatorStore, id: string, year?: number): Promise<SimulatedClimateOrder> {
  const current = store.get<SimulatedClimateOrder>(id)!;
  const expected = year ?? current.expected_delivery_year + 1;
  return transition(store, id, { delayed_at: store.now(), expected_delivery_year: expected }, 'climate.order.delayed');
}

/** Frontier swapped the product for a similar one; sends `climate.order.product_substituted`. */
export function substituteProduct(store: SimulatorStore, id: string): Promise<SimulatedClimateOrder> {
  return transition(
    store,
    id,
    {
      product_substituted_at: store.now(),
      product: frontierProduct(store, 'Frontier portfolio (substitute supplier)', 'climsku_frontier_substitute', [substituteSupplier]),
    },
    'climate.order.product_substituted',
  );
}

/** Cancels (by Frontier, or at the buyer's request); sends `climate.order.canceled`. */
export function cancelOrder(store: SimulatorStore, id: string, reason: 'requested' | 'product_unavailable' | 'expired'): Promise<SimulatedClimateOrder> {
  return transition(store, id, { status: 'canceled', canceled_at: store.now(), cancellation_reason: reason }, 'climate.order.canceled');
}
