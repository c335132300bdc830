/** What kind of failure a widget met; the UI and the `swk-error` event tell them apart. */
export type WidgetErrorKind = 'network' | 'timeout' | 'http' | 'invalid_response' | 'stripe' | 'stripe_js' | 'config' | 'render';

/** One reason an answer failed its schema: the dotted path of the field and zod's message. */
export interface SchemaIssue {
  path: string;
  message: string;
}

/** The one error shape every widget renders and reports in `swk-error`. */
export interface WidgetError {
  kind: WidgetErrorKind;
  /** A developer-facing message (English). The widget shows a localized text chosen by `kind`. */
  message: string;
  /** HTTP status, when the backend answered. */
  status?: number;
  /** Stripe's error `code` (or Stripe.js error code), when one was given. */
  code?: string;
  /** Stripe's error `type`, e.g. `invalid_request_error`, when one was given. */
  type?: string;
  /** `Request-Id` / `Stripe-Request-Id` of the failed response, when known. */
  requestId?: string;
  /** `invalid_response` from a schema: every field that failed, not only the first. */
  issues?: SchemaIssue[];
}

/** Thrown by the backend client; carries a {@link WidgetError}. */
export class WidgetRequestError extends Error {
  readonly error: WidgetError;
  constructor(error: WidgetError) {
    super(error.message);
    this.name = 'WidgetRequestError';
    this.error = error;
  }
}

export function isAbortError(cause: unknown): boolean {
  return typeof cause === 'object' && cause !== null && (cause as { name?: unknown }).name === 'AbortError';
}

/** Turns anything thrown into a {@link WidgetError}; never throws. */
export function toWidgetError(cause: unknown, fallback: WidgetErrorKind = 'network'): WidgetError {
  if (cause instanceof WidgetRequestError) return cause.error;
  const message = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : 'Unknown error';
  return { kind: fallback, message };
}
