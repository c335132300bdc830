import type { Appearance } from '@stripe/stripe-js';
import type { ReactiveController, ReactiveElement } from 'lit';
import type * as AppearanceSheet from './appearance-sheet.js';
import { getConfig } from './config.js';
import { devWarn, isDev } from './dev.js';
import { darkTokens, lightTokens, tokenRule } from './styles.js';

type Host = ReactiveElement & { appearance?: Appearance | undefined };
type AppearanceStyles = typeof AppearanceSheet.appearanceStyles;

// The mapping loads the first time a page uses an appearance: pages without one never download it.
let mapping: typeof AppearanceSheet | undefined;
let loading: Promise<void> | undefined;
/** The import settled: a failed one is not retried, as asking again on every render would loop. */
let settled = false;
const appearanceSheets = new WeakMap<Appearance, CSSStyleSheet>();
const ours = new WeakSet<CSSStyleSheet>();

/** One constructable stylesheet per appearance object, shared by every widget using it. */
function sheetOf(appearance: Appearance, appearanceStyles: AppearanceStyles): CSSStyleSheet {
  let sheet = appearanceSheets.get(appearance);
  if (sheet) return sheet;
  const { tokens, rules, ignored, contrastWarnings } = appearanceStyles(appearance, lightTokens, darkTokens);
  if (isDev()) {
    if (ignored) devWarn(ignored);
    void contrastWarnings().then((warnings) => warnings.forEach(devWarn));
  }
  sheet = new CSSStyleSheet();
  sheet.replaceSync(tokenRule(tokens) + rules);
  appearanceSheets.set(appearance, sheet);
  ours.add(sheet);
  return sheet;
}

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
 * Adopts the stylesheet of the host's appearance after the widget's own styles before each render
 * (a constructable stylesheet: no inline style, so a strict style-src CSP holds).
 */
export class AppearanceController implements ReactiveController {
  readonly #host: Host;
  #applied: Appearance | undefined;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostUpdate(): void {
    const appearance = appearanceOf(this.#host);
    const root = this.#host.renderRoot;
    const appearanceStyles = mapping?.appearanceStyles;
    if (appearance === this.#applied || !(root instanceof ShadowRoot) || (appearance && !appearanceStyles)) return;
    this.#applied = appearance;
    const sheets = root.adoptedStyleSheets.filter((sheet) => !ours.has(sheet));
    root.adoptedStyleSheets = appearance ? [...sheets, sheetOf(appearance, appearanceStyles!)] : sheets;
  }
}
