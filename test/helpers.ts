import { expect, fixture, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { Fetcher } from '../src/core/config.js';

/**
 * Lit's dev-mode warnings (a property changed during update, a misused binding, …) fail the test that
 * caused them, as Spectrum's test helpers do. Every widget test imports this module.
 */
const litWarnings: string[] = [];
/** Lit's one-time "dev mode" notice, seen but not held against any test. */
const ignoredLitNotices: string[] = [];
const consoleWarn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (/lit\.dev\/msg\//.test(text)) (text.includes('lit.dev/msg/dev-mode') ? ignoredLitNotices : litWarnings).push(text);
  consoleWarn(...args);
};
/** The Lit notices the guard saw and let pass (Lit prints its dev-mode notice once per page, after loading). */
export function ignoredLitWarnings(): readonly string[] {
  return ignoredLitNotices;
}
/** The Lit warnings seen since the last call (the guard below fails a test that leaves any). */
export function takeLitWarnings(): string[] {
  return litWarnings.splice(0);
}
afterEach(() => {
  expect(takeLitWarnings(), "Lit's dev-mode warnings").to.deep.equal([]);
});

/** One request a widget made through its `fetcher`. */
export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
  signal: AbortSignal | undefined;
  /** Resolves once the widget has read the body of the answer this call returned (`json()` or `text()`). */
  delivered: Promise<void>;
}

export type FakeAnswer =
  | {
      status?: number;
      json?: unknown;
      text?: string;
      headers?: Record<string, string>;
      delayMs?: number;
      /**
       * Holds the answer until this promise settles, then returns it even if the request was aborted
       * meanwhile, as an answer already on its way would arrive (see {@link heldAnswer}).
       */
      heldUntil?: Promise<unknown>;
    }
  | 'network-error'
  | 'hang';

/**
 * A fake backend for a widget's `fetcher` property: answers each call from `answer` (by URL/method),
 * records every call, honours abort signals, and can hang (for timeouts) or fail like the network.
 */
export function fakeBackend(answer: (call: RecordedCall) => FakeAnswer | Promise<FakeAnswer>) {
  const calls: RecordedCall[] = [];
  const fetcher: Fetcher = async (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    let markDelivered!: () => void;
    const delivered = new Promise<void>((resolve) => (markDelivered = resolve));
    const call: RecordedCall = { url, method: init.method ?? 'GET', headers: new Headers(init.headers), body, signal: init.signal ?? undefined, delivered };
    calls.push(call);
    const reply = await answer(call);
    const signal = init.signal;
    const abortable = <T>(promise: Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
        signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')), { once: true });
        promise.then(resolve, reject);
      });
    if (reply === 'hang') return abortable(new Promise<Response>(() => {}));
    if (reply === 'network-error') throw new TypeError('Failed to fetch');
    if (reply.delayMs) await abortable(new Promise((r) => setTimeout(r, reply.delayMs)));
    if (reply.heldUntil) await reply.heldUntil;
    const text = reply.text ?? JSON.stringify(reply.json ?? {});
    const response = new Response(text, {
      status: reply.status ?? 200,
      headers: { 'Content-Type': reply.text !== undefined ? 'text/html' : 'application/json', ...reply.headers },
    });
    const readJson = response.json.bind(response);
    const readText = response.text.bind(response);
    response.json = () => readJson().finally(markDelivered);
    response.text = () => readText().finally(markDelivered);
    return response;
  };
  return { fetcher, calls };
}

/**
 * An answer that waits for `release()` and then arrives even if its request was aborted: a stale
 * answer, to prove a widget never renders it (`call.delivered` says when the widget has read it).
 */
export function heldAnswer(answer: { json?: unknown; status?: number }) {
  let release!: () => void;
  const heldUntil = new Promise<void>((resolve) => (release = resolve));
  return { answer: { ...answer, heldUntil } satisfies FakeAnswer, release };
}

/**
 * One task later: every promise callback already queued, and each one those queue, has run by then.
 * Lets the rest of a widget's request path (parse, validate, its controller) finish after an answer.
 */
export function afterMicrotasks(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A Stripe-style error body, as the reference backend passes it through. */
export function stripeError(status: number, message = 'No such object', code = 'resource_missing', type = 'invalid_request_error'): FakeAnswer {
  return { status, json: { error: { type, code, message } }, headers: { 'Request-Id': 'req_test_123' } };
}

/** All text a user can see or hear in the element's shadow root (and its slotted light DOM). */
export function shadowText(element: Element): string {
  const root = element.shadowRoot;
  if (!root) return '';
  return (root.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Text that must never reach a user. */
export function expectNoBrokenText(element: Element): void {
  const text = shadowText(element);
  for (const bad of ['undefined', 'NaN', '[object Object]', 'Invalid Date', 'null', 'Infinity']) {
    expect(text, `rendered text contains "${bad}": ${text}`).not.to.include(bad);
  }
}

/** Mounts a widget, optionally setting properties before it connects (e.g. `fetcher`). */
export async function mount<T extends HTMLElement>(template: TemplateResult): Promise<T> {
  return fixture<T>(template);
}

/** Waits until `predicate` (which may be async) holds, polling each animation frame, or fails after `timeoutMs`. */
export async function until(predicate: () => boolean | Promise<boolean>, message = 'condition', timeoutMs = 3000): Promise<void> {
  const start = performance.now();
  while (!(await predicate())) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${message}`);
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
}

/** The element's shadow-root node for `selector`, failing clearly when it is missing. */
export function part<T extends Element = HTMLElement>(element: Element, selector: string): T {
  const found = element.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in ${element.localName}'s shadow root: ${shadowText(element)}`);
  return found;
}

export { oneEvent };

/** What the element's polite live region says now (its first `role="status"`). */
export function liveText(el: Element): string {
  return el.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() ?? '';
}
