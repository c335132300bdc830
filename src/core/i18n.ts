import { matchSiteLocale, siteTexts } from './site-messages.js';

/**
 * A language the widgets render: `en` and `ja` are built in; any other is a key of the site's own
 * catalogs (`configure({ messages: { fr } })` or an element's `messages`), e.g. `fr`.
 */
export type Locale = 'en' | 'ja' | (string & {});

export const LOCALES: readonly Locale[] = ['en', 'ja'];

/** A catalog entry: plain text, or a function of the values it needs. */
export type Message = string | ((...args: never[]) => string) | { readonly [key: string]: Message };

/**
 * A widget's texts. English is bundled; Japanese is a separate module loaded the first time it is
 * needed, so English pages never download it (in the script-tag build it is inlined). The Japanese
 * module is typed with the English catalog's type, so a missing key is a type error.
 */
export interface Catalog<M> {
  readonly en: M;
  ja?: M;
  readonly loadJa: () => Promise<{ default: M }>;
  loading?: Promise<void>;
  /** Set when the Japanese module failed to load (a 404 after a deploy, offline): English stays, no new attempt. */
  failed?: boolean;
  /**
   * Its key in a site's catalog (`core`, or the widget's tag): `SwkElement.define()` names a widget's
   * catalogs after its tag.
   */
  name?: string;
}

export function defineMessages<M extends Record<string, Message>>(en: M, loadJa: () => Promise<{ default: NoInfer<M> }>, name?: string): Catalog<M> {
  return { en, loadJa, ...(name && { name }) };
}

/** Whether `locale` is Japanese (built in, or a site's `ja-…` catalog that falls back to it). */
export const isJapanese = (locale: Locale): boolean => /^ja(-|$)/i.test(locale);

/**
 * The catalog's texts in `locale`: the site's catalog for it, over the built-in ones (English until
 * the Japanese module has arrived).
 */
export function messagesFor<M>(catalog: Catalog<M>, locale: Locale): M {
  const builtIn = (isJapanese(locale) && catalog.ja) || catalog.en;
  return siteTexts(catalog, locale, builtIn);
}

/**
 * Starts loading what `locale` needs from `catalogs`; resolves when all is there. Returns undefined
 * when nothing is missing, so callers can stay synchronous. A catalog that failed to load stays in
 * English for the life of the page and is not asked for again: asking on every render is a loop
 * (render, load fails, render…) that freezes the page when the failure comes as a microtask.
 */
export function loadCatalogs(catalogs: readonly Catalog<unknown>[], locale: Locale): Promise<void> | undefined {
  if (!isJapanese(locale)) return undefined;
  const missing = catalogs.filter((c) => !c.ja && !c.failed);
  if (missing.length === 0) return undefined;
  return Promise.all(
    missing.map((c) =>
      (c.loading ??= Promise.resolve()
        .then(c.loadJa)
        .then(
          (module) => {
            if (module?.default) c.ja = module.default;
            else c.failed = true;
          },
          () => {
            c.failed = true;
          },
        )
        .finally(() => {
          c.loading = undefined;
        })),
    ),
  ).then(() => undefined);
}

/** Maps a BCP 47 tag to a built-in locale ("ja-JP" → ja); anything else is English. */
export function normalizeLocale(tag: string | null | undefined): 'en' | 'ja' | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (!primary) return undefined;
  return primary === 'ja' ? 'ja' : 'en';
}

/** The nearest `lang`: the element's own, else an ancestor's (crossing shadow roots), else the browser's. */
function nearestLang(element: Element): string | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return globalThis.navigator?.language;
}

/**
 * The locale for the element's nearest `lang` (own, ancestors', document's, browser's): a site
 * catalog for that tag or its language (`fr-CA` → `fr`), the element's own `messages` first; else
 * the built-in `ja` or `en`.
 */
export function resolveLocale(element: Element, own?: Readonly<Record<string, object>>): Locale {
  const tag = nearestLang(element);
  return (tag && matchSiteLocale(tag, own)) || normalizeLocale(tag) || 'en';
}
