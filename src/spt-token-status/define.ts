import { SptTokenStatus, type SptChargedDetail, type SptTokenExpiredDetail } from './spt-token-status.component.js';
import type { SharedPaymentGrantedToken } from '../schemas/shared-payment-granted-token.js';

export * from './spt-token-status.component.js';
export type { SharedPaymentGrantedToken } from '../schemas/shared-payment-granted-token.js';
export type { PaymentIntent } from '../schemas/payment-intent.js';
export type { TokenStateName } from './token-state.js';

SptTokenStatus.define('spt-token-status');

declare global {
  interface HTMLElementTagNameMap {
    'spt-token-status': SptTokenStatus;
  }
  /** `swk-load`'s `detail.object` from `<spt-token-status>`. */
  interface SwkLoadObjectMap {
    'spt-token-status': SharedPaymentGrantedToken;
  }
  interface GlobalEventHandlersEventMap {
    'swk-token-expired': CustomEvent<SptTokenExpiredDetail>;
    'swk-charged': CustomEvent<SptChargedDetail>;
  }
}
