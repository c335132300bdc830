import { PaymentCaptureStatus, type CaptureSettledDetail } from './payment-capture-status.component.js';
import type { PaymentIntent } from '../schemas/payment-intent.js';

export { PaymentCaptureStatus, type CaptureSettledDetail } from './payment-capture-status.component.js';
export type { Charge, PaymentIntent } from '../schemas/payment-intent.js';

PaymentCaptureStatus.define('payment-capture-status');

declare global {
  interface HTMLElementTagNameMap {
    'payment-capture-status': PaymentCaptureStatus;
  }
  /** `swk-load`'s `detail.object` from `<payment-capture-status>`. */
  interface SwkLoadObjectMap {
    'payment-capture-status': PaymentIntent;
  }
  interface GlobalEventHandlersEventMap {
    'swk-capture-settled': CustomEvent<CaptureSettledDetail>;
  }
}
