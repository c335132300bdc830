import type { PaymentIntent } from '../../schemas/payment-intent.js';
import type { SharedPaymentGrantedToken } from '../../schemas/shared-payment-granted-token.js';

/** 2025-07-03 00:00 UTC, in seconds: the moment the builders' token is ten minutes old. */
const T0 = Date.UTC(2025, 6, 3) / 1000;

/**
 * A `shared_payment.granted_token` as Stripe publishes it: active, granted 2025-07-02 23:50 UTC for up to
 * $100.00, expiring three hours later (less a minute), from a Visa •••• 4242, nothing captured yet.
 */
export function sharedPaymentGrantedToken(overrides: Partial<SharedPaymentGrantedToken> = {}): SharedPaymentGrantedToken {
  return {
    id: 'spt_123',
    object: 'shared_payment.granted_token',
    created: T0 - 600,
    livemode: false,
    deactivated_at: null,
    deactivated_reason: null,
    usage_limits: { currency: 'usd', max_amount: 10000, expires_at: T0 + 3 * 3600 - 60 },
    usage_details: { amount_captured: { value: 0, currency: 'usd' } },
    agent_details: { network_business_profile: 'profile_test_61U92KWAstyE3VYhXA6U91t01FSQ3ByrZzKJOCR0y5ey' },
    payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
    ...overrides,
  };
}

/**
 * The PaymentIntent the backend answers when `<spt-token-status charge-amount>` charges a token
 * (`POST {endpoint}/{id}/payment_intents`): $50.00 confirmed with the token and succeeded. Never a
 * `client_secret`: the reference backend strips it.
 */
export function sharedPaymentChargeIntent(overrides: Partial<PaymentIntent> = {}): PaymentIntent {
  return {
    id: 'pi_spt_1',
    object: 'payment_intent',
    amount: 5000,
    amount_received: 5000,
    currency: 'usd',
    status: 'succeeded',
    capture_method: 'automatic_async',
    confirmation_method: 'automatic',
    created: T0,
    livemode: false,
    payment_method: 'pm_spt_1',
    latest_charge: null,
    last_payment_error: null,
    metadata: {},
    ...overrides,
  };
}

/** A Stripe error body, as the backend passes Stripe's refusals on (e.g. a 402 `card_error`). */
export function stripeError(overrides: { type?: string; code?: string; decline_code?: string; message?: string; param?: string } & Record<string, unknown> = {}): { error: Record<string, unknown> } {
  return { error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', ...overrides } };
}
