export type Locale = 'en' | 'ja';

export const LOCALES: readonly Locale[] = ['en', 'ja'];

/** A catalog entry: plain text, or a function of the values it needs. */
export type Message = string | ((...args: never[]) => string) | { readonly [key: string]: Message };

/**
 * English and Japanese catalogs with the same keys. `defineMessages(en, ja)` makes a key missing
 * from `ja` (or of another shape) a type error.
 */
export type Catalog<M extends Record<string, Message>> = Record<Locale, M>;

export function defineMessages<M extends Record<string, Message>>(en: M, ja: { [K in keyof M]: M[K] }): Catalog<M> {
  return { en, ja };
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
