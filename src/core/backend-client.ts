import type * as z from 'zod/mini';
import { type Fetcher, resolveFetcher } from './config.js';
import { isAbortError, WidgetRequestError, type SchemaIssue, type WidgetError, type WidgetErrorKind } from './errors.js';

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface RequestOptions<T> {
  url: string;
  method?: 'GET' | 'POST';
  /** JSON body for POST. */
  body?: unknown;
  /** Validates the parsed JSON; a failure is an `invalid_response` error. */
  schema: z.ZodMiniType<T>;
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

/** Every schema issue with its dotted path (`latest_charge.amount`; `(root)` for the whole answer). */
export function schemaIssues(issues: readonly z.core.$ZodIssue[]): SchemaIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
}

const failure = (kind: WidgetErrorKind, message: string, status?: number) =>
  new WidgetRequestError(status === undefined ? { kind, message } : { kind, message, status });

/** Reads `{ error: { type, code, message } }`, Stripe's error body, when the backend passed it through. */
async function httpError(response: Response): Promise<WidgetError> {
  const error: WidgetError = { kind: 'http', status: response.status, message: `HTTP ${response.status}` };
  const requestId = response.headers.get('request-id') ?? response.headers.get('stripe-request-id');
  if (requestId) error.requestId = requestId;
  let body: unknown;
  try {
    body = (await response.json())?.error;
  } catch {
    return error;
  }
  if (typeof body !== 'object' || body === null) return error;
  const { type, code, message } = body as Record<string, unknown>;
  // Stripe's errors always carry a type; the backend's own (no route, no config) do not.
  if (typeof type === 'string') error.kind = 'stripe';
  if (typeof message === 'string') error.message = message;
  if (typeof code === 'string') error.code = code;
  if (typeof type === 'string') error.type = type;
  return error;
}

async function attempt<T>(options: RequestOptions<T>): Promise<T> {
  const { signal, method = 'GET', timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method === 'POST') headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  // Any failure after an abort by the caller is rethrown as is: the caller no longer wants an answer.
  const rethrowAborts = (cause: unknown) => {
    if (timedOut) throw failure('timeout', `No answer within ${timeoutMs} ms`);
    if (signal?.aborted || isAbortError(cause)) throw cause;
  };
  try {
    let response: Response;
    try {
      response = await resolveFetcher(options.fetcher)(options.url, {
        method,
        headers,
        credentials: 'same-origin',
        signal: controller.signal,
        body: method === 'POST' ? JSON.stringify(options.body ?? {}) : null,
      });
    } catch (cause) {
      rethrowAborts(cause);
      throw failure('network', cause instanceof Error ? cause.message : 'Network error');
    }
    if (!response.ok) throw new WidgetRequestError(await httpError(response));
    let json: unknown;
    try {
      json = await response.json();
    } catch (cause) {
      rethrowAborts(cause);
      throw failure('invalid_response', 'The response is not JSON', response.status);
    }
    const result = options.schema.safeParse(json);
    if (result.success) return result.data;
    const issues = schemaIssues(result.error.issues);
    const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new WidgetRequestError({ kind: 'invalid_response', message: `Unexpected response: ${listed}`, status: response.status, issues });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function isRetryable(cause: unknown): boolean {
  if (!(cause instanceof WidgetRequestError)) return false;
  const { kind, status = 0 } = cause.error;
  return kind === 'network' || status === 429 || status >= 500;
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/**
 * Fetches JSON from the site's backend, validates it and returns it, or throws a
 * {@link WidgetRequestError}. Aborting `signal` rejects with the abort reason (never rendered).
 */
export async function requestJson<T>(options: RequestOptions<T>): Promise<T> {
  const isPost = options.method === 'POST';
  if (isPost && !options.idempotencyKey) throw new TypeError('POST needs an idempotencyKey');
  const retries = isPost ? 0 : (options.retries ?? 2);
  for (let tryNumber = 0; ; tryNumber++) {
    try {
      return await attempt(options);
    } catch (cause) {
      if (tryNumber >= retries || !isRetryable(cause) || options.signal?.aborted) throw cause;
      await wait((options.retryDelayMs ?? 400) * 2 ** tryNumber, options.signal);
    }
  }
}

/** Joins an endpoint and an id: tolerates a trailing slash, URL-encodes the id. */
export function endpointUrl(endpoint: string, ...segments: string[]): string {
  return [endpoint.replace(/\/+$/, ''), ...segments.map(encodeURIComponent)].join('/');
}
