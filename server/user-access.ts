import type { BackendOptions } from './context.js';
import { backendErrorResponse } from './http.js';

/**
 * Routes that need no signed-in user: Stripe's webhooks, the mode probe, and the event stream (which
 * answers an anonymous request itself, see `EventHub`). Every other route, a new one included, needs one.
 */
const PUBLIC_ROUTES = new Set(['/webhooks', '/mode', '/events']);

export const signInRequired = () => backendErrorResponse(401, 'Sign-in required');

/**
 * The 401 for a request to a widget route when the site's top-level `userOf` is set and names no
 * user, before the route runs: an anonymous request never costs a call to Stripe. `undefined` when the
 * request may go on. `pattern` is the matched route's, e.g. `/climate/orders/:id`.
 */
export async function anonymousRefusal(options: BackendOptions, request: Request, pattern: string): Promise<Response | undefined> {
  if (!options.userOf || PUBLIC_ROUTES.has(pattern)) return undefined;
  const user = await options.userOf(request);
  return user ? undefined : signInRequired();
}
