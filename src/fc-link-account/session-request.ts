import { WidgetRequestError } from '../core/errors.js';
import { FC_PERMISSIONS, FC_PREFETCH } from '../schemas/financial-connections.js';

/** The JSON body the widget POSTs to its endpoint. */
export interface FcSessionRequest {
  permissions: string[];
  prefetch: string[];
}

function words(value: string): string[] {
  return [...new Set(value.split(/[\s,]+/).filter(Boolean))];
}

function configError(message: string): WidgetRequestError {
  return new WidgetRequestError({ kind: 'config', message });
}

function checked(attribute: string, value: string, allowed: readonly string[]): string[] {
  const list = words(value);
  const wrong = list.find((word) => !allowed.includes(word));
  if (wrong !== undefined) throw configError(`Unknown ${attribute} "${wrong}". Allowed: ${allowed.join(', ')}.`);
  return list;
}

/**
 * Reads the space-separated `permissions` and `prefetch` attributes; throws a `config` error for a
 * value Stripe would reject, so no request is made. Its message is for the site's developer, in
 * English like every `WidgetError.message`; users see the localized "not set up correctly" text.
 */
export function sessionRequest(permissions: string, prefetch: string): FcSessionRequest {
  const request = {
    permissions: checked('permissions', permissions, FC_PERMISSIONS),
    prefetch: checked('prefetch', prefetch, FC_PREFETCH),
  };
  if (request.permissions.length === 0) throw configError('Request at least one permission.');
  return request;
}

export { configError };
