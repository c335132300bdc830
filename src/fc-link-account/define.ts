import { FcLinkAccount, type FcLinkResult } from './fc-link-account.component.js';

FcLinkAccount.define('fc-link-account');

/** Detail of `swk-empty`: the session ended with no account linked. */
export interface FcEmptyDetail {
  sessionId: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'fc-link-account': FcLinkAccount;
  }
  /** `swk-load`'s `detail.object` from `<fc-link-account>`. */
  interface SwkLoadObjectMap {
    'fc-link-account': FcLinkResult;
  }
  interface GlobalEventHandlersEventMap {
    'swk-linked': CustomEvent<FcLinkResult>;
    'swk-empty': CustomEvent<FcEmptyDetail>;
  }
}

export { FcLinkAccount, type FcLinkResult };
export type { FcAccount } from '../schemas/financial-connections.js';
