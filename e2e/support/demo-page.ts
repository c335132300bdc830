import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { assertNoAxeViolations } from './axe.js';

/**
 * Helpers for end-to-end tests that drive the demo page as a visitor would: a page that can only
 * reach loopback hosts, recorders for the widgets' swk-* events and for what their /api/events
 * stream received, screenshots, focus checks and the English/Japanese × light/dark matrix.
 */

export type ColorScheme = 'light' | 'dark';
export type Lang = 'en' | 'ja';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export interface RecordedEvent {
  type: string;
  /** localName of the element that fired it. */
  tag: string;
  /** Index of that element among same-named elements in the document (0 = first on the page). */
  index: number;
  detail: unknown;
}

export interface StreamMessage {
  url: string;
  type: string;
  id: string;
  object: string;
}

export interface DemoPage {
  page: Page;
  context: BrowserContext;
  /** Requests to non-loopback hosts that were blocked (each is a test failure). */
  blocked: string[];
  /** Uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Runs in the page before its own scripts (plain JS: tsx would wrap TypeScript functions in helpers
 * the page lacks). Records every listed swk-* event at the document and every message each
 * EventSource receives. Also defines the `__name` helper tsx adds to functions passed to evaluate().
 */
const RECORDER = `
globalThis.__name ??= (target) => target;
window.__swkEvents = [];
window.__swkStream = [];
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
const Native = window.EventSource;
window.EventSource = class extends Native {
  constructor(url, init) {
    super(url, init);
    this.addEventListener('message', (message) => {
      try {
        const data = JSON.parse(message.data);
        window.__swkStream.push({ url: this.url, type: data.type, id: data.id, object: data.object });
      } catch {
        // not JSON: not an event the widgets act on either
      }
    });
  }
};
`;

/**
 * Opens the demo page in a fresh context that blocks (and records) every non-loopback request and
 * records every `swk-*` event the widgets fire and every message the page's EventSources receive.
 */
export async function openDemoPage(
  browser: Browser,
  origin: string,
  { lang = 'en', colorScheme = 'light', events = [] as string[] }: { lang?: Lang; colorScheme?: ColorScheme; events?: string[] } = {},
): Promise<DemoPage> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, colorScheme, reducedMotion: 'reduce' });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (LOOPBACK.has(url.hostname)) return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript({ content: `window.__swkEventTypes = ${JSON.stringify(events)};\n${RECORDER}` });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/?lang=${lang}`);
  await page.waitForFunction(() => document.querySelector('#mode-label')?.textContent?.includes('simulator'));
  return {
    page,
    context,
    blocked,
    errors,
    async close() {
      await context.close();
    },
  };
}

/** Every swk-* event recorded so far, optionally only of one type. */
export async function recordedEvents(page: Page, type?: string): Promise<RecordedEvent[]> {
  const all = await page.evaluate(() => (window as unknown as { __swkEvents: RecordedEvent[] }).__swkEvents);
  return type ? all.filter((e) => e.type === type) : all;
}

/** Waits until an event of `type` matching `match` was recorded after the first `since` events; returns it. */
export async function waitForEvent(page: Page, type: string, since: number, match: (event: RecordedEvent) => boolean = () => true, timeout = 5000): Promise<RecordedEvent> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const all = await page.evaluate(() => (window as unknown as { __swkEvents: RecordedEvent[] }).__swkEvents);
    const found = all.slice(since).find((e) => e.type === type && match(e));
    if (found) return found;
    if (Date.now() > deadline) assert.fail(`no ${type} event within ${timeout} ms; recorded since: ${JSON.stringify(all.slice(since).map((e) => `${e.type}@${e.tag}[${e.index}]`))}`);
    await page.waitForTimeout(50);
  }
}

/** How many swk-* events were recorded so far (a mark for waitForEvent). */
export async function eventCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __swkEvents: unknown[] }).__swkEvents.length);
}

/** The messages the page's EventSources received so far. */
export async function streamMessages(page: Page): Promise<StreamMessage[]> {
  return page.evaluate(() => (window as unknown as { __swkStream: StreamMessage[] }).__swkStream);
}

/** Waits for the page's /api/events stream to deliver an event of `type` (about `id`, when given). */
export async function waitForStreamMessage(page: Page, type: string, id?: string, timeout = 5000): Promise<StreamMessage> {
  const handle = await page.waitForFunction(
    ({ type, id }) =>
      (window as unknown as { __swkStream: StreamMessage[] }).__swkStream.find(
        (m) => m.type === type && (id === undefined || m.id === id) && new URL(m.url).pathname === '/api/events',
      ),
    { type, id },
    { timeout },
  );
  return (await handle.jsonValue()) as StreamMessage;
}

let announced = false;

/** The screenshot folder (env SWK_SCREENSHOTS, default `screenshots/` in the repo); printed once per run. */
export function screenshotDir(): string {
  const dir = resolve(process.env.SWK_SCREENSHOTS || 'screenshots');
  mkdirSync(dir, { recursive: true });
  if (!announced) {
    announced = true;
    console.log(`screenshots: ${dir}`);
  }
  return dir;
}

/** Screenshots `target` (an element, or the viewport) as `<name>.png` in the screenshot folder. */
export async function screenshot(target: Locator | Page, name: string): Promise<void> {
  const path = join(screenshotDir(), `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
  await target.screenshot({ path, animations: 'disabled' });
}

/** The text a widget renders in its shadow root (whitespace collapsed), for assertions and messages. */
export async function shadowText(widget: Locator): Promise<string> {
  return widget.evaluate((host) => {
    const walk = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (node instanceof HTMLStyleElement) return '';
      const root = node instanceof Element && node.shadowRoot ? node.shadowRoot : node;
      return [...root.childNodes].map(walk).join(' ');
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

/** Switches the demo's language with its own #lang-select control and waits for the widgets to follow. */
export async function setLanguage(page: Page, lang: Lang): Promise<void> {
  await page.selectOption('#lang-select', lang);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, lang);
  // Lit re-renders in a microtask after the lang mutation; let it and layout settle.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * For the page's current state: in English and Japanese, light and dark, asserts zero axe violations,
 * checks `expect[lang]` texts are visible in `widget`, and screenshots `widget`. Ends in English, light.
 */
export async function checkEveryLook(
  page: Page,
  widget: Locator,
  state: string,
  expect: Partial<Record<Lang, string[]>> = {},
): Promise<void> {
  for (const lang of ['en', 'ja'] as const) {
    await setLanguage(page, lang);
    for (const text of expect[lang] ?? []) {
      const visible = await shownText(widget, text)
        .waitFor({ state: 'visible', timeout: 3000 })
        .then(() => true, () => false);
      if (!visible) assert.fail(`${state} (${lang}): "${text}" not visible; the widget shows: ${await shadowText(widget)}`);
    }
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await assertNoAxeViolations(page, `${state} (${lang}, ${colorScheme})`);
      await screenshot(widget, `${state}-${lang}-${colorScheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await setLanguage(page, 'en');
}

export interface FocusInfo {
  /** localName of the focused element, inside shadow roots. */
  tag: string;
  /** Its hosts from the document down, e.g. ['climate-order-status']. */
  hosts: string[];
  part: string | null;
  text: string;
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
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      boxShadow: style.boxShadow,
      inDialog: dialog?.open ? (dialog.getAttribute('part') ?? dialog.id ?? 'dialog') : null,
    };
  });
}

/** Asserts the focused element draws a visible focus indicator (outline or box-shadow). */
export function assertFocusVisible(info: FocusInfo | null, what: string): asserts info is FocusInfo {
  assert.ok(info, `${what}: nothing has focus`);
  const outline = info.outlineStyle !== 'none' && info.outlineWidth >= 1;
  const shadow = info.boxShadow !== 'none' && info.boxShadow !== '';
  assert.ok(outline || shadow, `${what}: focused <${info.tag} part=${info.part}> "${info.text}" has no visible focus indicator (outline ${info.outlineStyle} ${info.outlineWidth}px, box-shadow ${info.boxShadow})`);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `want`, at most `max` times; asserts it
 * got there and that the focus indicator is visible. Returns the focus info.
 */
export async function tabTo(page: Page, want: (info: FocusInfo) => boolean, what: string, { max = 25, backwards = false } = {}): Promise<FocusInfo> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const info = await focused(page);
    if (info && want(info)) {
      assertFocusVisible(info, what);
      return info;
    }
    seen.push(info ? `${[...info.hosts, info.tag].join('>')}${info.part ? `[${info.part}]` : ''} "${info.text.slice(0, 30)}"` : '(body)');
  }
  assert.fail(`${what}: not reached with ${max} × ${backwards ? 'Shift+Tab' : 'Tab'}; focus went through ${seen.join(' | ')}`);
}

/** Asserts no request left loopback and no page error happened. */
export function assertCleanRun(demo: DemoPage): void {
  assert.deepEqual(demo.blocked, [], `requests to non-loopback hosts: ${demo.blocked.join(', ')}`);
  assert.deepEqual(demo.errors, [], `page errors: ${demo.errors.join(' | ')}`);
}
