import type * as z from 'zod/mini';
import { en } from 'zod/locales';
import {
  capitalFinancingOfferSchema,
  chargeSchema,
  climateOrderSchema,
  climateProductSchema,
  fcAccountDetailsSchema,
  paymentIntentSchema,
  sharedPaymentGrantedTokenSchema,
} from '../src/schemas/index.js';
import { backendErrorResponse } from './http.js';

/** zod's English messages for this check only: the site's own zod settings are left alone. */
const english = en().localeError;

/** The widgets' own schemas, by Stripe's `object` field: what the browser will parse. */
const SCHEMAS: Readonly<Record<string, z.ZodMiniType>> = {
  'capital.financing_offer': capitalFinancingOfferSchema,
  'climate.order': climateOrderSchema,
  'climate.product': climateProductSchema,
  'financial_connections.account': fcAccountDetailsSchema,
  'shared_payment.granted_token': sharedPaymentGrantedTokenSchema,
  payment_intent: paymentIntentSchema,
  charge: chargeSchema,
};

/**
 * The fields of `object` a widget could not render (`latest_charge.amount: Invalid input…`), or an
 * empty list when it passes its schema or is of a type no widget reads.
 */
export function objectIssues(object: unknown): string[] {
  const type = (object as { object?: unknown } | null)?.object;
  const schema = typeof type === 'string' && Object.hasOwn(SCHEMAS, type) ? SCHEMAS[type]! : undefined;
  if (!schema) return [];
  // Checked in the form the browser gets: the SDK keeps some fields (decimals) as objects that serialize to strings.
  const result = schema.safeParse(JSON.parse(JSON.stringify(object)), { error: english });
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
}

/** Logs which fields failed (paths and zod's messages only: never the values, which may hold secrets). */
function logIssues(where: string, object: unknown, issues: string[]): void {
  const { object: type, id } = object as { object?: unknown; id?: unknown };
  const name = `${typeof type === 'string' ? type : 'object'} ${typeof id === 'string' ? id : ''}`.trim();
  console.error(`[stripe-widget-kit] ${where}: ${name} does not match the widgets' schema: ${issues.join('; ')}`);
}

/**
 * A 502 (the backend's own error body) when Stripe answered with an object the widgets could not
 * render, so the browser shows "the server returned an error" instead of choking on a 200; undefined
 * when the object may be sent.
 */
export function unrenderableObjectResponse(object: unknown): Response | undefined {
  const issues = objectIssues(object);
  if (issues.length === 0) return undefined;
  logIssues('answer withheld', object, issues);
  return backendErrorResponse(502, 'Stripe answered with an object the widgets cannot display');
}

/** Whether a webhook's `data.object` may be published to the event stream; logs the failing paths when not. */
export function webhookObjectRenders(object: unknown): boolean {
  const issues = objectIssues(object);
  if (issues.length > 0) logIssues('webhook not published', object, issues);
  return issues.length === 0;
}
