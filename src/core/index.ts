export { configure, getConfig, type Fetcher, type KitConfig } from './config.js';
export { createIdempotencyKey, endpointUrl, requestJson, type RequestOptions } from './backend-client.js';
export { toWidgetError, WidgetRequestError, type SchemaIssue, type WidgetError, type WidgetErrorKind } from './errors.js';
export type { SwkErrorDetail, SwkLoadDetail, SwkLoadEvent, SwkLoadObject } from './events.js';
export { formatDate, formatDuration, formatMetricTons, formatMoney, formatPercent, formatRelativeTime } from './format.js';
export type { Locale } from './i18n.js';
export type { LiveEvent } from './live-updates.js';
export { SwkElement } from './swk-element.js';
export { version } from './version.js';
