import type { SimulatorStore, StripeObject } from './store.js';

export type SimulatedGrantedToken = StripeObject & {
  created: number;
  livemode: boolean;
  deactivated_at: number | null;
  deactivated_reason: string | null;
  usage_limits: { currency: string; max_amount: number; expires_at: number | null };
  /** As Stripe publishes it: what payments captured with the token so far. */
  usage_details: { amount_captured: { value: number; currency: string } };
  agent_details: { network_business_profile: string } | null;
  payment_method_details: { type: string; card?: { brand: string; last4: string } };
};

export const GRANTED_TOKEN_OBJECT = 'shared_payment.granted_token';
/** The agent's Stripe profile that granted the simulated tokens (`agent_details.network_business_profile`). */
export const SIMULATED_AGENT_PROFILE = 'profile_test_simulated_agent';
export const SEED_TOKEN_IDS = {
  active: 'spt_sim_active',
  expiring: 'spt_sim_expiring',
  revoked: 'spt_sim_revoked',
  used: 'spt_sim_used',
} as const;

export interface NewTokenOptions {
  id?: string;
  currency?: string;
  maxAmount?: number;
  /** Seconds from now; null for a token without an expiry. */
  expiresIn?: number | null;
  card?: { brand: string; last4: string };
}

/**
 * Stripe's test PaymentMethods the simulator's test helper takes (`payment_method`), with the card
 * details a granted token shows. The declining ones keep Stripe's declining test numbers (…0002,
 * …9995), and a charge of a token made from them is declined as Stripe declines them.
 */
export const TEST_PAYMENT_METHODS: Readonly<Record<string, { brand: string; last4: string }>> = {
  pm_card_visa: { brand: 'visa', last4: '4242' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444' },
  pm_card_amex: { brand: 'amex', last4: '8431' },
  pm_card_jcb: { brand: 'jcb', last4: '0505' },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002' },
  pm_card_chargeDeclinedInsufficientFunds: { brand: 'visa', last4: '9995' },
};

/** Stripe's decline for a card ending in one of its declining test numbers. */
const DECLINES: Readonly<Record<string, { decline_code: string; message: string }>> = {
  '0002': { decline_code: 'generic_decline', message: 'Your card was declined.' },
  '9995': { decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
};

let created = 0;

/** A granted token as Stripe's test helper would create it. */
export function grantToken(store: SimulatorStore, options: NewTokenOptions & { expiresAt?: number | null } = {}): SimulatedGrantedToken {
  const now = store.now();
  created += 1;
  const expiresIn = options.expiresAt !== undefined ? (options.expiresAt === null ? null : options.expiresAt - now) : options.expiresIn === undefined ? 3 * 3600 : options.expiresIn;
  return store.put<SimulatedGrantedToken>({
    id: options.id ?? `spt_sim_${now.toString(36)}${created}`,
    object: GRANTED_TOKEN_OBJECT,
    created: now,
    livemode: false,
    deactivated_at: null,
    deactivated_reason: null,
    usage_limits: { currency: options.currency ?? 'usd', max_amount: options.maxAmount ?? 10000, expires_at: expiresIn === null ? null : now + expiresIn },
    usage_details: { amount_captured: { value: 0, currency: options.currency ?? 'usd' } },
    agent_details: { network_business_profile: SIMULATED_AGENT_PROFILE },
    payment_method_details: { type: 'card', card: options.card ?? { brand: 'visa', last4: '4242' } },
  });
}

/** Active (3 h), expiring in 2 minutes (JPY), revoked and used tokens. */
export function seedGrantedTokens(store: SimulatorStore): void {
  const now = store.now();
  grantToken(store, { id: SEED_TOKEN_IDS.active });
  grantToken(store, { id: SEED_TOKEN_IDS.expiring, currency: 'jpy', maxAmount: 5000, expiresIn: 120, card: { brand: 'jcb', last4: '0005' } });
  grantToken(store, { id: SEED_TOKEN_IDS.revoked, card: { brand: 'mastercard', last4: '4444' } });
  store.update<SimulatedGrantedToken>(SEED_TOKEN_IDS.revoked, { deactivated_at: now - 600, deactivated_reason: 'revoked' });
  grantToken(store, { id: SEED_TOKEN_IDS.used, maxAmount: 2500, card: { brand: 'amex', last4: '8431' } });
  store.update<SimulatedGrantedToken>(SEED_TOKEN_IDS.used, {
    deactivated_at: now - 300,
    deactivated_reason: 'consumed',
    usage_details: { amount_captured: { value: 2500, currency: 'usd' } },
  });
}

export function findToken(store: SimulatorStore, id: string): SimulatedGrantedToken | undefined {
  const token = store.get<SimulatedGrantedToken>(id);
  return token?.object === GRANTED_TOKEN_OBJECT ? token : undefined;
}

/** Why `token` cannot be used or revoked now, or undefined when it can. */
export function inactiveReason(token: SimulatedGrantedToken): string | undefined {
  return token.deactivated_reason ? `This shared payment token is deactivated (${token.deactivated_reason}).` : undefined;
}

async function deactivate(store: SimulatorStore, id: string, reason: string, at = store.now()): Promise<SimulatedGrantedToken> {
  const [token, previous] = store.update<SimulatedGrantedToken>(id, { deactivated_at: at, deactivated_reason: reason });
  await store.sendWebhook('shared_payment.granted_token.deactivated', token, previous);
  return token;
}

/** The agent revokes the token: `.deactivated` with reason `revoked`. */
export function revokeToken(store: SimulatorStore, id: string): Promise<SimulatedGrantedToken> {
  return deactivate(store, id, 'revoked');
}

/**
 * A payment used the token's whole limit: `.used`, then `.deactivated` with Stripe's reason
 * `consumed` (the allowed amount is reached).
 */
export async function useToken(store: SimulatorStore, id: string): Promise<SimulatedGrantedToken> {
  const token = findToken(store, id);
  if (!token) throw new Error(`No simulated token ${id}`);
  const [captured, previous] = store.update<SimulatedGrantedToken>(id, {
    usage_details: { amount_captured: { value: token.usage_limits.max_amount, currency: token.usage_limits.currency } },
  });
  await store.sendWebhook('shared_payment.granted_token.used', captured, previous);
  return deactivate(store, id, 'consumed');
}

/** Stripe deactivates a token once `expires_at` passes; the simulator does it when the token is next read. */
export async function expireIfDue(store: SimulatorStore, token: SimulatedGrantedToken): Promise<SimulatedGrantedToken> {
  const expiresAt = token.usage_limits.expires_at;
  if (token.deactivated_reason || expiresAt === null || store.now() < expiresAt) return token;
  return deactivate(store, token.id, 'expired', expiresAt);
}

let intents = 0;

/**
 * `POST /v1/payment_intents` with `confirm=true` and the granted token, as Stripe answers it: a
 * succeeded PaymentIntent whose `payment_method` is a new one cloned from the customer's (seed 001),
 * `payment_intent.succeeded` and `shared_payment.granted_token.used` (with `usage_details` updated)
 * sent, and `.deactivated` (consumed) once the limit is used up. A card with one of Stripe's declining
 * test numbers is declined (402 `card_error`) and `payment_intent.payment_failed` is sent. The caller
 * checked the token's state and limits first (`chargeRefusal`).
 */
export async function chargeToken(store: SimulatorStore, id: string, amount: number, currency: string): Promise<{ status: number; body: unknown }> {
  const token = findToken(store, id);
  if (!token) throw new Error(`No simulated token ${id}`);
  intents += 1;
  const now = store.now();
  const decline = DECLINES[token.payment_method_details.card?.last4 ?? ''];
  const intent: StripeObject = {
    id: `pi_sim_spt_${now.toString(36)}${intents}`,
    object: 'payment_intent',
    amount,
    amount_received: decline ? 0 : amount,
    currency,
    status: decline ? 'requires_payment_method' : 'succeeded',
    capture_method: 'automatic_async',
    confirmation_method: 'automatic',
    created: now,
    livemode: false,
    payment_method: decline ? null : `pm_sim_spt_${now.toString(36)}${intents}`,
    latest_charge: null,
    client_secret: `pi_sim_spt_${now.toString(36)}${intents}_secret_simulated`,
    last_payment_error: decline ? { type: 'card_error', code: 'card_declined', decline_code: decline.decline_code, message: decline.message } : null,
    metadata: {},
  };
  store.put(intent);
  if (decline) {
    await store.sendWebhook('payment_intent.payment_failed', intent);
    const { client_secret: _secret, ...withoutSecret } = intent;
    return {
      status: 402,
      body: { error: { type: 'card_error', code: 'card_declined', decline_code: decline.decline_code, message: decline.message, payment_intent: withoutSecret } },
    };
  }
  await store.sendWebhook('payment_intent.succeeded', intent);
  const captured = token.usage_details.amount_captured.value + amount;
  const [used, previous] = store.update<SimulatedGrantedToken>(id, { usage_details: { amount_captured: { value: captured, currency } } });
  await store.sendWebhook('shared_payment.granted_token.used', used, previous);
  if (captured >= token.usage_limits.max_amount) await deactivate(store, id, 'consumed');
  return { status: 200, body: intent };
}
