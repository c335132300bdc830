import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { assertNoAxeViolations } from './axe.js';
import { launchChromium } from './browser.js';
import { startDemoServer } from './demo-server.js';

/**
 * The one support module of the end-to-end tests, which drive a page as a visitor would: a page that
 * can only reach loopback hosts, recorders for the widgets' swk-* events, for every request and for
 * what the page's EventSources received, screenshots, focus probes, Tab walks and the
 * English/Japanese × light/dark + axe loop.
 */

export type ColorScheme = 'light' | 'dark';
export type Lang = 'en' | 'ja';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

// ---------------------------------------------------------------------------------------------
// Opening a page with probes

export interface RecordedEvent {
  type: string;
  /** localName of the element that fired it. */
  tag: string;
  /** Index of that element among same-named elements in the document (0 = first on the page). */
  index: number;
  detail: unknown;
}

export interface RecordedRequest {
  /** When it started (Node's clock, comparable with StreamMessage.at). */
  at: number;
  method: string;
  url: string;
  type: string;
}

export interface StreamMessage {
  /** When it arrived (Node's clock). */
  at: number;
  url: string;
  type?: string;
  id?: string;
  object?: string;
}

export interface ProbedPage {
  page: Page;
  context: BrowserContext;
  /** The response to the first navigation. */
  response: Response;
  /** Requests to non-loopback hosts that were blocked (each is a test failure). */
  blocked: string[];
  /** Every request the page made. */
  requests: RecordedRequest[];
  /** Every message the page's EventSources received. */
  stream: StreamMessage[];
  /** Uncaught page errors. */
  errors: string[];
  /** Console lines, `type: text`. */
  console: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  colorScheme?: ColorScheme;
  /** The swk-* event types to record (read with recordedEvents / waitForEvent). */
  events?: string[];
  /** Runs after the probes are in place and before the page loads (init scripts, a fake clock). */
  beforeGoto?: (page: Page) => Promise<unknown>;
}

/**
 * Runs in the page before its own scripts (plain JS: tsx would wrap TypeScript functions in helpers
 * the page lacks). Records every listed swk-* event at the document. Also defines the `__name`
 * helper tsx adds to functions passed to evaluate().
 */
const RECORDER = `
globalThis.__name ??= (target) => target;
window.__swkEvents = [];
const plain = (value) => {
  try { return JSON.parse(JSON.stringify(value ?? null)); } catch { return String(value); }
};
for (const type of window.__swkEventTypes) {
  document.addEventListener(type, (event) => {
    const target = event.composedPath()[0];
    const tag = target.localName;
    window.__swkEvents.push({ type, tag, index: [...document.querySelectorAll(tag)].indexOf(target), detail: plain(event.detail) });
  }, true);
}
`;

const streams = new WeakMap<Page, StreamMessage[]>();

/** Records the messages the page's EventSources receive (Chromium's DevTools protocol), with Node's time. */
async function recordEventStream(page: Page): Promise<StreamMessage[]> {
  const messages: StreamMessage[] = [];
  const requestUrls = new Map<string, string>();
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (e) => requestUrls.set(e.requestId, e.request.url));
  cdp.on('Network.eventSourceMessageReceived', (e) => {
    let data: Pick<StreamMessage, 'type' | 'id' | 'object'>;
    try {
      data = JSON.parse(e.data) as typeof data;
    } catch {
      data = {}; // not JSON: not an event the widgets act on either
    }
    messages.push({ at: Date.now(), url: requestUrls.get(e.requestId) ?? '', type: data.type, id: data.id, object: data.object });
  });
  await cdp.send('Network.enable');
  streams.set(page, messages);
  return messages;
}

/**
 * Opens `url` in a fresh context that blocks (and records) every non-loopback request, and records
 * every request, every listed `swk-*` event, every EventSource message, page errors and the console.
 */
export async function openPage(browser: Browser, url: string, { colorScheme = 'light', events = [], beforeGoto }: OpenOptions = {}): Promise<ProbedPage> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, colorScheme, reducedMotion: 'reduce' });
  const blocked: string[] = [];
  await context.route(
    (u) => ['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol) && !LOOPBACK.has(u.hostname),
    (route) => {
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  await context.addInitScript({ content: `window.__swkEventTypes = ${JSON.stringify(events)};\n${RECORDER}` });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const requests: RecordedRequest[] = [];
  const errors: string[] = [];
  const consoleLines: string[] = [];
  page.on('request', (r) => requests.push({ at: Date.now(), method: r.method(), url: r.url(), type: r.resourceType() }));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  const stream = await recordEventStream(page);
  await beforeGoto?.(page);
  const response = await page.goto(url);
  assert.ok(response, `no response for ${url}`);
  return { page, context, response, blocked, requests, stream, errors, console: consoleLines, close: () => context.close() };
}

/** Opens the demo page (`npm run demo`, simulator mode) in `lang` and waits until it says simulator. */
export async function openDemoPage(browser: Browser, origin: string, { lang = 'en', ...options }: OpenOptions & { lang?: Lang } = {}): Promise<ProbedPage> {
  const demo = await openPage(browser, `${origin}/?lang=${lang}`, options);
  await demo.page.waitForFunction(() => document.querySelector('#mode-label')?.textContent?.includes('simulator'));
  return demo;
}

/** Launches Chromium before the enclosing describe()'s tests and closes it after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/**
 * Starts the demo server and Chromium before the enclosing describe()'s tests and closes both after
 * them; returns the way to open the demo page (with `defaults` under each call's options).
 */
export function useDemoPage(defaults: OpenOptions & { lang?: Lang } = {}): (options?: OpenOptions & { lang?: Lang }) => Promise<ProbedPage> {
  let server: ViteDevServer | undefined;
  let origin = '';
  before(async () => {
    ({ url: origin, server } = await startDemoServer());
  });
  const browser = useBrowser();
  after(async () => {
    await server?.close();
  });
  return (options = {}) => openDemoPage(browser(), origin, { ...defaults, ...options });
}

/**
 * Asserts no request left loopback, no page error happened and no recorded event detail carries a
 * client secret.
 */
export async function assertCleanRun(probe: ProbedPage): Promise<void> {
  assert.deepEqual(probe.blocked, [], `requests to non-loopback hosts: ${probe.blocked.join(', ')}`);
  const away = probe.requests.filter((r) => new URL(r.url).hostname !== '127.0.0.1');
  assert.deepEqual(away.map((r) => r.url), [], 'every request stays on loopback');
  assert.deepEqual(probe.errors, [], `page errors: ${probe.errors.join(' | ')}`);
  const secrets = (await recordedEvents(probe.page)).filter((e) => /client_secret|_secret_/.test(JSON.stringify(e.detail)));
  assert.deepEqual(secrets.map((e) => `${e.type}@${e.tag}`), [], 'no event detail carries a client secret');
}

// ---------------------------------------------------------------------------------------------
// Events and the event stream

/** Every swk-* event recorded so far, optionally only of one type. */
export async function recordedEvents(page: Page, type?: string): Promise<RecordedEvent[]> {
  const all = await page.evaluate(() => (window as unknown as { __swkEvents: RecordedEvent[] }).__swkEvents);
  return type ? all.filter((e) => e.type === type) : all;
}

/** How many swk-* events were recorded so far (a mark for waitForEvent). */
export async function eventCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __swkEvents: unknown[] }).__swkEvents.length);
}

/** The id of the object an event is about: the loaded object, the token, the charge, the order, the offer, the session. */
export function objectId(event: RecordedEvent): string | undefined {
  const detail = event.detail as Record<string, { id?: string } | undefined> & { sessionId?: string } | null;
  const object = detail?.object ?? detail?.token ?? detail?.charge ?? detail?.order ?? detail?.offer;
  return object?.id ?? detail?.sessionId;
}

/** Waits until an event of `type` matching `match` was recorded after the first `since` events; returns it. */
export async function waitForEvent(page: Page, type: string, since: number, match: (event: RecordedEvent) => boolean = () => true, timeout = 5000): Promise<RecordedEvent> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const all = await recordedEvents(page);
    const found = all.slice(since).find((e) => e.type === type && match(e));
    if (found) return found;
    if (Date.now() > deadline) assert.fail(`no ${type} event within ${timeout} ms; recorded since: ${JSON.stringify(all.slice(since).map((e) => `${e.type}@${e.tag}[${e.index}]`))}`);
    await page.waitForTimeout(50);
  }
}

/** Waits for the page's /api/events stream to deliver an event of `type` (about `id`, when given). */
export async function waitForStreamMessage(page: Page, type: string, id?: string, timeout = 5000): Promise<StreamMessage> {
  const messages = streams.get(page);
  assert.ok(messages, 'the page was not opened with openPage');
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = messages.find((m) => m.type === type && (id === undefined || m.id === id) && new URL(m.url).pathname === '/api/events');
    if (found) return found;
    if (Date.now() > deadline) assert.fail(`no ${type}${id ? ` for ${id}` : ''} on /api/events within ${timeout} ms; received: ${messages.map((m) => `${m.type}:${m.id}`).join(', ')}`);
    await page.waitForTimeout(50);
  }
}

// ---------------------------------------------------------------------------------------------
// What a visitor sees

let announced = false;

/** The screenshot folder (env SWK_SCREENSHOTS, default `screenshots/` in the repo); printed once per run. */
function screenshotDir(): string {
  const dir = resolve(process.env.SWK_SCREENSHOTS || 'screenshots');
  mkdirSync(dir, { recursive: true });
  if (!announced) {
    announced = true;
    console.log(`screenshots: ${dir}`);
  }
  return dir;
}

/** Screenshots `target` (an element, or the page's viewport or whole page) as `<name>.png` in the screenshot folder. */
export async function screenshot(target: Locator | Page, name: string, { fullPage = false } = {}): Promise<void> {
  const path = join(screenshotDir(), `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
  await target.screenshot({ path, animations: 'disabled', ...(fullPage ? { fullPage } : {}) });
}

/** The text a widget renders in its shadow roots (whitespace collapsed, elements apart), for assertions and messages. */
export async function shadowText(widget: Locator): Promise<string> {
  return widget.evaluate((host) => {
    const walk = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (node instanceof HTMLStyleElement) return '';
      const root = node instanceof Element && node.shadowRoot ? node.shadowRoot : node;
      const inner = [...root.childNodes].map(walk).join('');
      return node instanceof Element ? ` ${inner} ` : inner;
    };
    return walk(host).replace(/\s+/g, ' ').trim();
  });
}

/**
 * Text `text` shown in `widget`, outside its visually hidden live region (which repeats state texts
 * for screen readers), so a match means the visitor sees it.
 */
export function shownText(widget: Locator, text: string | RegExp): Locator {
  return widget.getByText(text).and(widget.locator(':not([role="status"])')).first();
}

/** A widget's section of the demo page and the widget the section's controls drive (its first, `> div > tag`). */
export function demoSection(page: Page, tag: string): { section: Locator; live: Locator } {
  const section = page.locator(`#${tag}`);
  return { section, live: section.locator(`> div > ${tag}`) };
}

/** The elements with `part` `name` in `widget`. */
export const partOf = (widget: Locator, name: string): Locator => widget.locator(`[part=${name}]`);

/** The trimmed text of the one element with `part` `name` in `widget`. */
export const partText = async (widget: Locator, name: string): Promise<string> => (await partOf(widget, name).innerText()).trim();

/**
 * Switches the demo's language with its own #lang-select control and waits until every widget on
 * the page has rendered in it (its catalog loaded, no update pending).
 */
export async function setLanguage(page: Page, lang: Lang): Promise<void> {
  await page.selectOption('#lang-select', lang);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, lang);
  await page.evaluate(async () => {
    type Widget = Element & { updateComplete: Promise<unknown>; isUpdatePending: boolean };
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await frame();
    for (let round = 0; round < 20; round++) {
      const widgets = [...document.querySelectorAll('*')].filter((el): el is Widget => 'updateComplete' in el);
      await Promise.all(widgets.map((w) => w.updateComplete));
      await frame();
      if (widgets.every((w) => !w.isUpdatePending)) return;
    }
  });
}

/**
 * For the page's current state: in English and Japanese, light and dark, asserts zero axe violations,
 * checks `expect[lang]` texts are visible in `target`, and screenshots `target` as
 * `<state>-<lang>-<scheme>`. Ends in English, light.
 */
export async function checkEveryLook(page: Page, target: Locator, state: string, expect: Partial<Record<Lang, string[]>> = {}): Promise<void> {
  const started = Date.now();
  for (const lang of ['en', 'ja'] as const) {
    await setLanguage(page, lang);
    for (const text of expect[lang] ?? []) {
      const visible = await shownText(target, text)
        .waitFor({ state: 'visible', timeout: 3000 })
        .then(() => true, () => false);
      if (!visible) assert.fail(`${state} (${lang}): "${text}" not visible; the widget shows: ${await shadowText(target)}`);
    }
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await assertNoAxeViolations(page, `${state} (${lang}, ${colorScheme})`);
      await screenshot(target, `${state}-${lang}-${colorScheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await setLanguage(page, 'en');
  if (process.env.SWK_E2E_TIMING) console.log(`${state}: ${Date.now() - started} ms`);
}

// ---------------------------------------------------------------------------------------------
// Focus and the keyboard

export interface FocusInfo {
  /** localName of the focused element, inside shadow roots. */
  tag: string;
  /** Its hosts from the document down, e.g. ['climate-order-status']. */
  hosts: string[];
  part: string | null;
  text: string;
  /** Whether `:focus-visible` matches. */
  focusVisible: boolean;
  outlineStyle: string;
  outlineWidth: number;
  boxShadow: string;
  /** Whether it is in an open <dialog> (the dialog's part or id, when it has one). */
  inDialog: string | null;
}

/** What has focus, looking through open shadow roots, and how its focus indicator is drawn. */
export async function focused(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    let el = document.activeElement;
    const hosts: string[] = [];
    while (el?.shadowRoot?.activeElement) {
      hosts.push(el.localName);
      el = el.shadowRoot.activeElement;
    }
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const dialog = el.closest('dialog');
    return {
      tag: el.localName,
      hosts,
      part: el.getAttribute('part'),
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      focusVisible: el.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      boxShadow: style.boxShadow,
      inDialog: dialog?.open ? dialog.getAttribute('part') || dialog.id || 'dialog' : null,
    };
  });
}

/** One line about where focus is, for messages. */
export const describeFocus = (info: FocusInfo | null): string =>
  info ? `${[...info.hosts, info.tag].join('>')}${info.part ? `[${info.part}]` : ''} "${info.text.slice(0, 30)}"` : '(body)';

/** Asserts something has focus, `:focus-visible` matches and it draws a focus indicator (outline or box-shadow). */
export function assertFocusVisible(info: FocusInfo | null, what: string): asserts info is FocusInfo {
  assert.ok(info, `${what}: nothing has focus`);
  const outline = info.outlineStyle !== 'none' && info.outlineWidth >= 1;
  const shadow = info.boxShadow !== 'none' && info.boxShadow !== '';
  assert.ok(info.focusVisible, `${what}: focused ${describeFocus(info)} does not match :focus-visible`);
  assert.ok(outline || shadow, `${what}: focused <${info.tag} part=${info.part}> "${info.text}" has no visible focus indicator (outline ${info.outlineStyle} ${info.outlineWidth}px, box-shadow ${info.boxShadow})`);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `want`, at most `max` times; asserts it
 * got there and that the focus indicator is visible. Returns the focus info, with the stops passed on the way.
 */
export async function tabTo(
  page: Page,
  want: (info: FocusInfo) => boolean,
  what: string,
  { max = 25, backwards = false } = {},
): Promise<FocusInfo & { passed: (FocusInfo | null)[] }> {
  const passed: (FocusInfo | null)[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const info = await focused(page);
    if (info && want(info)) {
      assertFocusVisible(info, what);
      return { ...info, passed };
    }
    passed.push(info);
  }
  assert.fail(`${what}: not reached with ${max} × ${backwards ? 'Shift+Tab' : 'Tab'}; focus went through ${passed.map(describeFocus).join(' | ')}`);
}
