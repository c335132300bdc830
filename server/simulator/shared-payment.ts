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

let created = 0;

/** A granted token as Stripe's test helper would create it. */
export function grantToken(store: SimulatorStore, options: NewTokenOptions = {}): SimulatedGrantedToken {
  const now = store.now();
  created += 1;
  const expiresIn = options.expiresIn === undefined ? 3 * 3600 : options.expiresIn;
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
