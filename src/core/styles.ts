import { css } from 'lit';

/**
 * Shared look of every widget. Theme tokens are `--swk-*` custom properties, defaulted on `:host`
 * with light and dark (`prefers-color-scheme`) values; sites override them on the element or any
 * ancestor. No inline styles anywhere, so `style-src 'self'` works.
 */
export const baseStyles = css`
  :host {
    --_bg: var(--swk-color-background, #ffffff);
    --_surface: var(--swk-color-surface, #f6f8fa);
    --_text: var(--swk-color-text, #1a1f36);
    --_muted: var(--swk-color-muted, #4f566b);
    --_border: var(--swk-color-border, #c9ced8);
    --_accent: var(--swk-color-accent, #4f46e5);
    --_accent-text: var(--swk-color-accent-text, #ffffff);
    --_success: var(--swk-color-success, #146c2e);
    --_warning: var(--swk-color-warning, #7a4a00);
    --_danger: var(--swk-color-danger, #b42318);
    --_radius: var(--swk-radius, 8px);
    --_space: var(--swk-spacing, 16px);
    --_font: var(--swk-font-family, system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Noto Sans JP', sans-serif);
    --_font-size: var(--swk-font-size, 15px);
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--swk-color-background, #1a1f36);
      --_surface: var(--swk-color-surface, #252b45);
      --_text: var(--swk-color-text, #f5f7fa);
      --_muted: var(--swk-color-muted, #b6bdd0);
      --_border: var(--swk-color-border, #4a5275);
      --_accent: var(--swk-color-accent, #a5b4fc);
      --_accent-text: var(--swk-color-accent-text, #1a1f36);
      --_success: var(--swk-color-success, #6ee7a0);
      --_warning: var(--swk-color-warning, #fcd34d);
      --_danger: var(--swk-color-danger, #fca5a5);
    }
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
`;
