import type { FcAccountDetails, FcAccountOwners } from '../../schemas/financial-connections-account.js';
import type { FcAccount, FcSessionResult, FcSessionSecret } from '../../schemas/financial-connections.js';

/** 2026-11-30 15:00 UTC, when the builders' balances were read. */
const AS_OF = Date.UTC(2026, 10, 30, 15) / 1000;

/** What the site's endpoint answers `POST {endpoint}`: the session's client secret (a made-up one). */
export function financialConnectionsSessionSecret(overrides: Partial<FcSessionSecret> = {}): FcSessionSecret {
  return { client_secret: 'fcsess_test_123_secret_abc', ...overrides };
}

/** A `financial_connections.account` as Stripe.js returns it after linking: Test Bank's Premium Checking. */
export function financialConnectionsAccount(overrides: Partial<FcAccount> = {}): FcAccount {
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

/** Stripe.js's `financialConnectionsSession` (of `collectFinancialConnectionsAccounts()`), with one account unless given. */
export function financialConnectionsSession(overrides: Partial<FcSessionResult> = {}): FcSessionResult {
  return { id: 'fcsess_123', object: 'financial_connections.session', accounts: [financialConnectionsAccount()], livemode: false, ...overrides };
}

/**
 * The account as the reference backend answers `GET {accounts-endpoint}/{id}`: its balance ($1,234.56,
 * refreshed a minute before `as_of`), the ownership it prefetched, and both refreshes succeeded.
 */
export function financialConnectionsAccountDetails(overrides: Partial<FcAccountDetails> = {}): FcAccountDetails {
  return {
    id: 'fca_456',
    object: 'financial_connections.account',
    institution_name: 'Test Bank',
    display_name: 'Premium Checking',
    category: 'cash',
    subcategory: 'checking',
    last4: '4242',
    status: 'active',
    permissions: ['balances', 'ownership'],
    balance: { as_of: AS_OF, current: { usd: 123_456 }, type: 'cash' },
    balance_refresh: { status: 'succeeded', last_attempted_at: AS_OF - 5, next_refresh_available_at: AS_OF + 600 },
    ownership: 'fcaowns_789',
    ownership_refresh: { status: 'succeeded', last_attempted_at: AS_OF - 5 },
    ...overrides,
  };
}

/** `GET {accounts-endpoint}/{id}/owners`: the owners' names only, one unless given. */
export function financialConnectionsAccountOwners(...names: (string | null)[]): FcAccountOwners {
  return { object: 'list', data: (names.length > 0 ? names : ['Jenny Rosen']).map((name) => ({ name })), has_more: false };
}
