import type { SimulatorStore, StripeObject } from './store.js';

/** How long a simulated balance or ownership refresh stays `pending` unless a control finishes it. */
export const SIMULATED_REFRESH_MS = 4000;
/** After a refresh ends, Stripe says when the next may start (`next_refresh_available_at`). */
export const REFRESH_COOLDOWN_SECONDS = 60;

type Feature = 'balance' | 'ownership';
type Outcome = 'succeeded' | 'failed';

interface Refresh {
  status: string;
  last_attempted_at: number | null;
  next_refresh_available_at: number | null;
}

export type SimulatedFcAccount = StripeObject & {
  account_holder?: { type: string; customer?: string } | null;
  permissions?: string[];
  balance: Record<string, unknown> | null;
  balance_refresh: Refresh | null;
  ownership: string | null;
  ownership_refresh: Refresh | null;
};

/** The balances the simulated bank reports, in cents, by the offered account's id (see simulatedInstitutionAccounts). */
const BALANCES: Record<string, number> = { fca_sim_checking: 1_234_567, fca_sim_savings: 9_876_543, fca_sim_test_bank: 0 };

const timers = new WeakMap<SimulatorStore, Map<string, ReturnType<typeof setTimeout>>>();

function timersOf(store: SimulatorStore): Map<string, ReturnType<typeof setTimeout>> {
  let map = timers.get(store);
  if (!map) timers.set(store, (map = new Map()));
  return map;
}

const EVENTS: Record<Feature, string> = {
  balance: 'financial_connections.account.refreshed_balance',
  ownership: 'financial_connections.account.refreshed_ownership',
};
const REFRESH_FIELD = { balance: 'balance_refresh', ownership: 'ownership_refresh' } as const;
const PERMISSION: Record<Feature, string> = { balance: 'balances', ownership: 'ownership' };

export function findAccount(store: SimulatorStore, id: string): SimulatedFcAccount | undefined {
  const account = store.get<SimulatedFcAccount>(id);
  return account?.object === 'financial_connections.account' ? account : undefined;
}

/** Why Stripe would refuse to refresh `feature` now, or undefined when it starts (or is already running). */
export function refreshRefusal(account: SimulatedFcAccount, feature: Feature, now: number): string | undefined {
  if (!account.permissions?.includes(PERMISSION[feature])) return `The account was not linked with the ${PERMISSION[feature]} permission.`;
  const next = account[REFRESH_FIELD[feature]]?.next_refresh_available_at;
  if (typeof next === 'number' && now < next) return `The next ${feature} refresh can start at ${next}.`;
  return undefined;
}

/**
 * Starts a refresh as Stripe does: `pending`, with no next refresh time; it ends by itself after
 * `delayMs` (succeeded) or when `finishRefresh` is called. Starting one that is pending changes nothing.
 */
export function startRefresh(store: SimulatorStore, id: string, feature: Feature, delayMs = SIMULATED_REFRESH_MS): SimulatedFcAccount {
  const account = findAccount(store, id)!;
  if (account[REFRESH_FIELD[feature]]?.status === 'pending') return account;
  const [updated] = store.update<SimulatedFcAccount>(id, {
    [REFRESH_FIELD[feature]]: { status: 'pending', last_attempted_at: store.now(), next_refresh_available_at: null },
  });
  const key = `${id} ${feature}`;
  clearTimeout(timersOf(store).get(key));
  const timer = setTimeout(() => void finishRefresh(store, id, feature, 'succeeded'), delayMs);
  timer.unref?.();
  timersOf(store).set(key, timer);
  return updated;
}

/**
 * Ends a pending refresh: on success the balance (as of now) or the ownership (with its owners) is
 * there; either way the next refresh may start after the cooldown. Sends the `refreshed_*` event.
 * Undefined when nothing of that feature was pending.
 */
export async function finishRefresh(store: SimulatorStore, id: string, feature: Feature, outcome: Outcome): Promise<SimulatedFcAccount | undefined> {
  const key = `${id} ${feature}`;
  clearTimeout(timersOf(store).get(key));
  timersOf(store).delete(key);
  const account = findAccount(store, id);
  const refresh = account?.[REFRESH_FIELD[feature]];
  if (!account || refresh?.status !== 'pending') return undefined;
  const now = store.now();
  const changes: Partial<SimulatedFcAccount> = {
    [REFRESH_FIELD[feature]]: { status: outcome, last_attempted_at: refresh.last_attempted_at, next_refresh_available_at: now + REFRESH_COOLDOWN_SECONDS },
  };
  if (outcome === 'succeeded' && feature === 'balance') {
    const cents = BALANCES[id.replace(/_[^_]+$/, '')] ?? 50_000;
    changes.balance = { as_of: now, cash: { available: { usd: cents } }, current: { usd: cents }, type: 'cash' };
  }
  if (outcome === 'succeeded' && feature === 'ownership') changes.ownership = putOwnership(store, id, now);
  const [updated, previous] = store.update<SimulatedFcAccount>(id, changes);
  await store.sendWebhook(EVENTS[feature], updated, previous);
  return updated;
}

/** Stripe keeps owners with their contact details; the reference route sends the browser names only. */
function putOwnership(store: SimulatorStore, accountId: string, now: number): string {
  const id = `fcaowns_sim_${accountId.replace(/^fca_/, '')}`;
  const owner = (suffix: string, name: string, email: string, phone: string, address: string) => ({
    id: `fcaown_sim_${suffix}`,
    object: 'financial_connections.account_owner',
    email,
    name,
    ownership: id,
    phone,
    raw_address: address,
    refreshed_at: now,
  });
  store.put({
    id,
    object: 'financial_connections.account_ownership',
    created: now,
    owners: {
      object: 'list',
      has_more: false,
      url: `/v1/financial_connections/accounts/${accountId}/owners?ownership=${id}`,
      data: [
        owner('jenny', 'Jenny Rosen', 'jenny.rosen@example.com', '+1 555-555-0100', '510 Townsend St, San Francisco, CA 94103'),
        owner('kenji', 'Kenji Sato', 'kenji.sato@example.com', '+1 555-555-0101', '510 Townsend St, San Francisco, CA 94103'),
      ],
    },
  });
  return id;
}

/** `GET /v1/financial_connections/accounts/:id/owners?ownership=…` of the simulated bank: the full owner objects. */
export function listOwners(store: SimulatorStore, ownershipId: string): { data: Record<string, unknown>[]; has_more: boolean } | undefined {
  const ownership = store.get(ownershipId) as (StripeObject & { owners: { data: Record<string, unknown>[]; has_more: boolean } }) | undefined;
  return ownership?.object === 'financial_connections.account_ownership' ? ownership.owners : undefined;
}

/**
 * Keeps a pending refresh pending until `finishRefresh` (the demo's controls, tests that look at the
 * pending state): it no longer ends by itself. False when nothing of that feature is pending.
 */
export function holdRefresh(store: SimulatorStore, id: string, feature: Feature): boolean {
  const key = `${id} ${feature}`;
  clearTimeout(timersOf(store).get(key));
  timersOf(store).delete(key);
  return findAccount(store, id)?.[REFRESH_FIELD[feature]]?.status === 'pending';
}

/** What linking starts, as Stripe does for the session's `prefetch`. */
export function startPrefetch(store: SimulatorStore, id: string, prefetch: readonly string[]): void {
  if (prefetch.includes('balances')) startRefresh(store, id, 'balance');
  if (prefetch.includes('ownership')) startRefresh(store, id, 'ownership');
}
