import { startPrefetch } from './financial-connections-accounts.js';
import type { SimulatorStore, StripeObject } from './store.js';

export type SimulatedFcSession = StripeObject & {
  client_secret: string;
  permissions: string[];
  prefetch: string[];
  account_holder: { type: 'customer'; customer: string };
  accounts: { object: 'list'; data: StripeObject[]; has_more: false; url: string };
};

/** What `stripe.collectFinancialConnectionsAccounts()` resolves with (Stripe.js's camelCase wrapper). */
export interface SimulatedCollectResult {
  financialConnectionsSession: { id: string; accounts: StripeObject[] };
}

const SIMULATED_CUSTOMER = 'cus_sim_demo';
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** 12 random letters and digits (WebCrypto: the simulator also runs in a browser). */
const token = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => TOKEN_ALPHABET[byte % TOKEN_ALPHABET.length]).join('');

/** What a simulated session links when nobody chose (the package's simulated Stripe.js): the two active accounts. */
export const DEFAULT_LINKED_ACCOUNTS: readonly string[] = ['fca_sim_checking', 'fca_sim_savings'];

/** The test bank's accounts a visitor can pick in the demo's simulated bank flow. */
export function simulatedInstitutionAccounts(store: SimulatorStore): StripeObject[] {
  const base = { object: 'financial_connections.account', created: store.now(), livemode: false, balance: null, balance_refresh: null, ownership: null, ownership_refresh: null, supported_payment_method_types: ['us_bank_account'] };
  return [
    { ...base, id: 'fca_sim_checking', institution_name: 'StripeBank', display_name: 'Premium Checking', category: 'cash', subcategory: 'checking', last4: '6789', status: 'active' },
    { ...base, id: 'fca_sim_savings', institution_name: 'StripeBank', display_name: 'High Yield Savings', category: 'cash', subcategory: 'savings', last4: '4321', status: 'active' },
    // The seed document's example: a bank's own wording ("Checking") where Stripe's enum is expected.
    { ...base, id: 'fca_sim_test_bank', institution_name: 'Test Bank', display_name: 'Everyday Account', category: 'Checking', subcategory: 'other', last4: '4242', status: 'inactive' },
  ];
}

/** Creates a session the way Stripe would; its `client_secret` goes to the browser once. */
export function createSimulatedSession(store: SimulatorStore, params: { permissions: string[]; prefetch: string[]; customer?: string }): SimulatedFcSession {
  const id = `fcsess_sim_${token()}`;
  return store.put<SimulatedFcSession>({
    id,
    object: 'financial_connections.session',
    client_secret: `${id}_secret_${token()}`,
    livemode: false,
    permissions: params.permissions,
    prefetch: params.prefetch,
    account_holder: { type: 'customer', customer: params.customer ?? SIMULATED_CUSTOMER },
    accounts: { object: 'list', data: [], has_more: false, url: '/v1/financial_connections/accounts' },
  });
}

/**
 * Ends the simulated bank flow: links the chosen accounts (none when the visitor picked none or
 * left) and sends one `financial_connections.account.created` webhook per account, as Stripe does,
 * then starts the refreshes the session's `prefetch` asked for.
 * `undefined` when no session has that client secret.
 */
export async function completeSimulatedSession(store: SimulatorStore, clientSecret: string, accountIds: string[]): Promise<SimulatedCollectResult | undefined> {
  const session = store.list<SimulatedFcSession>((o) => o.object === 'financial_connections.session' && o.client_secret === clientSecret)[0];
  if (!session) return undefined;
  const holder = session.account_holder;
  const chosen = simulatedInstitutionAccounts(store)
    .filter((account) => accountIds.includes(account.id))
    .map((account) => ({ ...account, id: `${account.id}_${token()}`, account_holder: holder, permissions: session.permissions }));
  store.update<SimulatedFcSession>(session.id, { accounts: { ...session.accounts, data: chosen } });
  for (const account of chosen) {
    store.put(account);
    await store.sendWebhook('financial_connections.account.created', account);
    startPrefetch(store, account.id, session.prefetch);
  }
  return { financialConnectionsSession: { id: session.id, accounts: chosen } };
}
