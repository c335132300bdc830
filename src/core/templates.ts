import { html, nothing, type TemplateResult } from 'lit';
import type { WidgetError } from './errors.js';
import { messagesFor, type Locale } from './i18n.js';
import { coreMessages } from './messages.js';

/** The loading state: a labelled busy region. */
export function renderLoading(locale: Locale, label?: string): TemplateResult {
  return html`<div part="loading" class="loading" aria-busy="true">
    <span class="spinner" aria-hidden="true"></span><span>${label ?? messagesFor(coreMessages, locale).loading}</span>
  </div>`;
}

/**
 * The error state: what failed in the user's language, Stripe's own message when there is one, and a
 * Retry button that re-runs the failed step.
 */
export function renderError(
  error: WidgetError,
  locale: Locale,
  onRetry: (() => void) | undefined,
  options: { title?: string; retryLabel?: string; busy?: boolean } = {},
): TemplateResult {
  const m = messagesFor(coreMessages, locale);
  const detail = error.kind === 'stripe' || error.kind === 'config' ? error.message : undefined;
  return html`<div part="error" class="error" role="alert">
    <p class="title">${options.title ?? m.errorTitle}</p>
    <p>${m.errors[error.kind] ?? m.errors.network}</p>
    ${detail ? html`<p class="muted">${m.errorDetail(detail)}</p>` : nothing}
    ${error.requestId ? html`<p class="muted">${m.requestId(error.requestId)}</p>` : nothing}
    ${onRetry
      ? html`<div class="actions">
          <button part="retry-button" class="secondary" type="button" ?disabled=${options.busy} aria-busy=${options.busy ? 'true' : 'false'} @click=${onRetry}>
            ${options.busy ? m.retrying : (options.retryLabel ?? m.retry)}
          </button>
        </div>`
      : nothing}
  </div>`;
}

/**
 * Shown above the last good value when a refresh failed: the value stays, the failure is said, and
 * Retry refreshes again.
 */
export function renderRefreshFailed(error: WidgetError, locale: Locale, onRetry: () => void): TemplateResult {
  const m = messagesFor(coreMessages, locale);
  return html`<div part="refresh-error" class="notice" role="alert">
    <p>${m.refreshFailed} ${m.errors[error.kind] ?? ''}</p>
    <button part="retry-button" class="secondary" type="button" @click=${onRetry}>${m.retry}</button>
  </div>`;
}

/** A polite live region; render it in every state so text changes are announced. */
export function renderLiveRegion(text: string): TemplateResult {
  return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${text}</div>`;
}

export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';

/** A status badge: always text, color only reinforces it. */
export function renderBadge(text: string, tone: Tone = 'neutral', part = 'status'): TemplateResult {
  return html`<span part=${part} class="badge" data-tone=${tone}>${text}</span>`;
}

/** The tone for `value` in `table`; a value Stripe adds later (or one such as "constructor") is neutral. */
export function toneOf(table: Readonly<Record<string, Tone>>, value: string | null | undefined): Tone {
  return value && Object.hasOwn(table, value) ? table[value]! : 'neutral';
}

/** Looks an enum value up in a wording table; a value Stripe may add later is shown as given. */
export function describeEnum(table: Readonly<Record<string, string>>, value: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return messagesFor(coreMessages, locale).notAvailable;
  return Object.hasOwn(table, value) ? table[value]! : messagesFor(coreMessages, locale).unknownValue(value);
}

/** Only http(s) URLs may become links; anything else is shown as text. */
export function safeHttpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An external link, or the URL as plain text when it is not http(s). */
export function renderExternalLink(url: string | null | undefined, label: string, part = 'link'): TemplateResult | typeof nothing {
  if (!url) return nothing;
  const safe = safeHttpUrl(url);
  return safe
    ? html`<a part=${part} href=${safe} target="_blank" rel="noopener noreferrer">${label}</a>`
    : html`<span part=${part}>${label}: ${url}</span>`;
}
