import * as accountData from './account-data.js';

/** The script-tag build's account-data-loader.ts: the module is in the one file already. */
export const loadAccountData = () => Promise.resolve(accountData);
