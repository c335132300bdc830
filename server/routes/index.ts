import type { RouteModule } from '../context.js';
import { capitalRoutes } from './capital.js';

/** Every widget's routes, in the order they are matched. Each widget issue adds its module here. */
export const widgetRoutes: RouteModule[] = [capitalRoutes];
