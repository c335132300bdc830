// Loaded on first use of an appearance, and importing nothing at run time but contrast.ts (dev mode, on
// demand): pages without one never download it, and it shares no chunk with the widgets. appearance.ts
// passes in what it needs of the kit (the token tables, the rule builder, dev mode's warnings).
import type { Appearance } from '@stripe/stripe-js';
import type { TokenValues } from './styles.js';

/**
 * What each of Stripe's variables sets: a kit token (`--_accent` …, under the site's `--swk-*`), or
 * a rule of its own. `spacingUnit` is multiplied: Stripe's 2px default is the kit's 16px padding.
 */
const VARIABLES: Readonly<Record<string, string | ((value: string) => string)>> = {
  colorPrimary: 'accent',
  colorBackground: 'bg',
  colorText: 'text',
  colorTextSecondary: 'muted',
  colorSuccess: 'success',
  colorWarning: 'warning',
  colorDanger: 'danger',
  accessibleColorOnColorPrimary: 'accent-text',
  colorPrimaryText: 'accent-text',
  fontFamily: 'font',
  fontSizeBase: 'font-size',
  borderRadius: 'radius',
  spacingUnit: 'space',
  fontWeightNormal: (value) => `:host{font-weight:${value}}`,
  fontWeightBold: (value) => `:host :is(h2,h3,h4,strong,b,.badge,.title){font-weight:${value}}`,
  // Transparent, not none: forced-colors mode still draws the outline.
  focusBoxShadow: (value) => `:host :focus-visible{box-shadow:${value};outline-color:transparent}`,
};

/** Stripe's rule classes the widgets have a counterpart for, and the parts they style; `:focus` is keyboard focus, as the kit draws it. */
const RULES: Readonly<Record<string, string>> = {
  '.Button': 'button',
  '.Button--primary': 'button:not(.secondary,.danger)',
  '.Badge': '.badge',
  '.Notice': '.notice',
  '.Label': ':is(dt,.field>label,legend)',
  '.Error': ':is(.error,.field-error)',
};
const RULE = /^(\.[\w-]+)(:hover|:focus)?$/;

/** A value that stays inside its declaration: no `;`, braces, comments, `<`, backslash or `!important`. */
const safe = (value: unknown): value is string => typeof value === 'string' && /^[^;{}<>\\]{1,200}$/.test(value) && !/\/\*|!important/i.test(value);

/** What an appearance sets (token values, extra rules), what it ignores, in words, and its contrast check (dev mode). */
export interface AppearanceStyles {
  tokens: TokenValues;
  rules: string;
  ignored?: string;
  /** Loads contrast.ts (a chunk of its own) and names each drawn pair the site's colors bring below WCAG AA. */
  contrastWarnings: () => Promise<string[]>;
}

/**
 * Maps Stripe's Appearance object onto the kit: the theme's tokens (`stripe` the kit's light ones,
 * `night` its dark ones, `flat` light without borders) with the variables over them, and the rules
 * on the widgets' parts. What it cannot use is ignored, and listed.
 */
export function appearanceStyles(appearance: Appearance, light: TokenValues, dark: TokenValues): AppearanceStyles {
  const ignored: string[] = [];
  // A site's JavaScript may hand in anything: what is not an object is ignored, never thrown on.
  const record = (value: unknown, name: string): Record<string, unknown> => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    if (value !== undefined) ignored.push(name);
    return {};
  };
  const { theme = 'stripe', disableAnimations } = appearance;
  const variables = record(appearance.variables, 'variables');
  const rules = record(appearance.rules, 'rules');
  const presets: Record<string, TokenValues> = { stripe: light, night: dark, flat: { ...light, bg: '#f6f8fa', surface: '#fff', border: 'transparent' } };
  const known = typeof theme === 'string' && Object.hasOwn(presets, theme);
  if (!known) ignored.push(typeof theme === 'string' ? `theme "${theme}"` : 'theme');
  const tokens: Record<string, string | undefined> = { ...(known ? presets[theme] : light) };
  const css = theme === 'flat' ? [':host button.secondary,:host button.danger{background:var(--_surface)}'] : [];
  const set = new Set<string>();
  for (const [name, value] of Object.entries(variables)) {
    const target = Object.hasOwn(VARIABLES, name) ? VARIABLES[name] : undefined;
    if (!target || !safe(value)) ignored.push(`variables.${name}`);
    else if (typeof target === 'function') css.push(target(value));
    else {
      set.add(target);
      tokens[target] = name === 'spacingUnit' ? `calc(${value} * 8)` : value;
    }
  }
  // A site background or text color: surfaces and borders follow it instead of the theme's.
  if (set.has('bg') || set.has('text')) {
    tokens.surface = 'color-mix(in srgb,var(--_bg) 94%,var(--_text))';
    if (tokens.border !== 'transparent') tokens.border = 'color-mix(in srgb,var(--_bg) 70%,var(--_text))';
  }
  for (const [selector, declarations] of Object.entries(rules)) {
    const [, part = '', state] = RULE.exec(selector) ?? [];
    const body = Object.entries(record(declarations, `rules["${selector}"]`)).flatMap(([name, value]) => {
      // Stripe writes properties in camelCase.
      const property = name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      return /^[a-z-]+$/.test(property) && safe(value) ? [`${property}:${value}`] : (ignored.push(`rules["${selector}"].${name}`), []);
    });
    // `:not(#_)` (no such id) lifts a rule above the widgets' own selectors, keeping `.Button--primary` above `.Button`.
    if (Object.hasOwn(RULES, part)) css.push(`:host ${RULES[part]}:not(#_)${state ? (state === ':focus' ? ':focus-visible' : state) : ''}{${body.join(';')}}`);
    else ignored.push(`rules["${selector}"]`);
  }
  if (disableAnimations === true) css.push(':host .spinner{animation:none}');
  const contrastWarnings = () => import('./contrast.js').then(({ lowContrast }) => lowContrast(tokens, set));
  const result: AppearanceStyles = { tokens, rules: css.join(''), contrastWarnings };
  if (ignored.length) result.ignored = `appearance ignores ${ignored.join(', ')}: not used by these widgets, or not a safe CSS value`;
  return result;
}

/** What a stylesheet is built with: the kit's token tables and rule builder, and (dev mode) a warning channel. */
export interface SheetContext {
  light: TokenValues;
  dark: TokenValues;
  tokenRule: (values: TokenValues) => string;
  warn?: ((message: string) => void) | undefined;
}

const sheets = new WeakMap<Appearance, CSSStyleSheet>();
const ours = new WeakSet<CSSStyleSheet>();

/** One constructable stylesheet per appearance object, shared by every widget using it. */
function sheetOf(appearance: Appearance, { light, dark, tokenRule, warn }: SheetContext): CSSStyleSheet {
  let sheet = sheets.get(appearance);
  if (sheet) return sheet;
  const { tokens, rules, ignored, contrastWarnings } = appearanceStyles(appearance, light, dark);
  if (warn) {
    if (ignored) warn(ignored);
    void contrastWarnings().then((warnings) => warnings.forEach(warn));
  }
  sheet = new CSSStyleSheet();
  sheet.replaceSync(tokenRule(tokens) + rules);
  sheets.set(appearance, sheet);
  ours.add(sheet);
  return sheet;
}

/**
 * Adopts the stylesheet of `appearance` after the shadow root's own styles, in place of an earlier
 * appearance's (none for undefined): a constructable stylesheet, so a strict style-src CSP holds.
 */
export function adoptAppearance(root: ShadowRoot, appearance: Appearance | undefined, context: SheetContext): void {
  const own = root.adoptedStyleSheets.filter((sheet) => !ours.has(sheet));
  const given: unknown = appearance;
  // Not an object (a string, a number from untyped JavaScript): the built-in look, and a dev-mode warning.
  const usable = typeof given === 'object' && given !== null && !Array.isArray(given);
  if (!usable && given) context.warn?.(`appearance must be Stripe's Appearance object; ignoring ${typeof given === 'string' ? JSON.stringify(given.slice(0, 40)) : typeof given}`);
  root.adoptedStyleSheets = usable ? [...own, sheetOf(appearance!, context)] : own;
}
