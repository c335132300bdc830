import type { SwkErrorDetail, SwkLoadDetail } from '../core/events.js';
import { ClimateOrderForm, type ClimateOrderRequest, type OrderCreatedDetail } from './climate-order-form.component.js';
import type { ClimateOrder } from '../schemas/climate-order.js';
import type { ClimateProduct, ClimateProductList } from '../schemas/climate-product.js';

ClimateOrderForm.define('climate-order-form');

declare global {
  interface HTMLElementTagNameMap {
    'climate-order-form': ClimateOrderForm;
  }
  /** `swk-load`'s `detail.object` from `<climate-order-form>`: the product list, or the order just placed. */
  interface SwkLoadObjectMap {
    'climate-order-form': ClimateProductList | ClimateOrder;
  }
  interface GlobalEventHandlersEventMap {
    'swk-order-created': CustomEvent<OrderCreatedDetail>;
  }
}

export { ClimateOrderForm, type ClimateOrderRequest, type OrderCreatedDetail };
export type { ClimateOrder, ClimateProduct, ClimateProductList, SwkErrorDetail, SwkLoadDetail };
