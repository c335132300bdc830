// Loaded on first use of an appearance, and importing nothing at run time but contrast.ts (dev mode, on
// demand): pages without one never download it, and it shares no chunk with the widgets. appearance.ts
// turns its result into a stylesheet.
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
  '.Label': 'dt',
  '.Error': '.error',
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
  const { theme = 'stripe', variables = {}, rules = {} } = appearance;
  const ignored: string[] = [];
  const presets: Record<string, TokenValues> = { stripe: light, night: dark, flat: { ...light, bg: '#f6f8fa', surface: '#fff', border: 'transparent' } };
  if (!Object.hasOwn(presets, theme)) ignored.push(`theme "${theme}"`);
  const tokens: Record<string, string | undefined> = { ...(presets[theme] ?? light) };
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
    const body = Object.entries(declarations ?? {}).flatMap(([name, value]) => {
      // Stripe writes properties in camelCase.
      const property = name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      return /^[a-z-]+$/.test(property) && safe(value) ? [`${property}:${value}`] : (ignored.push(`rules["${selector}"].${name}`), []);
    });
    // `:not(#_)` (no such id) lifts a rule above the widgets' own selectors, keeping `.Button--primary` above `.Button`.
    if (Object.hasOwn(RULES, part)) css.push(`:host ${RULES[part]}:not(#_)${state ? (state === ':focus' ? ':focus-visible' : state) : ''}{${body.join(';')}}`);
    else ignored.push(`rules["${selector}"]`);
  }
  if (appearance.disableAnimations) css.push(':host .spinner{animation:none}');
  const contrastWarnings = () => import('./contrast.js').then(({ lowContrast }) => lowContrast(tokens, set));
  const result: AppearanceStyles = { tokens, rules: css.join(''), contrastWarnings };
  if (ignored.length) result.ignored = `appearance ignores ${ignored.join(', ')}: not used by these widgets, or not a safe CSS value`;
  return result;
}
