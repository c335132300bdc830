import { defineMessages } from '../core/i18n.js';

const en = {
  loading: 'Loading balance…',
  balance: 'Current balance',
  /** Announced when a balance arrives: the amounts, one per currency. */
  balanceNow: (amounts: string) => `Current balance: ${amounts}`,
  asOf: 'As of',
  noBalance: 'No balance has been retrieved yet.',
  updating: 'Updating balance…',
  failed: 'The balance could not be updated.',
  refresh: 'Refresh balance',
  refreshing: 'Refreshing…',
  availableAt: (time: string) => `You can refresh again at ${time}.`,
  refreshFailed: 'The balance refresh could not be started',
  owners: 'Owners',
  ownersUpdating: 'Retrieving the owners…',
  ownersFailed: 'The owners could not be retrieved.',
};

export type AccountDataMessages = typeof en;

/**
 * Loaded with the account-data module, after linking; Japanese the first time it renders in Japanese.
 * Its texts are part of the widget's section of a site's catalog (`fc-link-account`), as in `en`.
 */
export const accountDataMessages = defineMessages(en, () => import('./account-data.messages.ja.js'), 'fc-link-account');
