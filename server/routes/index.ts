import type { RouteModule } from '../context.js';
import { capitalRoutes } from './capital.js';
import { climateRoutes } from './climate.js';
import { climateOrderingRoutes } from './climate-ordering.js';
import { financialConnectionsRoutes } from './financial-connections.js';
import { financialConnectionsAccountRoutes } from './financial-connections-accounts.js';
import { sharedPaymentRoutes } from './shared-payment.js';
import { paymentIntentRoutes } from './payment-intents.js';

/** Every widget's routes, in the order they are matched. Each widget issue adds its module here. */
export const widgetRoutes: RouteModule[] = [capitalRoutes, climateRoutes, climateOrderingRoutes, financialConnectionsRoutes, financialConnectionsAccountRoutes, sharedPaymentRoutes, paymentIntentRoutes];
