import type { SwkErrorDetail, SwkLoadDetail } from '../core/events.js';
import { ClimateOrderStatus, type OrderCanceledDetail } from './climate-order-status.component.js';

ClimateOrderStatus.define('climate-order-status');

declare global {
  interface HTMLElementTagNameMap {
    'climate-order-status': ClimateOrderStatus;
  }
  interface GlobalEventHandlersEventMap {
    'swk-order-canceled': CustomEvent<OrderCanceledDetail>;
  }
}

export { ClimateOrderStatus, type OrderCanceledDetail };
export type { SwkErrorDetail, SwkLoadDetail };
