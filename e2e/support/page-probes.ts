import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';

// Probes for the spt-token-status, payment-capture-status and pages e2e files: keep the page off the
// internet, record the widgets' DOM events and the event-stream messages the page receives, follow
// focus through shadow roots, and write screenshots.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Aborts every request to a non-loopback host and remembers it; assert the list stays empty. */
export async function blockInternet(page: Page): Promise<string[]> {
  const blocked: string[] = [];
  await page.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && !LOOPBACK.has(url.hostname),
    (route) => {
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return blocked;
}

export interface RecordedRequest {
  at: number;
  method: string;
  url: string;
  type: string;
}

/** Every request the page makes, with the time it started (Node's clock). */
export function recordRequests(page: Page): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  page.on('request', (r) => requests.push({ at: Date.now(), method: r.method(), url: r.url(), type: r.resourceType() }));
  return requests;
}

export interface RecordedDomEvent {
  type: string;
  /** The element that fired it (its tag), after retargeting out of shadow roots. */
  tag: string;
  /** The id of the object in the detail: the loaded object, the token, the charge. */
  objectId: string | undefined;
  /** Whether the detail mentions a client secret anywhere (it never should). */
  mentionsSecret: boolean;
}

/** Records the given `swk-*` events on document from before any page script runs; read with `domEvents()`. */
export async function recordDomEvents(page: Page, types: string[]): Promise<void> {
  await page.addInitScript((names) => {
    const log: unknown[] = [];
    (window as unknown as { __swkEvents: unknown[] }).__swkEvents = log;
    for (const type of names) {
      document.addEventListener(
        type,
        (event) => {
          const detail = (event as CustomEvent).detail as Record<string, { id?: string } | undefined> | undefined;
          const object = detail?.object ?? detail?.token ?? detail?.charge ?? detail?.order ?? detail?.offer;
          let text: string;
          try {
            text = JSON.stringify(detail) ?? '';
          } catch {
            text = '';
          }
          log.push({
            type,
            tag: (event.target as Element | null)?.localName ?? '',
            objectId: object?.id ?? (detail as { sessionId?: string } | undefined)?.sessionId,
            mentionsSecret: /client_secret|_secret_/.test(text),
          });
        },
        true,
      );
    }
  }, types);
}

export function domEvents(page: Page): Promise<RecordedDomEvent[]> {
  return page.evaluate(() => (window as unknown as { __swkEvents?: RecordedDomEvent[] }).__swkEvents ?? []);
}

export interface StreamMessage {
  at: number;
  url: string;
  data: { type?: string; id?: string; object?: string };
}

/** The messages the page's EventSources receive (Chromium's DevTools protocol), with Node's time of arrival. */
export async function recordEventStream(page: Page): Promise<StreamMessage[]> {
  const messages: StreamMessage[] = [];
  const requestUrls = new Map<string, string>();
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (e) => requestUrls.set(e.requestId, e.request.url));
  cdp.on('Network.eventSourceMessageReceived', (e) => {
    let data: StreamMessage['data'];
    try {
      data = JSON.parse(e.data) as StreamMessage['data'];
    } catch {
      data = {};
    }
    messages.push({ at: Date.now(), url: requestUrls.get(e.requestId) ?? '', data });
  });
  await cdp.send('Network.enable');
  return messages;
}

export interface FocusInfo {
  /** Tags from the document down through shadow roots to the focused element. */
  path: string[];
  /** The focused element's `part` attribute, or its text. */
  part: string;
  text: string;
  /** `:focus-visible` matches and an outline or box-shadow is drawn. */
  visible: boolean;
}

/** The focused element, followed into open shadow roots. */
export function deepFocus(page: Page): Promise<FocusInfo> {
  return page.evaluate(() => {
    const path: string[] = [];
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) {
      path.push(active.localName);
      active = active.shadowRoot.activeElement;
    }
    if (!active) return { path, part: '', text: '', visible: false };
    path.push(active.localName);
    const style = getComputedStyle(active);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      path,
      part: active.getAttribute('part') ?? '',
      text: (active.textContent ?? '').replace(/\s+/g, ' ').trim(),
      visible: active.matches(':focus-visible') && (outline || shadow),
    };
  });
}

/**
 * Presses Tab until `matches` accepts the focused element (at most `limit` presses); returns every
 * stop on the way. Fails with the stops seen when it never gets there.
 */
export async function tabUntil(page: Page, matches: (focus: FocusInfo) => boolean, limit = 150): Promise<FocusInfo[]> {
  const stops: FocusInfo[] = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const focus = await deepFocus(page);
    stops.push(focus);
    if (matches(focus)) return stops;
  }
  assert.fail(`Tab never reached the target; stops: ${stops.map((s) => `${s.path.join('>')}[${s.part || s.text.slice(0, 30)}]`).join(', ')}`);
}

/** The folder for screenshots (env SWK_SCREENSHOTS, default `screenshots/` in the repo); created, printed once per process. */
let announced = false;
export function screenshotDir(sub: string): string {
  const dir = resolve(process.env.SWK_SCREENSHOTS ?? 'screenshots', sub);
  mkdirSync(dir, { recursive: true });
  if (!announced) {
    announced = true;
    console.log(`screenshots: ${resolve(process.env.SWK_SCREENSHOTS ?? 'screenshots')}`);
  }
  return dir;
}

/** The shadow-root text of a widget, whitespace collapsed: what a visitor reads. */
export async function shadowText(locator: Locator): Promise<string> {
  return locator.evaluate((el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim());
}
