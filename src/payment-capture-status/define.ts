import { PaymentCaptureStatus, type CaptureSettledDetail } from './payment-capture-status.component.js';

export { PaymentCaptureStatus, type CaptureSettledDetail } from './payment-capture-status.component.js';
export type { Charge, PaymentIntent } from '../schemas/payment-intent.js';

PaymentCaptureStatus.define('payment-capture-status');

declare global {
  interface HTMLElementTagNameMap {
    'payment-capture-status': PaymentCaptureStatus;
  }
  interface GlobalEventHandlersEventMap {
    'swk-capture-settled': CustomEvent<CaptureSettledDetail>;
  }
}
