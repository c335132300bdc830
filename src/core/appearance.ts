import type { Appearance } from '@stripe/stripe-js';
import type { ReactiveElement } from 'lit';
import type * as AppearanceSheet from './appearance-sheet.js';
import { getConfig } from './config.js';
import { devWarn, isDev } from './dev.js';
import { darkTokens, lightTokens, tokenRule } from './styles.js';

type Host = ReactiveElement & { appearance?: Appearance | undefined };

// The mapping loads the first time a page uses an appearance: pages without one never download it.
let mapping: typeof AppearanceSheet | undefined;
let loading: Promise<void> | undefined;
/** The import settled: a failed one is not retried, as asking again on every render would loop. */
let settled = false;

/** The appearance a widget uses: its own `appearance`, else `configure({ appearance })`'s. */
export function appearanceOf(host: Host): Appearance | undefined {
  return host.appearance ?? getConfig().appearance;
}

/**
 * Loads the mapping when `appearance` needs it and it is not there yet; undefined when there is
 * nothing to wait for. If it cannot load (offline after a deploy), widgets keep the built-in look.
 */
export function loadAppearance(appearance: Appearance | undefined): Promise<void> | undefined {
  if (!appearance || settled) return undefined;
  return (loading ??= import('./appearance-sheet.js')
    .then(
      (module) => void (mapping = module),
      () => undefined,
    )
    .finally(() => void (settled = true)));
}

/**
 * Adopts the stylesheet of the host's appearance after the widget's own styles, before each render,
 * when it differs from `applied` (what the host adopted last); returns what is now adopted. Until the
 * mapping has loaded there is none to adopt, nor one to take away.
 */
export function adoptAppearance(host: Host, applied: Appearance | undefined): Appearance | undefined {
  const appearance = appearanceOf(host);
  const root = host.renderRoot;
  if (appearance === applied || !mapping || !(root instanceof ShadowRoot)) return applied;
  mapping.adoptAppearance(root, appearance, { light: lightTokens, dark: darkTokens, tokenRule, warn: isDev() ? devWarn : undefined });
  return appearance;
}
