import type { FinancialConnectionsSessionResult, Stripe } from '@stripe/stripe-js';

/**
 * What the simulated bank flow does: link accounts, link none (`empty`), be closed by the user
 * (`canceled`: Stripe.js then resolves like `empty`, with no accounts), or fail as Stripe.js reports a
 * failure (`error`).
 */
export type SimulatedBankOutcome = 'linked' | 'empty' | 'canceled' | 'error';

export interface SimulatedStripeOptions {
  /**
   * The simulator's `POST …/simulator/financial_connections/sessions/complete` URL: the session answer's
   * `simulated_stripe_js.complete_url` (the widget passes it).
   */
  completeUrl: string;
  /** How the completion is sent: the widget's own fetcher (default: the global `fetch`). */
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Default `linked`. */
  outcome?: SimulatedBankOutcome;
  /** With `linked`: which simulator accounts (`fca_sim_checking`, `fca_sim_savings`, `fca_sim_test_bank`). Default: the simulator's choice. */
  accountIds?: string[];
}

/** The simulated bank's failure, worded like a Stripe.js error result. */
export const SIMULATED_BANK_ERROR = { type: 'api_error', message: 'The simulated bank failed (simulated error).' } as const;

/**
 * A stand-in for a Stripe.js instance for the offline simulator: only
 * `collectFinancialConnectionsAccounts` works. It opens no window and loads nothing from Stripe: it
 * completes the simulated session on the simulator (which sends the account webhooks) and resolves
 * with what Stripe.js resolves with. Never part of a widget's first load: `<fc-link-account>` imports
 * it only when the simulator's session answer asks for it.
 */
export function createSimulatedStripe(options: SimulatedStripeOptions): Stripe {
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const collectFinancialConnectionsAccounts = async ({ clientSecret }: { clientSecret: string }): Promise<FinancialConnectionsSessionResult> => {
    const outcome = options.outcome ?? 'linked';
    if (outcome === 'error') return { financialConnectionsSession: undefined, error: { ...SIMULATED_BANK_ERROR } } as FinancialConnectionsSessionResult;
    const accountIds = outcome === 'linked' ? options.accountIds : [];
    const response = await send(options.completeUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ client_secret: clientSecret, ...(accountIds && { account_ids: accountIds }) }),
    });
    const body = (await response.json().catch(() => undefined)) as FinancialConnectionsSessionResult | { error?: { message?: string } } | undefined;
    if (!response.ok || !body || !('financialConnectionsSession' in body)) {
      const message = body && 'error' in body && body.error?.message ? body.error.message : `HTTP ${response.status}`;
      return { financialConnectionsSession: undefined, error: { type: 'api_error', message: `The simulator could not complete the session: ${message}` } } as FinancialConnectionsSessionResult;
    }
    return body;
  };
  return { collectFinancialConnectionsAccounts } as unknown as Stripe;
}
