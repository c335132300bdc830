import type { FinancialConnectionsSession, FinancialConnectionsSessionResult, Stripe } from '@stripe/stripe-js';
import type { FcAccount } from '../../src/schemas/financial-connections.js';
import { financialConnectionsAccount } from '../../src/testing/builders/financial-connections.js';

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

/** A full account as Stripe.js returns it (the test kit's builder, typed as Stripe.js types it). */
export function account(overrides: Partial<FinancialConnectionsSession.Account> = {}): FinancialConnectionsSession.Account {
  return financialConnectionsAccount(overrides as Partial<FcAccount>) as unknown as FinancialConnectionsSession.Account;
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
