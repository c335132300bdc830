import { defineMessages } from '../core/i18n.js';

const en = {
  link: 'Link bank account',
  linkAnother: 'Link another account',
  tryAgain: 'Try again',
  creating: 'Starting a secure session…',
  waiting: 'Waiting for you to finish linking in the bank window…',
  linkedTitle: 'Linked accounts',
  linked: (count: number) => (count === 1 ? '1 account linked.' : `${count} accounts linked.`),
  emptyTitle: 'No account was linked',
  empty: 'You did not link an account, or you left the bank window. You can try again.',
  errorTitle: 'Linking your bank account failed',
  accountEnding: (last4: string) => `Account ending in ${last4}`,
  unknownInstitution: 'Bank',
  category: { cash: 'Cash', credit: 'Credit', investment: 'Investment', other: 'Other' },
  subcategory: {
    checking: 'Checking',
    savings: 'Savings',
    mortgage: 'Mortgage',
    line_of_credit: 'Line of credit',
    credit_card: 'Credit card',
    other: 'Other',
  },
  status: { active: 'Active', inactive: 'Inactive', disconnected: 'Disconnected' },
};

export type FcMessages = typeof en;

/** English is bundled; Japanese loads the first time a widget renders in Japanese. */
export const fcMessages = defineMessages(en, () => import('./fc-link-account.messages.ja.js'));
