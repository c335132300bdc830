import * as z from './schema.js';
import { type Fetcher, resolveFetcher } from './config.js';
import { isAbortError, WidgetRequestError, type WidgetError } from './errors.js';

export const DEFAULT_TIMEOUT_MS = 15_000;
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

export interface RequestOptions<T> {
  url: string;
  method?: 'GET' | 'POST';
  /** JSON body for POST. */
  body?: unknown;
  /** Validates the parsed JSON; a failure is an `invalid_response` error. */
  schema: z.Schema<T>;
  /** Aborts the request (element disconnected, id changed). An aborted request rejects with an AbortError. */
  signal?: AbortSignal;
  timeoutMs?: number;
  fetcher?: Fetcher;
  /** Required for POST: the same key for every retry of one user action. */
  idempotencyKey?: string;
  /** GET only: automatic retries on network errors, 429 and 5xx. Default 2. */
  retries?: number;
  /** First backoff delay; doubles each retry. Default 400 ms. */
  retryDelayMs?: number;
}

/** A fresh key for one user action. Keep it and pass it again when the user retries that action. */
export function createIdempotencyKey(): string {
  return `swk_${crypto.randomUUID()}`;
}

/** Reads `{ error: { type, code, message } }`, Stripe's error body, when the backend passed it through. */
const stripeErrorBody = z.object({
  error: z.object({
    type: z.optional(z.string()),
    code: z.optional(z.string()),
    message: z.optional(z.string()),
  }),
});

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

async function httpError(response: Response): Promise<WidgetError> {
  const requestId = response.headers.get('request-id') ?? response.headers.get('stripe-request-id') ?? undefined;
  let text = '';
  try {
    text = await response.text();
  } catch {
    // body unreadable; the status alone will do
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const stripe = stripeErrorBody.safeParse(parsed);
  const base: WidgetError = { kind: 'http', status: response.status, message: `HTTP ${response.status}` };
  if (requestId) base.requestId = requestId;
  if (!stripe.success) return base;
  const { type, code, message } = stripe.data.error;
  return {
    ...base,
    kind: 'stripe',
    message: message ?? base.message,
    ...(code !== undefined && { code }),
    ...(type !== undefined && { type }),
  };
}

async function attempt<T>(options: RequestOptions<T>, signal: AbortSignal | undefined): Promise<T> {
  const method = options.method ?? 'GET';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onOuterAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onOuterAbort, { once: true });
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method === 'POST') headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  try {
    let response: Response;
    try {
      response = await resolveFetcher(options.fetcher)(options.url, {
        method,
        headers,
        credentials: 'same-origin',
        signal: controller.signal,
        ...(method === 'POST' && { body: JSON.stringify(options.body ?? {}) }),
      });
    } catch (cause) {
      if (timedOut) throw new WidgetRequestError({ kind: 'timeout', message: `No answer within ${timeoutMs} ms` });
      if (signal?.aborted || isAbortError(cause)) throw cause;
      throw new WidgetRequestError({ kind: 'network', message: cause instanceof Error ? cause.message : 'Network error' });
    }
    if (!response.ok) throw new WidgetRequestError(await httpError(response));
    let json: unknown;
    try {
      json = await response.json();
    } catch (cause) {
      if (timedOut) throw new WidgetRequestError({ kind: 'timeout', message: `No answer within ${timeoutMs} ms` });
      if (signal?.aborted) throw cause;
      throw new WidgetRequestError({ kind: 'invalid_response', status: response.status, message: 'The response is not JSON' });
    }
    const result = options.schema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'response';
      throw new WidgetRequestError({
        kind: 'invalid_response',
        status: response.status,
        message: `Unexpected response at ${where}: ${issue?.message ?? 'invalid'}`,
      });
    }
    return result.data;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onOuterAbort);
  }
}

function isRetryable(cause: unknown): boolean {
  if (!(cause instanceof WidgetRequestError)) return false;
  const { kind, status } = cause.error;
  if (kind === 'network') return true;
  return status !== undefined && RETRY_STATUSES.has(status) && (kind === 'http' || kind === 'stripe');
}

/**
 * Fetches JSON from the site's backend, validates it and returns it, or throws a
 * {@link WidgetRequestError}. Aborting `signal` rejects with the abort reason (never rendered).
 */
export async function requestJson<T>(options: RequestOptions<T>): Promise<T> {
  const method = options.method ?? 'GET';
  if (method === 'POST' && !options.idempotencyKey) throw new TypeError('POST needs an idempotencyKey');
  const retries = method === 'GET' ? (options.retries ?? 2) : 0;
  const baseDelay = options.retryDelayMs ?? 400;
  for (let tryNumber = 0; ; tryNumber++) {
    try {
      return await attempt(options, options.signal);
    } catch (cause) {
      if (tryNumber >= retries || !isRetryable(cause) || options.signal?.aborted) throw cause;
      await wait(baseDelay * 2 ** tryNumber, options.signal);
    }
  }
}

/** Joins an endpoint and an id: tolerates a trailing slash, URL-encodes the id. */
export function endpointUrl(endpoint: string, ...segments: string[]): string {
  const base = endpoint.replace(/\/+$/, '');
  return [base, ...segments.map((s) => encodeURIComponent(s))].join('/');
}
