import { defineMessages } from '../core/i18n.js';

const en = {
  title: 'Shared payment token',
  states: { active: 'Active', expired: 'Expired', deactivated: 'Deactivated' },
  reasons: {
    revoked: 'Revoked by the agent',
    expired: 'Expired',
    used: 'Used',
    consumed: 'Used up (limit reached)',
    resolved: 'Resolved by the seller',
  } as Record<string, string>,
  tokenLabel: 'Token',
  limitLabel: 'Spending limit',
  usedLabel: 'Used so far',
  used: (captured: string, limit: string) => `${captured} of ${limit}`,
  agentLabel: 'Agent',
  expiresLabel: 'Expires',
  timeLeftLabel: 'Time left',
  paymentMethodLabel: 'Payment method',
  reasonLabel: 'Reason',
  deactivatedAtLabel: 'Deactivated',
  noExpiry: 'No expiry date',
  card: (brand: string, last4: string) => `${brand} ending in ${last4}`,
  methodTypes: { card: 'Card' } as Record<string, string>,
  unusable: 'This token can no longer be used for payments.',
  announceActive: (timeLeft: string) => `Token active. Expires in ${timeLeft}.`,
  announceTimeLeft: (timeLeft: string) => `Token expires in ${timeLeft}.`,
  announceExpired: 'Token expired.',
  announceDeactivated: (reason: string) => `Token deactivated: ${reason}.`,
  /** The charge button: its accessible name starts with the action and says the amount. */
  charge: (amount: string) => `Charge ${amount}`,
  charging: (amount: string) => `Charging ${amount}…`,
  chargeResult: (amount: string, status: string) => `Payment of ${amount}: ${status}`,
  chargeFailed: 'The charge failed',
  overLimit: (amount: string, left: string) => `${amount} is more than the ${left} left on this token.`,
  invalidAmount: 'The charge amount is not a whole positive number, so this token cannot be charged.',
  paymentStatuses: {
    succeeded: 'Succeeded',
    processing: 'Processing',
    requires_capture: 'Authorized',
    requires_action: 'Needs customer action',
    requires_confirmation: 'Awaiting confirmation',
    requires_payment_method: 'Failed',
    canceled: 'Canceled',
  } as Record<string, string>,
};

export type SptMessages = typeof en;

/** English is bundled; Japanese loads the first time a widget renders in Japanese. */
export const sptMessages = defineMessages(en, () => import('./spt-token-status.messages.ja.js'));


/** Card networks' own names: the same in every language. */
export const CARD_BRANDS: Readonly<Record<string, string>> = {
  amex: 'American Express',
  cartes_bancaires: 'Cartes Bancaires',
  diners: 'Diners Club',
  discover: 'Discover',
  eftpos_au: 'eftpos',
  interac: 'Interac',
  jcb: 'JCB',
  mastercard: 'Mastercard',
  unionpay: 'UnionPay',
  visa: 'Visa',
};
