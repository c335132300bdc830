import { getConfig } from './config.js';
import { devWarn } from './dev.js';
import type { Catalog, Locale } from './i18n.js';

type Catalogs = Readonly<Record<string, unknown>>;
type Entry = string | ((...args: unknown[]) => unknown) | { readonly [key: string]: Entry };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The `messages` of the element being updated: its texts look there before the kit-wide catalogs. */
let own: Catalogs | undefined;

/** Runs `update` (an element's update: willUpdate, render, updated) with `catalogs` as its own. */
export function withOwnCatalogs(catalogs: Catalogs | undefined, update: () => void): void {
  const outer = own;
  own = catalogs;
  try {
    update();
  } finally {
    own = outer;
  }
}

function keyIn(catalogs: Catalogs | undefined, candidate: string): string | undefined {
  return catalogs ? Object.keys(catalogs).find((key) => key.toLowerCase() === candidate && isObject(catalogs[key])) : undefined;
}

/**
 * The site locale for a `lang` tag: a catalog keyed by the tag or by its language (`fr-CA`, then
 * `fr`), the element's own catalogs before the kit-wide ones; undefined when there is none.
 */
export function matchSiteLocale(tag: string, ownCatalogs?: Catalogs): Locale | undefined {
  const lower = tag.trim().toLowerCase().replaceAll('_', '-');
  for (const candidate of [lower, lower.split('-')[0]!]) {
    const key = keyIn(ownCatalogs, candidate) ?? keyIn(getConfig().messages, candidate);
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

const overlays = new WeakMap<object, { base: unknown; result: unknown }>();

/** The texts of `catalog` in `locale`: the site's catalog for it laid over `builtIn`, or `builtIn`. */
export function siteTexts<M>(catalog: Catalog<M>, locale: Locale, builtIn: M): M {
  const site: unknown = (own && isObject(own[locale]) ? own[locale] : undefined) ?? getConfig().messages?.[locale];
  if (!isObject(site) || !catalog.name) return builtIn;
  const section = site[catalog.name];
  if (!isObject(section)) {
    devWarn(`messages["${locale}"] has no "${catalog.name}" catalog; the built-in texts are shown`);
    return builtIn;
  }
  const cached = overlays.get(section);
  if (cached?.base === builtIn) return cached.result as M;
  const missing: string[] = [];
  const result = overlay(builtIn as Entry, section, missing) as M;
  overlays.set(section, { base: builtIn, result });
  if (missing.length) devWarn(`messages["${locale}"]["${catalog.name}"] lacks ${missing.join(', ')}; the built-in texts are shown for them`);
  return result;
}
