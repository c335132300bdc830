import { defineMessages } from '../core/i18n.js';

const en = {
  title: 'Payment',
  loading: 'Loading the payment…',
  errorTitle: 'The payment could not be loaded',
  statuses: {
    succeeded: 'Succeeded',
    processing: 'Processing',
    requires_capture: 'Authorized',
    canceled: 'Canceled',
    failed: 'Failed',
    requires_payment_method: 'Awaiting payment method',
    requires_confirmation: 'Awaiting confirmation',
    requires_action: 'Awaiting customer action',
  },
  summaries: {
    succeeded: 'The payment succeeded and was captured.',
    processing: 'The payment is being processed. Its outcome will appear here.',
    requires_capture: 'The payment is authorized and waits to be captured.',
    failed: 'The payment failed. The customer can try another payment method.',
  },
  cancellationReasons: {
    abandoned: 'Abandoned',
    automatic: 'Canceled automatically',
    duplicate: 'Duplicate',
    expired: 'Expired',
    failed_invoice: 'Invoice failed',
    fraudulent: 'Fraudulent',
    requested_by_customer: 'Requested by the customer',
    void_invoice: 'Invoice voided',
  },
  amount: 'Amount',
  captured: 'Captured',
  capturable: 'Can be captured',
  cancellationReason: 'Reason',
  failureReason: 'Reason',
  fee: 'Stripe fee',
  net: 'Net',
  balanceTransaction: 'Balance transaction',
  transfer: 'Transfer',
  applicationFee: 'Application fee',
  pending: 'Pending',
  /** What Stripe finalises after an asynchronous capture, for the sentences below. */
  fees: 'fees',
  feesAndTransfers: 'fees and transfers',
  pendingNote: (what: string) => `The ${what} are finalised shortly, usually within an hour.`,
  overdue: (what: string) => `Still pending. Stripe usually finalises the ${what} within an hour; check again later.`,
  checkAgain: 'Check again',
  announcePending: (status: string, what: string) => `${status}. The ${what} are pending.`,
  announceSettled: (status: string, what: string) => `${status}. The ${what} are finalised.`,
  announceOverdue: (what: string) => `The ${what} are still pending. Check again later.`,
};

export type PaymentCaptureMessages = typeof en;

/** English is bundled; Japanese loads the first time a widget renders in Japanese. */
export const messages = defineMessages(en, () => import('./payment-capture-status.messages.ja.js'));
