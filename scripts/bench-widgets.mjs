// What the benchmark mounts: one valid instance per widget against the simulator's objects, what to
// wait for ('swk-load', or 'render' for a widget that fetches nothing until a click), and a webhook that
// names the shown object (for live-update latency).
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
    liveEvent: { type: 'capital.financing_offer.updated', object: { id: 'financingoffer_xyz456', object: 'capital.financing_offer' } },
  },
  {
    tag: 'climate-order-status',
    attributes: { endpoint: '/api/climate/orders', 'order-id': 'climorder_sim_delivered' },
    waitFor: 'swk-load',
    liveEvent: { type: 'climate.order.delivered', object: { id: 'climorder_sim_delivered', object: 'climate.order' } },
  },
  {
    tag: 'spt-token-status',
    attributes: { endpoint: '/api/shared_payment/granted_tokens', 'token-id': 'spt_sim_active' },
    waitFor: 'swk-load',
    liveEvent: { type: 'shared_payment.granted_token.used', object: { id: 'spt_sim_active', object: 'shared_payment.granted_token' } },
  },
  {
    tag: 'payment-capture-status',
    attributes: { endpoint: '/api/payment_intents', 'payment-intent-id': 'pi_sim_capture_settled' },
    waitFor: 'swk-load',
    liveEvent: { type: 'charge.updated', object: { id: 'pi_sim_capture_settled', object: 'payment_intent' } },
  },
];
