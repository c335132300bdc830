export { createBackend, optionsFromEnv, type Backend } from './app.js';
export { ifAuthorized } from './authorize.js';
export type { AuthorizeObject, BackendMode, BackendOptions, RouteContext, RouteModule, StripeObject } from './context.js';
export { EventHub, type PublishedEvent } from './event-hub.js';
export { backendErrorResponse, errorResponse, json, stripeErrorResponse } from './http.js';
export { nodeHandler, toRequest, writeResponse } from './node-adapter.js';
export { Router } from './router.js';
export { SimulatorStore } from './simulator/store.js';
export { createWebhookHandler } from './webhooks.js';
