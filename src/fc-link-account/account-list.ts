import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../core/i18n.js';
import { describeEnum, renderBadge, toneOf, type Tone } from '../core/templates.js';
import type { FcAccount } from '../schemas/financial-connections.js';
import type { FcMessages } from './fc-link-account.messages.js';

const STATUS_TONES: Readonly<Record<string, Tone>> = { active: 'success', inactive: 'warning', disconnected: 'danger' };

/** A category Stripe may add later (or a bank's own word, e.g. "Checking") is shown as given. */
function wording(table: Readonly<Record<string, string>>, value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  return Object.hasOwn(table, value) ? table[value] : value;
}

function kind(account: FcAccount, m: FcMessages): string {
  const category = wording(m.category, account.category);
  const subcategory = account.subcategory === 'other' ? undefined : wording(m.subcategory, account.subcategory);
  return [category, subcategory].filter(Boolean).join(' · ');
}

function renderAccount(account: FcAccount, m: FcMessages, locale: Locale, data?: (id: string) => unknown): TemplateResult {
  const type = kind(account, m);
  return html`<li part="account" class="account">
    <span part="institution" class="institution">${account.institution_name || m.unknownInstitution}</span>
    ${account.display_name ? html`<span part="account-name">${account.display_name}</span>` : nothing}
    ${type ? html`<span part="category" class="muted">${type}</span>` : nothing}
    ${account.last4
      ? html`<span part="last4"><span aria-hidden="true">•••• ${account.last4}</span><span class="visually-hidden">${m.accountEnding(account.last4)}</span></span>`
      : nothing}
    ${account.status ? renderBadge(describeEnum(m.status, account.status, locale), toneOf(STATUS_TONES, account.status)) : nothing}
    ${data?.(account.id) ?? nothing}
  </li>`;
}

/** The linked accounts: bank, name, kind, last four digits and status, all as text; `data` adds what was retrieved since. */
export function renderAccountList(accounts: readonly FcAccount[], m: FcMessages, locale: Locale, data?: (id: string) => unknown): TemplateResult {
  return html`<ul part="accounts" class="accounts">
    ${accounts.map((account) => renderAccount(account, m, locale, data))}
  </ul>`;
}
