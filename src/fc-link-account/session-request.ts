import { WidgetRequestError } from '../core/errors.js';
import { FC_PERMISSIONS, FC_PREFETCH } from '../schemas/financial-connections.js';
import type { FcMessages } from './fc-link-account.messages.js';

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

function checked(attribute: string, value: string, allowed: readonly string[], m: FcMessages): string[] {
  const list = words(value);
  const wrong = list.find((word) => !allowed.includes(word));
  if (wrong !== undefined) throw configError(m.config.unknown(attribute, wrong, allowed.join(', ')));
  return list;
}

/**
 * Reads the space-separated `permissions` and `prefetch` attributes; throws a `config` error for a
 * value Stripe would reject, so no request is made.
 */
export function sessionRequest(permissions: string, prefetch: string, m: FcMessages): FcSessionRequest {
  const request = {
    permissions: checked('permissions', permissions, FC_PERMISSIONS, m),
    prefetch: checked('prefetch', prefetch, FC_PREFETCH, m),
  };
  if (request.permissions.length === 0) throw configError(m.config.permissionsEmpty);
  return request;
}

export { configError };
