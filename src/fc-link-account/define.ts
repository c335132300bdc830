import { FcLinkAccount, type FcLinkResult } from './fc-link-account.component.js';
import type { FcAccountDetails } from '../schemas/financial-connections-account.js';

FcLinkAccount.define('fc-link-account');

/** Detail of `swk-empty`: the session ended with no account linked. */
export interface FcEmptyDetail {
  sessionId: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'fc-link-account': FcLinkAccount;
  }
  /** `swk-load`'s `detail.object` from `<fc-link-account>`: a finished flow, or (with `accounts-endpoint`) a retrieved account. */
  interface SwkLoadObjectMap {
    'fc-link-account': FcLinkResult | FcAccountDetails;
  }
  interface GlobalEventHandlersEventMap {
    'swk-linked': CustomEvent<FcLinkResult>;
    'swk-empty': CustomEvent<FcEmptyDetail>;
  }
}

export { FcLinkAccount, type FcLinkResult };
export type { FcAccount } from '../schemas/financial-connections.js';
export type { FcAccountDetails };
