import { defineMessages } from '../core/i18n.js';

const en = {
  title: 'Financing offer',
  loading: 'Loading your financing offer…',
  empty: 'You have no financing offer right now.',
  advance: 'Financing amount',
  fee: 'Fee',
  total: 'Total to repay',
  withhold: 'Repayment',
  withholdValue: (percent: string) => `${percent} of each sale`,
  type: 'Financing type',
  expires: 'Offer expires',
  review: 'Review offer',
  viewReplacement: 'View updated offer',
  updated: (from: string, to: string) => `Your offer was updated: ${from} → ${to}`,
  updatedPlain: 'Your offer was updated.',
  replacedBy: (id: string) => `This offer was replaced by a newer offer (${id}).`,
  history: (count: number) => (count === 1 ? 'Offer history (1 earlier offer)' : `Offer history (${count} earlier offers)`),
  historyItem: (amount: string, date: string) => `${amount}, offered ${date}`,
  announce: (amount: string, status: string) => `Financing offer: ${amount}, ${status}`,
  replacementFailed: 'Your offer was updated, but we could not load the new offer.',
  chainLoop: 'This offer’s update history loops back on itself.',
  chainTooLong: 'This offer was updated too many times to follow.',
  status: {
    undelivered: 'New',
    delivered: 'Available',
    accepted: 'Accepted',
    accepted_other_offer: 'Another offer accepted',
    canceled: 'Canceled',
    completed: 'Completed',
    expired: 'Expired',
    fully_repaid: 'Fully repaid',
    paid_out: 'Paid out',
    rejected: 'Not approved',
    revoked: 'Withdrawn',
    replaced: 'Replaced',
  } as Record<string, string>,
  note: {
    undelivered: 'You have a new financing offer. Review it to see if it fits your business.',
    delivered: 'This offer is ready for you. Review it to apply.',
    accepted: 'You accepted this offer. Your application is being reviewed.',
    accepted_other_offer: 'You accepted a different offer, so this one is closed.',
    canceled: 'This offer was canceled.',
    completed: 'This financing is complete.',
    expired: 'This offer has expired.',
    fully_repaid: 'You have repaid this financing in full.',
    paid_out: 'The funds were paid out. Repayments are taken from your sales.',
    rejected: 'Your application for this offer was not approved.',
    revoked: 'This offer was withdrawn and is no longer available.',
    replaced: 'This offer was replaced by a newer offer.',
  } as Record<string, string>,
  financingType: {
    flex_loan: 'Flex loan',
    cash_advance: 'Merchant cash advance',
    fixed_term_loan: 'Fixed-term loan',
  } as Record<string, string>,
};

export type CapitalOfferMessages = typeof en;

/** English is bundled; Japanese loads the first time a widget renders in Japanese. */
export const capitalOfferMessages = defineMessages(en, () => import('./capital-offer-card.messages.ja.js'));
