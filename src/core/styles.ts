import { css, unsafeCSS } from 'lit';

/**
 * The theme tokens: each `--_name` used inside the widgets, the `--swk-*` property a site sets to
 * override it, its light default and its dark (`prefers-color-scheme`) default.
 */
export const TOKENS: Readonly<Record<string, readonly [property: string, light: string, dark?: string]>> = {
  bg: ['--swk-color-background', '#ffffff', '#1a1f36'],
  surface: ['--swk-color-surface', '#f6f8fa', '#252b45'],
  text: ['--swk-color-text', '#1a1f36', '#f5f7fa'],
  muted: ['--swk-color-muted', '#4f566b', '#b6bdd0'],
  border: ['--swk-color-border', '#c9ced8', '#4a5275'],
  accent: ['--swk-color-accent', '#4f46e5', '#a5b4fc'],
  'accent-text': ['--swk-color-accent-text', '#ffffff', '#1a1f36'],
  success: ['--swk-color-success', '#146c2e', '#6ee7a0'],
  warning: ['--swk-color-warning', '#7a4a00', '#fcd34d'],
  danger: ['--swk-color-danger', '#b42318', '#fca5a5'],
  radius: ['--swk-radius', '8px'],
  space: ['--swk-spacing', '16px'],
  font: ['--swk-font-family', "system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Noto Sans JP', sans-serif"],
  'font-size': ['--swk-font-size', '15px'],
};

/** A token's value by its name (`bg`, `accent`); undefined leaves it out. */
export type TokenValues = Readonly<Record<string, string | undefined>>;

const column = (index: 1 | 2): TokenValues => Object.fromEntries(Object.entries(TOKENS).map(([name, token]) => [name, token[index]]));
export const lightTokens = column(1);
export const darkTokens = column(2);

/** `:host { --_name: var(--swk-…, value); … }`: the site's `--swk-*` properties always win. */
export function tokenRule(values: TokenValues): string {
  const declarations = Object.entries(values).flatMap(([name, value]) => (value && TOKENS[name] ? [`--_${name}:var(${TOKENS[name][0]},${value})`] : []));
  return `:host{${declarations.join(';')}}`;
}

/**
 * Shared look of every widget. Theme tokens are `--swk-*` custom properties, defaulted on `:host`
 * with light and dark (`prefers-color-scheme`) values; sites override them on the element or any
 * ancestor. No inline styles anywhere, so `style-src 'self'` works.
 */
export const baseStyles = [
  unsafeCSS(`${tokenRule(lightTokens)}@media (prefers-color-scheme:dark){${tokenRule(darkTokens)}}`),
  css`
    :host {
      display: block;
      box-sizing: border-box;
      max-width: 100%;
      color: var(--_text);
      font-family: var(--_font);
      font-size: var(--_font-size);
      line-height: 1.5;
    }
    :host([hidden]),
    [hidden] {
      display: none !important;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    .base {
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space);
      overflow-wrap: anywhere;
    }
    h2,
    h3,
    p {
      margin: 0 0 calc(var(--_space) / 2);
    }
    h2 {
      font-size: 1.15em;
    }
    h3 {
      font-size: 1em;
    }
    .muted {
      color: var(--_muted);
    }
    .visually-hidden {
      position: absolute !important;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
      border: 0;
    }
    button {
      font: inherit;
      cursor: pointer;
      min-height: 44px;
      padding: 8px 16px;
      border-radius: calc(var(--_radius) - 2px);
      border: 1px solid var(--_accent);
      background: var(--_accent);
      color: var(--_accent-text);
    }
    button.secondary {
      background: transparent;
      color: var(--_text);
      border-color: var(--_border);
    }
    button.danger {
      background: transparent;
      color: var(--_danger);
      border-color: var(--_danger);
    }
    button:disabled,
    button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.7;
    }
    button:focus-visible,
    a:focus-visible,
    summary:focus-visible,
    [tabindex]:focus-visible {
      outline: 3px solid var(--_accent);
      outline-offset: 2px;
    }
    a {
      color: var(--_accent);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: calc(var(--_space) / 2);
    }
    .badge {
      display: inline-block;
      padding: 2px 8px;
      border-radius: 999px;
      border: 1px solid currentColor;
      font-size: 0.85em;
      font-weight: 600;
      color: var(--_muted);
    }
    .badge[data-tone='success'] {
      color: var(--_success);
    }
    .badge[data-tone='warning'] {
      color: var(--_warning);
    }
    .badge[data-tone='danger'] {
      color: var(--_danger);
    }
    .badge[data-tone='info'] {
      color: var(--_accent);
    }
    .notice {
      border-left: 4px solid var(--_warning);
      background: var(--_surface);
      padding: 8px 12px;
      border-radius: 4px;
      margin: 8px 0;
    }
    .error {
      border-left: 4px solid var(--_danger);
      background: var(--_surface);
      padding: 8px 12px;
      border-radius: 4px;
    }
    .error .title {
      color: var(--_danger);
      font-weight: 600;
    }
    dl.terms {
      display: grid;
      grid-template-columns: minmax(8em, max-content) 1fr;
      gap: 4px 16px;
      margin: 8px 0;
    }
    dl.terms dt {
      color: var(--_muted);
    }
    dl.terms dd {
      margin: 0;
    }
    @media (max-width: 420px) {
      dl.terms {
        grid-template-columns: 1fr;
      }
      dl.terms dd {
        margin-bottom: 6px;
      }
    }
    .spinner {
      display: inline-block;
      width: 1em;
      height: 1em;
      border: 2px solid var(--_border);
      border-top-color: var(--_accent);
      border-radius: 50%;
      animation: swk-spin 0.8s linear infinite;
      vertical-align: -0.15em;
      margin-inline-end: 0.5em;
    }
    @keyframes swk-spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation: none;
      }
    }
  `,
];
