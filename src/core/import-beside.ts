// The script-tag build's loader of its on-demand parts (the Japanese catalogs, the Appearance mapping, the
// simulated Stripe.js): an IIFE cannot split chunks off, so they are files beside stripe-widget-kit.iife.js
// (scripts/iife-on-demand.mjs writes them), imported from its URL when a page first needs one. npm builds
// never import this module: their bundler splits those parts into chunks.
import { version } from './version.js';

/**
 * Where `file` is, beside the script at `scriptUrl`: in the same folder; for a CDN's package URL that
 * names no file (the README's `https://cdn.jsdelivr.net/npm/stripe-widget-kit@0.1.0`, which serves the
 * package's `jsdelivr` file), in that package's `dist/`, at exactly this version. Undefined when the
 * script's URL is unknown or not a URL (an inline copy, a module).
 */
export function besideUrl(file: string, scriptUrl: string): string | undefined {
  try {
    const url = new URL(scriptUrl);
    if (!url.pathname.endsWith('.js')) url.pathname = `${url.pathname.replace(/\/+$/, '').replace(/@[^/@]*$/, '')}@${version}/dist/`;
    return new URL(file, url).href;
  } catch {
    return undefined;
  }
}

// Read while the script tag runs: `document.currentScript` is null once it has finished.
const script = typeof document === 'undefined' ? null : document.currentScript;
const ownUrl = script instanceof HTMLScriptElement ? script.src : '';

/**
 * Imports `file` from beside the script-tag file. Rejects when its URL is unknown, the file cannot be
 * loaded, or (`versioned`: the files the script-tag build writes, which export their `version`) it
 * belongs to another version, as after a deploy that replaced one file but not the other. The caller
 * then keeps English, the built-in look, or shows its error state.
 */
export async function importBeside<T = Record<string, unknown>>(file: string, versioned = true): Promise<T> {
  const url = besideUrl(file, ownUrl);
  if (!url) throw new Error(`${file} loads from beside stripe-widget-kit.iife.js, whose URL is unknown`);
  const module = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
  if (versioned && module.version !== version) throw new Error(`${url} is version ${String(module.version)}, not ${version} as stripe-widget-kit.iife.js`);
  return module as T;
}
