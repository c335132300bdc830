/**
 * account-data.ts on demand: npm builds split it into its own chunk, fetched once a flow links
 * accounts. The script-tag build aliases this file to account-data-loader.iife.ts (see vite.config.ts):
 * a dynamic import costs a single-file bundle more than the module itself.
 */
export const loadAccountData = () => import('./account-data.js');
