import type { BackendOptions, StripeObject } from './context.js';
import { json } from './http.js';
import { isStripeNotFound } from './stripe-errors.js';
import { unrenderableObjectResponse } from './validate-object.js';

/**
 * The one ownership gate every reference route goes through. `found` is what the route looked up:
 * Stripe's object (without the SDK's extras or a `client_secret`; `answer` may send the browser fewer
 * fields), or a Response (Stripe's error, a 404) that is sent as is, except that Stripe's own 404
 * (`stripeErrorResponse`) becomes `notFound()`, byte for byte what a denied id gets.
 * The object goes to `answer` (default: sent as JSON) only when `options.authorize` is unset or returns
 * `true`; otherwise `notFound()`, the route's usual 404 `resource_missing`, so a denial looks like an
 * unknown id. An allowed object that fails the widgets' schema answers 502 instead (the failing paths are
 * logged), so a widget never gets a 200 it cannot render. A throwing hook is not caught: it reaches the
 * app's error path (500).
 */
export async function ifAuthorized<T extends object>(
  options: BackendOptions,
  request: Request,
  found: T | Response,
  notFound: () => Response,
  answer: (object: T) => Response | Promise<Response> = (object) => json(object),
): Promise<Response> {
  // Stripe's 404 for an unknown id answers exactly as a denied id does.
  if (found instanceof Response) return isStripeNotFound(found) ? notFound() : found;
  if (options.authorize && (await options.authorize(request, found as unknown as StripeObject)) !== true) return notFound();
  return unrenderableObjectResponse(found) ?? answer(found);
}
