// The site's catalogs laid over the built-in texts: loaded the first time a page has any
// (`configure({ messages })` or an element's `messages`, see i18n.ts), so pages without them never
// download it. It imports nothing at run time: i18n.ts passes in the catalogs and the warning channel.
import type { Catalog, Locale } from './i18n.js';

type Catalogs = Readonly<Record<string, unknown>>;
type Entry = string | ((...args: unknown[]) => unknown) | { readonly [key: string]: Entry };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function keyIn(catalogs: Catalogs | undefined, candidate: string): string | undefined {
  return catalogs ? Object.keys(catalogs).find((key) => key.toLowerCase() === candidate && isObject(catalogs[key])) : undefined;
}

/**
 * The site locale for a `lang` tag: a catalog keyed by the tag or by its language (`fr-CA`, then
 * `fr`), the element's own catalogs before the kit-wide ones; undefined when there is none.
 */
export function matchSiteLocale(tag: string, ownCatalogs: Catalogs | undefined, kitCatalogs: Catalogs | undefined): Locale | undefined {
  const lower = tag.trim().toLowerCase().replaceAll('_', '-');
  for (const candidate of [lower, lower.split('-')[0]!]) {
    const key = keyIn(ownCatalogs, candidate) ?? keyIn(kitCatalogs, candidate);
    if (key) return key;
  }
  return undefined;
}

/**
 * `site` laid over `base`, key by key: each text of the right kind (string, function, table) wins;
 * a missing or mistyped one keeps the built-in text and is listed in `missing`. A site function that
 * throws or returns no string falls back to the built-in one, so a catalog can never break a render.
 */
function overlay(base: Entry, site: unknown, missing: string[], path = ''): Entry {
  if (typeof base === 'string') return typeof site === 'string' ? site : (missing.push(path), base);
  if (typeof base === 'function') {
    if (typeof site !== 'function') return (missing.push(path), base);
    return (...args: unknown[]) => {
      try {
        const text: unknown = site(...args);
        if (typeof text === 'string') return text;
      } catch {
        // the built-in text below
      }
      return base(...args);
    };
  }
  if (!isObject(site)) return (missing.push(path), base);
  const out: Record<string, Entry> = {};
  for (const key of Object.keys(base)) out[key] = overlay(base[key]!, site[key], missing, path ? `${path}.${key}` : key);
  return out;
}

/** Each site section laid over each built-in catalog it serves (fc-link-account's section serves two). */
const overlays = new WeakMap<object, WeakMap<object, unknown>>();

/**
 * The texts of `catalog` in `locale`: the site's catalog for it (the element's own, else the
 * kit-wide one) laid over `builtIn`, or `builtIn`. What a catalog lacks is said through `warn`.
 */
export function siteTexts<M>(
  catalog: Catalog<M>,
  locale: Locale,
  builtIn: M,
  ownCatalogs: Catalogs | undefined,
  kitCatalogs: Catalogs | undefined,
  warn: (message: string) => void,
): M {
  const site: unknown = (ownCatalogs && isObject(ownCatalogs[locale]) ? ownCatalogs[locale] : undefined) ?? kitCatalogs?.[locale];
  if (!isObject(site) || !catalog.name) return builtIn;
  const section = site[catalog.name];
  if (!isObject(section)) {
    warn(`messages["${locale}"] has no "${catalog.name}" catalog; the built-in texts are shown`);
    return builtIn;
  }
  let cache = overlays.get(section);
  if (!cache) overlays.set(section, (cache = new WeakMap()));
  if (cache.has(builtIn as object)) return cache.get(builtIn as object) as M;
  const missing: string[] = [];
  const result = overlay(builtIn as Entry, section, missing) as M;
  cache.set(builtIn as object, result);
  if (missing.length) warn(`messages["${locale}"]["${catalog.name}"] lacks ${missing.join(', ')}; the built-in texts are shown for them`);
  return result;
}
