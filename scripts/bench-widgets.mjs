// What the benchmark mounts: one valid instance per widget against the simulator's objects, what to
// wait for ('swk-load', or 'render' for a widget that fetches nothing until a click), and a webhook that
// names the shown object (for live-update latency). Webhook objects are whole, as Stripe sends them:
// the backend publishes only objects the widgets can render, so an `{ id, object }` stub would never
// reach the page.

const NOW = Math.floor(Date.now() / 1000);
const DAY = 24 * 3600;
const YEAR = new Date().getUTCFullYear();

/** `capital.financing_offer.*`'s `data.object` for the seed's replacement (`financingoffer_xyz456`). */
const replacementOffer = {
  id: 'financingoffer_xyz456',
  object: 'capital.financing_offer',
  account: 'acct_simulated_capital',
  livemode: false,
  status: 'delivered',
  financing_type: 'flex_loan',
  product_type: 'standard',
  offered_terms: { currency: 'usd', advance_amount: 1_000_000, fee_amount: 100_000, withhold_rate: 0.15, campaign_type: 'newly_eligible_user' },
  accepted_terms: null,
  created: NOW - 2 * DAY,
  expires_after: NOW + 28 * DAY + 0.5,
  charged_off_at: null,
  replacement: null,
  replacement_for: 'financingoffer_abc123',
};

/** `climate.order.delivered`'s `data.object` (product not expanded, as in events). */
const deliveredOrder = {
  id: 'climorder_sim_delivered',
  object: 'climate.order',
  amount_fees: 1500,
  amount_subtotal: 13500,
  amount_total: 15000,
  beneficiary: { public_name: 'Example Coffee Roasters' },
  canceled_at: null,
  cancellation_reason: null,
  certificate: 'https://certificates.example.com/climorder_sim_delivered.pdf',
  confirmed_at: NOW - 499 * DAY,
  created: NOW - 500 * DAY,
  currency: 'usd',
  delayed_at: null,
  delivered_at: NOW - 10 * DAY,
  delivery_details: [],
  expected_delivery_year: YEAR + 1,
  livemode: false,
  metadata: {},
  metric_tons: '0.25',
  product: 'climsku_frontier_offtake_portfolio_2027',
  product_substituted_at: null,
  status: 'delivered',
};

/** `shared_payment.granted_token.used`'s `data.object`. */
const activeToken = {
  id: 'spt_sim_active',
  object: 'shared_payment.granted_token',
  created: NOW,
  livemode: false,
  deactivated_at: null,
  deactivated_reason: null,
  usage_limits: { currency: 'usd', max_amount: 10000, expires_at: NOW + 3 * 3600 },
  usage_details: { amount_captured: { value: 0, currency: 'usd' } },
  agent_details: { network_business_profile: 'profile_test_simulated_agent' },
  payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
};

/** `charge.updated`'s `data.object`: the settled payment's charge (its id is what the widget matches). */
const settledCharge = {
  id: 'ch_sim_capture_settled',
  object: 'charge',
  amount: 10_000,
  amount_captured: 10_000,
  amount_refunded: 0,
  currency: 'usd',
  captured: true,
  paid: true,
  status: 'succeeded',
  created: NOW - 3 * 3600,
  livemode: false,
  payment_intent: 'pi_sim_capture_settled',
  balance_transaction: 'txn_sim_bench',
  transfer: 'tr_sim_bench',
  application_fee: 'fee_sim_bench',
  application_fee_amount: 1000,
  transfer_data: { amount: null, destination: 'acct_sim_destination' },
  metadata: {},
};

export const BENCH_WIDGETS = [
  {
    tag: 'fc-link-account',
    attributes: { endpoint: '/api/financial_connections/sessions', 'publishable-key': 'pk_test_bench' },
    waitFor: 'render',
  },
  {
    tag: 'capital-offer-card',
    attributes: { endpoint: '/api/capital/financing_offers', 'offer-id': 'financingoffer_xyz456' },
    waitFor: 'swk-load',
    liveEvent: { type: 'capital.financing_offer.replacement_created', object: replacementOffer },
  },
  {
    tag: 'climate-order-status',
    attributes: { endpoint: '/api/climate/orders', 'order-id': 'climorder_sim_delivered' },
    waitFor: 'swk-load',
    liveEvent: { type: 'climate.order.delivered', object: deliveredOrder },
  },
  {
    tag: 'spt-token-status',
    attributes: { endpoint: '/api/shared_payment/granted_tokens', 'token-id': 'spt_sim_active' },
    waitFor: 'swk-load',
    liveEvent: { type: 'shared_payment.granted_token.used', object: activeToken },
  },
  {
    tag: 'payment-capture-status',
    attributes: { endpoint: '/api/payment_intents', 'payment-intent-id': 'pi_sim_capture_settled' },
    waitFor: 'swk-load',
    liveEvent: { type: 'charge.updated', object: settledCharge },
  },
];
