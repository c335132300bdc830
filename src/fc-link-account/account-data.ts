import { html, nothing, type TemplateResult } from 'lit';
import { createIdempotencyKey, endpointUrl, type RequestOptions } from '../core/backend-client.js';
import { CountdownController } from '../core/countdown-controller.js';
import { isAbortError, toWidgetError } from '../core/errors.js';
import { formatDate, formatList, formatMoney, isoDate } from '../core/format.js';
import type { Catalog, Locale } from '../core/i18n.js';
import { LiveUpdateController, type LiveHost, type UpdateCause } from '../core/live-updates.js';
import { reportError, ResourceController } from '../core/resource-controller.js';
import { renderError, renderLiveRegion } from '../core/templates.js';
import type { FcAccount } from '../schemas/financial-connections.js';
import { fcAccountDetailsSchema, fcAccountOwnersSchema, type FcAccountDetails } from '../schemas/financial-connections-account.js';
import { accountDataMessages, type AccountDataMessages } from './account-data.messages.js';

/** What `<fc-link-account>` lends the account data: its live settings, locale, requests and texts. */
export interface AccountDataHost extends LiveHost {
  readonly locale: Locale;
}

export interface AccountDataOptions {
  /** `accounts-endpoint`: `GET {it}/{id}`, `GET {it}/{id}/owners`, `POST {it}/{id}/refresh`. */
  endpoint: string;
  /** The widget's `permissions`, for accounts whose own `permissions` Stripe.js did not return. */
  permissions: readonly string[];
  fetchJson: <T>(options: RequestOptions<T>) => Promise<T>;
  text: <M>(catalog: Catalog<M>) => M;
}

interface AccountView {
  account: FcAccountDetails;
  /** The owners' names; undefined when ownership is not permitted or not there yet; `failed` when they could not be read. */
  owners?: (string | null)[] | 'failed';
  moreOwners?: boolean;
}

const EVENTS = new Set(['financial_connections.account.refreshed_balance', 'financial_connections.account.refreshed_ownership']);
/** Without an event stream or `refresh-interval`, a pending refresh is checked this often. */
const FALLBACK_POLL_MS = 5000;

const isPending = (view: AccountView | undefined) =>
  view?.account.balance_refresh?.status === 'pending' || view?.account.ownership_refresh?.status === 'pending';

/** One linked account's data: its retrieval (with the owners' names) and its balance refresh. */
class AccountEntry {
  readonly details: ResourceController<AccountView>;
  readonly refresh: ResourceController<FcAccountDetails>;
  /** The refresh's Idempotency-Key, kept for Retry until the refresh started. */
  refreshKey: string | undefined;

  constructor(
    host: AccountDataHost,
    readonly linked: FcAccount,
    private readonly data: LinkedAccounts,
  ) {
    // The widget's analytics stay at the session (`linked`): an account's id and status never leave as `loaded`.
    this.details = new ResourceController<AccountView>(host, (signal) => data.fetchView(linked.id, signal), { loadObject: (view) => view.account, tracksLoaded: false });
    this.refresh = new ResourceController<FcAccountDetails>(host, (signal) => data.postRefresh(this, signal), {
      onReturn: 'reset',
      tracksLoaded: false,
      onValue: () => {
        this.refreshKey = undefined;
        void this.details.refresh();
      },
    });
  }

  get view(): AccountView | undefined {
    return this.details.value;
  }

  permits(permission: string): boolean {
    const linked = this.linked.permissions;
    return (this.view?.account.permissions ?? (Array.isArray(linked) ? (linked as string[]) : this.data.permissions)).includes(permission);
  }
}

/**
 * The data `<fc-link-account>` shows under each linked account when `accounts-endpoint` is set: the
 * current balance per currency with its as-of time (with `balances` permitted), the owners' names
 * (with `ownership`), "Refresh balance" throttled by `next_refresh_available_at`, and the pending
 * refreshes followed over `events-url` (`financial_connections.account.refreshed_*`) or by polling
 * until they succeed or fail. Loaded on demand: pages that never link pay nothing for it.
 */
export class LinkedAccounts {
  readonly #host: AccountDataHost;
  readonly #options: AccountDataOptions;
  readonly #entries: AccountEntry[];
  readonly #live: LiveUpdateController;
  readonly #countdown: CountdownController;

  constructor(host: AccountDataHost, accounts: readonly FcAccount[], options: AccountDataOptions) {
    this.#host = host;
    this.#options = options;
    this.#entries = accounts.map((account) => new AccountEntry(host, account, this));
    this.#live = new LiveUpdateController(host, {
      eventsUrl: () => host.eventsUrl,
      clock: () => host.clock,
      matches: (event) => EVENTS.has(event.type) && this.#entries.some((entry) => entry.linked.id === event.id),
      pollDelay: () => {
        if (!this.#entries.some((entry) => isPending(entry.view))) return null;
        if (host.refreshInterval > 0) return host.refreshInterval * 1000;
        return host.eventsUrl ? null : FALLBACK_POLL_MS;
      },
      onUpdate: (cause) => this.#update(cause),
    });
    // "Refresh balance" is offered again when Stripe allows the next refresh.
    this.#countdown = new CountdownController(host, {
      clock: () => host.clock,
      deadline: () => {
        const now = host.clock.now();
        const times = this.#entries.map((entry) => nextRefreshMs(entry.view?.account)).filter((ms) => ms > now);
        return times.length > 0 ? Math.min(...times) : undefined;
      },
      nextRender: (remainingMs) => remainingMs,
    });
    for (const entry of this.#entries) void entry.details.run();
  }

  get permissions(): readonly string[] {
    return this.#options.permissions;
  }

  /** Stops every request, subscription and timer; the host shows another flow now. */
  dispose(): void {
    for (const entry of this.#entries) {
      for (const resource of [entry.details, entry.refresh]) {
        resource.abort();
        this.#host.removeController(resource);
      }
    }
    for (const controller of [this.#live, this.#countdown]) {
      controller.hostDisconnected();
      this.#host.removeController(controller);
    }
  }

  #update(cause: UpdateCause): void {
    for (const entry of this.#entries) {
      const asked = typeof cause === 'object' ? entry.linked.id === cause.id : cause === 'resync' || isPending(entry.view);
      if (asked) void entry.details.refresh();
    }
    this.#live.reschedule();
  }

  async fetchView(id: string, signal: AbortSignal): Promise<AccountView> {
    const { endpoint, fetchJson } = this.#options;
    const account = await fetchJson({ url: endpointUrl(endpoint, id), schema: fcAccountDetailsSchema, signal });
    const permitted = (account.permissions ?? this.permissions).includes('ownership');
    if (!permitted || !account.ownership) return { account };
    try {
      const owners = await fetchJson({ url: endpointUrl(endpoint, id, 'owners'), schema: fcAccountOwnersSchema, signal });
      return { account, owners: owners.data.map((owner) => owner.name ?? null), moreOwners: owners.has_more === true };
    } catch (cause) {
      if (signal.aborted || isAbortError(cause)) throw cause;
      // The balance still shows; the owners say they failed, and the site (and its analytics) hear why.
      reportError(this.#host, toWidgetError(cause));
      return { account, owners: 'failed' };
    }
  }

  postRefresh(entry: AccountEntry, signal: AbortSignal): Promise<FcAccountDetails> {
    entry.refreshKey ??= createIdempotencyKey();
    const { endpoint, fetchJson } = this.#options;
    return fetchJson({
      url: endpointUrl(endpoint, entry.linked.id, 'refresh'),
      method: 'POST',
      body: { features: ['balance'] },
      idempotencyKey: entry.refreshKey,
      schema: fcAccountDetailsSchema,
      signal,
    });
  }

  /** The data block under the account `id`, or nothing when it is not followed (or shows nothing). */
  render(id: string): TemplateResult | typeof nothing {
    const entry = this.#entries.find((candidate) => candidate.linked.id === id);
    if (!entry) return nothing;
    const m = this.#options.text(accountDataMessages);
    const locale = this.#host.locale;
    const view = entry.details.render({
      loading: () => html`<p class="muted">${m.loading}</p>`,
      ready: (value) => this.#renderView(entry, value, m, locale),
      error: (error) => renderError(error, locale, () => void entry.details.retry()),
    });
    return html`<div part="account-data" class="account-data">${view}${renderLiveRegion(this.#announcement(entry, m, locale))}</div>`;
  }

  /** Polite announcements: updating, failed, then the new balance (an account that arrives up to date says nothing). */
  #announcement(entry: AccountEntry, m: AccountDataMessages, locale: Locale): string {
    const account = entry.view?.account;
    if (!account || !entry.permits('balances')) return '';
    const status = account.balance_refresh?.status;
    if (status === 'pending') return m.updating;
    if (status === 'failed') return m.failed;
    const current = amounts(account, locale);
    return current.length ? m.balanceNow(formatList(current, locale)) : m.noBalance;
  }

  #renderView(entry: AccountEntry, { account, owners, moreOwners }: AccountView, m: AccountDataMessages, locale: Locale): TemplateResult {
    const balances = entry.permits('balances');
    return html`${balances ? this.#renderBalance(entry, account, m, locale) : nothing}
    ${entry.permits('ownership') ? renderOwners(account, owners, moreOwners, m) : nothing}`;
  }

  #renderBalance(entry: AccountEntry, account: FcAccountDetails, m: AccountDataMessages, locale: Locale): TemplateResult {
    const refresh = account.balance_refresh;
    const current = amounts(account, locale);
    const status = refresh?.status;
    const nextMs = nextRefreshMs(account);
    const waiting = nextMs > this.#host.clock.now();
    const starting = entry.refresh.status === 'loading';
    const blocked = starting || status === 'pending' || waiting;
    return html`${current.length > 0
        ? html`<dl class="terms">
            <dt>${m.balance}</dt>
            <dd part="balance">${current.join(' · ')}</dd>
            ${typeof account.balance?.as_of === 'number'
              ? html`<dt>${m.asOf}</dt>
                  <dd><time part="as-of" datetime=${isoDate(account.balance.as_of)}>${formatDate(account.balance.as_of, locale, true)}</time></dd>`
              : nothing}
          </dl>`
        : status === 'pending'
          ? nothing
          : html`<p part="balance-status" class="muted">${m.noBalance}</p>`}
      ${status === 'pending'
        ? html`<p part="balance-status"><span class="spinner" aria-hidden="true"></span>${m.updating}</p>`
        : status === 'failed'
          ? html`<p part="balance-status" class="notice">${m.failed}</p>`
          : nothing}
      <div class="actions">
        <button
          part="refresh-button"
          class="secondary"
          type="button"
          aria-disabled=${blocked ? 'true' : 'false'}
          aria-busy=${starting ? 'true' : 'false'}
          @click=${() => {
            if (!blocked) void entry.refresh.run();
          }}
        >
          ${starting ? m.refreshing : m.refresh}
        </button>
      </div>
      ${waiting && status !== 'pending' ? html`<p part="refresh-note" class="muted">${m.availableAt(formatDate(nextMs / 1000, locale, true))}</p>` : nothing}
      ${entry.refresh.status === 'error'
        ? renderError(entry.refresh.error!, locale, () => void entry.refresh.retry(), { title: m.refreshFailed })
        : nothing}`;
  }
}

function renderOwners(account: FcAccountDetails, owners: AccountView['owners'], more: boolean | undefined, m: AccountDataMessages): TemplateResult | typeof nothing {
  if (owners === 'failed') return html`<p part="owners" class="muted">${m.ownersFailed}</p>`;
  if (!owners) {
    const pending = account.ownership_refresh?.status === 'pending';
    return pending ? html`<p part="owners" class="muted">${m.ownersUpdating}</p>` : nothing;
  }
  const names = owners.filter(Boolean);
  return html`<p part="owners"><span class="muted">${m.owners}:</span> ${names.join(', ')}${more ? '…' : ''}</p>`;
}

/** The current balance in each currency, formatted. */
function amounts(account: FcAccountDetails, locale: Locale): string[] {
  return Object.entries(account.balance?.current ?? {}).map(([currency, amount]) => formatMoney(amount, currency, locale));
}

/** When Stripe allows the next balance refresh, in ms since the epoch (0: now, or unknown). */
function nextRefreshMs(account: FcAccountDetails | undefined): number {
  const next = account?.balance_refresh?.next_refresh_available_at;
  return typeof next === 'number' && Number.isFinite(next) ? next * 1000 : 0;
}
