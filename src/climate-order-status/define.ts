import type { SwkErrorDetail, SwkLoadDetail } from '../core/events.js';
import { ClimateOrderStatus, type OrderCanceledDetail } from './climate-order-status.component.js';
import type { ClimateOrder } from '../schemas/climate-order.js';

ClimateOrderStatus.define('climate-order-status');

declare global {
  interface HTMLElementTagNameMap {
    'climate-order-status': ClimateOrderStatus;
  }
  /** `swk-load`'s `detail.object` from `<climate-order-status>`. */
  interface SwkLoadObjectMap {
    'climate-order-status': ClimateOrder;
  }
  interface GlobalEventHandlersEventMap {
    'swk-order-canceled': CustomEvent<OrderCanceledDetail>;
  }
}

export { ClimateOrderStatus, type OrderCanceledDetail };
export type { SwkErrorDetail, SwkLoadDetail };
