export type Locale = 'en' | 'ja';

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
}

export function defineMessages<M extends Record<string, Message>>(en: M, loadJa: () => Promise<{ default: NoInfer<M> }>): Catalog<M> {
  return { en, loadJa };
}

/** The catalog's texts in `locale`; English until the Japanese module has arrived. */
export function messagesFor<M>(catalog: Catalog<M>, locale: Locale): M {
  return (locale === 'ja' && catalog.ja) || catalog.en;
}

/**
 * Starts loading what `locale` needs from `catalogs`; resolves when all is there. Returns undefined
 * when nothing is missing, so callers can stay synchronous. A catalog that failed to load stays in
 * English for the life of the page and is not asked for again: asking on every render is a loop
 * (render, load fails, render…) that freezes the page when the failure comes as a microtask.
 */
export function loadCatalogs(catalogs: readonly Catalog<unknown>[], locale: Locale): Promise<void> | undefined {
  if (locale !== 'ja') return undefined;
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

/** Maps a BCP 47 tag to a supported locale ("ja-JP" → ja); anything else is English. */
export function normalizeLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (!primary) return undefined;
  return primary === 'ja' ? 'ja' : 'en';
}

/**
 * The element's own `lang`, else the nearest ancestor's (crossing shadow roots), else the document's,
 * else the browser's.
 */
export function resolveLocale(element: Element): Locale {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return normalizeLocale(lang) ?? 'en';
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return normalizeLocale(globalThis.navigator?.language) ?? 'en';
}
