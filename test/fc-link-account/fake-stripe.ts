import type { FinancialConnectionsSession, FinancialConnectionsSessionResult, Stripe } from '@stripe/stripe-js';

type Collect = Stripe['collectFinancialConnectionsAccounts'];

/**
 * A fake Stripe.js instance: only `collectFinancialConnectionsAccounts` has behaviour, the rest is
 * never called by the widget. Records the options of every call.
 */
export function fakeStripe(answer: Collect) {
  const calls: Parameters<Collect>[0][] = [];
  const collectFinancialConnectionsAccounts: Collect = (options) => {
    calls.push(options);
    return answer(options);
  };
  return { stripe: { collectFinancialConnectionsAccounts } as unknown as Stripe, calls };
}

/** A full account as Stripe.js returns it. */
export function account(overrides: Partial<FinancialConnectionsSession.Account> = {}): FinancialConnectionsSession.Account {
  return {
    id: 'fca_456',
    object: 'financial_connections.account',
    balance: null,
    balance_refresh: null,
    category: 'cash',
    created: 1_700_000_000,
    display_name: 'Premium Checking',
    institution_name: 'Test Bank',
    last4: '4242',
    livemode: false,
    ownership: null,
    ownership_refresh: null,
    permissions: ['balances', 'ownership'],
    status: 'active',
    subcategory: 'checking',
    supported_payment_method_types: ['us_bank_account'],
    ...overrides,
  };
}

export function linked(accounts: FinancialConnectionsSession.Account[], id = 'fcsess_123'): FinancialConnectionsSessionResult {
  return { financialConnectionsSession: { id, accounts } };
}

/** A promise with its resolve function, to hold the bank flow open. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const SECRET = 'fcsess_test_abc_secret_shhh123';
export const secretAnswer = { json: { client_secret: SECRET } };
