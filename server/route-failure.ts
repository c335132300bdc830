import { HookTimeout } from './hook-deadline.js';
import { backendErrorResponse, busyResponse } from './http.js';

/**
 * The answer when a route throws: 503 with `Retry-After` when a site hook did not settle in time,
 * otherwise the backend's bare 500. Only the cause's message is logged, never sent.
 */
export function routeFailureResponse(cause: unknown): Response {
  const message = cause instanceof Error ? cause.message : String(cause);
  console.error('[stripe-widget-kit] route failed:', message);
  return cause instanceof HookTimeout ? busyResponse() : backendErrorResponse(500, 'Internal error');
}
