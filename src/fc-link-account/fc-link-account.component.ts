import type { Stripe } from '@stripe/stripe-js';
import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { createIdempotencyKey } from '../core/backend-client.js';
import { track } from '../core/analytics.js';
import { WidgetRequestError } from '../core/errors.js';
import { emit } from '../core/events.js';
import { ResourceController, type ResourceStatus } from '../core/resource-controller.js';
import { SwkElement } from '../core/swk-element.js';
import { renderError, renderLiveRegion } from '../core/templates.js';
import type { FcAccountDetails } from '../schemas/financial-connections-account.js';
import {
  fcSessionResultSchema,
  fcSessionSecretSchema,
  type FcAccount,
  type FcSessionSecret,
} from '../schemas/financial-connections.js';
import { renderAccountList } from './account-list.js';
import { fcMessages, type FcMessages } from './fc-link-account.messages.js';
import { fcLinkAccountStyles } from './fc-link-account.styles.js';
import { redactSecrets } from './redact.js';
import { configError, sessionRequest } from './session-request.js';
import { loadSimulatedStripe } from './simulated-stripe-loader.js';
import { loadStripeJs } from './stripe-loader.js';
import type * as AccountData from './account-data.js';
import { loadAccountData } from './account-data-loader.js';

/** The outcome of one linking flow. `accounts` is empty when the user linked nothing or left. */
export interface FcLinkResult {
  sessionId: string;
  accounts: FcAccount[];
}

/** Which step of a running flow the widget is in. */
type FlowPhase = 'creating' | 'waiting';

const stripeJsError = (message: string) => new WidgetRequestError({ kind: 'stripe_js', message });

/**
 * Lets a user link bank accounts with Stripe Financial Connections: on click it asks the site's
 * backend for a session, opens Stripe's bank flow and lists the accounts the user linked.
 *
 * @tagname fc-link-account
 * @summary Link bank accounts through Stripe Financial Connections.
 *
 * @fires {CustomEvent<FcLinkResult>} swk-linked - `{ sessionId: string, accounts: FcAccount[] }`: the user linked one or more accounts.
 * @fires {CustomEvent<FcEmptyDetail>} swk-empty - `{ sessionId: string }`: the flow ended with no account linked (a normal outcome).
 * @fires {CustomEvent<SwkLoadDetail<FcLinkResult | FcAccountDetails>>} swk-load - `{ object }`: any flow that finished, linked or empty (`FcLinkResult`); with `accounts-endpoint`, each linked account retrieved (`FcAccountDetails`).
 * @fires {CustomEvent<SwkErrorDetail>} swk-error - `{ error: WidgetError }`: the backend, Stripe.js or Stripe failed.
 * @fires {CustomEvent<SwkEventDetail>} swk-event - Analytics: `link_started`, then `linked`, `link_empty` or `link_canceled`; `error`, `retried`.
 *
 * @slot - The label of the link button. Default "Link bank account" / 「銀行口座を連携」.
 *
 * @csspart base - The outer box.
 * @csspart button - The link button (idle and busy).
 * @csspart progress - The text that says what the flow is waiting for.
 * @csspart title - The heading of the linked and empty states.
 * @csspart accounts - The list of linked accounts.
 * @csspart account - One linked account.
 * @csspart institution - The bank's name.
 * @csspart account-name - The account's display name.
 * @csspart category - The account's category and subcategory.
 * @csspart last4 - The last four digits.
 * @csspart status - The account's status badge.
 * @csspart account-data - What `accounts-endpoint` retrieved for an account: balance, owners, refresh.
 * @csspart balance - The current balance, per currency.
 * @csspart as-of - When the balance was current.
 * @csspart balance-status - "Updating balance…", "could not be updated" or "no balance yet".
 * @csspart refresh-button - Asks Stripe to refresh the balance (not before Stripe's next refresh time).
 * @csspart refresh-note - When the balance can be refreshed again.
 * @csspart owners - The account owners' names (names only).
 * @csspart message - The text of the empty state.
 * @csspart link-another-button - Starts a new session after accounts were linked.
 * @csspart try-again-button - Starts a new session after nothing was linked.
 * @csspart error - The error state.
 * @csspart retry-button - Retries after an error.
 *
 * @cssprop --swk-color-accent - Button and focus color.
 * @cssprop --swk-color-accent-text - Text on the link button.
 * @cssprop --swk-color-background - Background of the box.
 * @cssprop --swk-color-surface - Background of each account.
 * @cssprop --swk-color-text - Text color.
 * @cssprop --swk-color-muted - Secondary text.
 * @cssprop --swk-color-border - Borders.
 * @cssprop --swk-color-success - The active account badge.
 * @cssprop --swk-color-warning - The inactive account badge.
 * @cssprop --swk-color-danger - The disconnected account badge and errors.
 * @cssprop [--swk-radius=8px] - Corner radius.
 * @cssprop [--swk-spacing=16px] - Inner spacing.
 * @cssprop --swk-font-family - Font family.
 * @cssprop [--swk-font-size=15px] - Base font size.
 */
export class FcLinkAccount extends SwkElement<FcLinkResult | FcAccountDetails> {
  static override styles = [...SwkElement.styles, fcLinkAccountStyles];
  static override catalogs = [fcMessages];
  static override properties: PropertyDeclarations = {
    publishableKey: { attribute: 'publishable-key' },
    stripeAccount: { attribute: 'stripe-account' },
    permissions: {},
    prefetch: {},
    accountsEndpoint: { attribute: 'accounts-endpoint' },
    stripe: { attribute: false },
    phase: { state: true },
  };

  /** `pk_…` for Stripe.js; the endpoint's `publishable_key`, when it returns one, wins. */
  publishableKey = '';

  /** Connected account (`acct_…`) passed to Stripe.js as `stripeAccount`; the endpoint's `stripe_account` wins. */
  stripeAccount = '';

  /** Space-separated: balances, ownership, payment_method, transactions. */
  permissions = 'payment_method';

  /** Space-separated data to fetch right after linking: balances, ownership, transactions. */
  prefetch = '';

  /**
   * The site's account routes (e.g. `/api/financial_connections/accounts`). With `balances` or
   * `ownership` in `permissions`, each linked account's balance and owners' names are retrieved
   * (`GET {accounts-endpoint}/{id}`, `…/{id}/owners`) and the balance can be refreshed
   * (`POST …/{id}/refresh`). Empty: nothing is fetched after linking.
   */
  accountsEndpoint = '';

  /** A Stripe.js instance (or a promise of one) to use instead of loading Stripe.js on first click. */
  stripe: Stripe | Promise<Stripe | null> | null | undefined;

  private phase: FlowPhase = 'creating';

  /** One key per user action; cleared once that action's POST succeeded so a later retry is a new action. */
  #idempotencyKey: string | undefined;
  #shownStatus: ResourceStatus = 'idle';
  /** The linked accounts' data (balances, owners), loaded on demand after a flow linked accounts. */
  #accountData: AccountData.LinkedAccounts | undefined;
  #accountDataModule: Promise<typeof AccountData> | undefined;

  readonly #flow = new ResourceController<FcLinkResult>(this, (signal) => this.#link(signal), {
    // Moved or re-added mid-flow: back to the button, never a second session or bank window unasked.
    onReturn: 'reset',
    tracksLoaded: false,
    onCancel: () => track(this, 'link_canceled'),
    onValue: (result) => {
      track(this, result.accounts.length > 0 ? 'linked' : 'link_empty', { id: result.sessionId });
      if (result.accounts.length > 0) emit(this, 'swk-linked', result);
      else emit(this, 'swk-empty', { sessionId: result.sessionId });
      void this.#followAccounts(result);
    },
  });

  /** Whether linked accounts get their data shown: an accounts endpoint and a permission to show. */
  get #wantsAccountData(): boolean {
    return Boolean(this.accountsEndpoint) && /(^|[\s,])(balances|ownership)([\s,]|$)/.test(this.permissions);
  }

  #dropAccountData(): void {
    this.#accountData?.dispose();
    this.#accountData = undefined;
  }

  async #followAccounts(result: FcLinkResult): Promise<void> {
    this.#dropAccountData();
    if (!this.#wantsAccountData || result.accounts.length === 0) return;
    const { LinkedAccounts } = await (this.#accountDataModule ??= loadAccountData());
    // Another flow (or none) is on screen by now.
    if (this.#flow.value !== result || this.#accountData) return;
    this.#accountData = new LinkedAccounts(this, result.accounts, {
      endpoint: this.accountsEndpoint,
      permissions: this.permissions.split(/[\s,]+/),
      fetchJson: (options) => this.fetchJson(options),
      text: (catalog) => this.text(catalog),
    });
    this.requestUpdate();
  }

  async #link(signal: AbortSignal): Promise<FcLinkResult> {
    this.phase = 'creating';
    if (!this.endpoint) throw configError('The endpoint attribute is missing.');
    const body = sessionRequest(this.permissions, this.prefetch);
    this.#warm();
    const key = (this.#idempotencyKey ??= createIdempotencyKey());
    const secret: FcSessionSecret = await this.fetchJson({
      url: this.endpoint,
      method: 'POST',
      body,
      schema: fcSessionSecretSchema,
      signal,
      idempotencyKey: key,
    });
    if (!secret.client_secret) throw new WidgetRequestError({ kind: 'invalid_response', message: 'Unexpected response at client_secret: empty' });
    this.#idempotencyKey = undefined;
    const stripe = await this.#stripeFor(secret);
    signal.throwIfAborted();
    this.phase = 'waiting';
    return this.#collect(stripe, secret.client_secret);
  }

  async #stripeFor(secret: FcSessionSecret): Promise<Stripe> {
    let pending = this.stripe;
    if (!pending && secret.simulated_stripe_js) {
      pending = loadSimulatedStripe(secret.simulated_stripe_js.complete_url, this.endpoint, this.fetcher);
    } else if (!pending) {
      const key = secret.publishable_key || this.publishableKey;
      if (!key) throw configError('No publishable key: set publishable-key or return publishable_key from the endpoint.');
      pending = loadStripeJs(key, secret.stripe_account || this.stripeAccount || undefined);
    }
    let stripe: Stripe | null;
    try {
      stripe = await pending;
    } catch (cause) {
      throw stripeJsError(cause instanceof Error ? cause.message : 'Stripe.js failed to load');
    }
    if (!stripe) throw stripeJsError('Stripe.js is not available');
    return stripe;
  }

  async #collect(stripe: Stripe, clientSecret: string): Promise<FcLinkResult> {
    let result: Awaited<ReturnType<Stripe['collectFinancialConnectionsAccounts']>>;
    try {
      result = await stripe.collectFinancialConnectionsAccounts({ clientSecret });
    } catch (cause) {
      throw stripeJsError(redactSecrets(cause instanceof Error ? cause.message : String(cause), clientSecret));
    }
    if (result?.error) {
      const { message, code, type } = result.error;
      throw new WidgetRequestError({
        kind: 'stripe',
        message: redactSecrets(message || 'Stripe could not link the account', clientSecret),
        ...(code && { code }),
        ...(type && { type }),
      });
    }
    const session = fcSessionResultSchema.safeParse(result?.financialConnectionsSession);
    if (!session.success) throw stripeJsError('Stripe.js returned no financialConnectionsSession');
    // Only the id and accounts leave: the session object itself may carry its client_secret.
    return { sessionId: session.data.id, accounts: session.data.accounts };
  }

  /** Starts loading Stripe.js ahead of the click, when it will be needed. */
  readonly #warm = (): void => {
    if (this.stripe || !this.publishableKey) return;
    loadStripeJs(this.publishableKey, this.stripeAccount || undefined).catch(() => {
      // the click reports it; a failed load is retried then
    });
  };

  readonly #start = (): void => {
    if (this.#flow.status === 'loading') return;
    this.#idempotencyKey = createIdempotencyKey();
    this.#dropAccountData();
    // Loaded while the bank window is open, so the data shows as soon as accounts are linked.
    if (this.#wantsAccountData) this.#accountDataModule ??= loadAccountData();
    track(this, 'link_started');
    void this.#flow.run();
  };

  readonly #retry = (): void => {
    void this.#flow.retry();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') && changed.get('endpoint') !== undefined) {
      this.#idempotencyKey = undefined;
      this.#dropAccountData();
      this.#flow.reset();
    }
  }

  protected override updated(): void {
    const status = this.#flow.status;
    if (this.#shownStatus === 'loading' && status !== 'loading') {
      this.renderRoot.querySelector<HTMLElement>('[data-focus], [part="retry-button"]')?.focus();
    }
    this.#shownStatus = status;
  }

  #announcement(m: FcMessages): string {
    switch (this.#flow.status) {
      case 'loading':
        return this.phase === 'creating' ? m.creating : m.waiting;
      case 'ready': {
        const count = this.#flow.value?.accounts.length ?? 0;
        return count > 0 ? m.linked(count) : m.emptyTitle;
      }
      case 'error':
        return m.errorTitle;
      default:
        return '';
    }
  }

  #renderLinkButton(m: FcMessages, busy: boolean): TemplateResult {
    return html`<button
        part="button"
        type="button"
        aria-disabled=${busy ? 'true' : 'false'}
        aria-busy=${busy ? 'true' : 'false'}
        @click=${this.#start}
        @pointerenter=${this.#warm}
        @focus=${this.#warm}
      >
        ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}<slot>${m.link}</slot>
      </button>
      ${busy ? html`<p part="progress" class="progress muted">${this.phase === 'creating' ? m.creating : m.waiting}</p>` : nothing}`;
  }

  #renderResult(result: FcLinkResult, m: FcMessages): TemplateResult {
    if (result.accounts.length === 0) {
      return html`<h3 part="title" class="title" tabindex="-1" data-focus>${m.emptyTitle}</h3>
        <p part="message">${m.empty}</p>
        <div class="actions">
          <button part="try-again-button" type="button" @click=${this.#start}>${m.tryAgain}</button>
        </div>`;
    }
    return html`<h3 part="title" class="title" tabindex="-1" data-focus>${m.linkedTitle}</h3>
      <p class="muted">${m.linked(result.accounts.length)}</p>
      ${renderAccountList(result.accounts, m, this.locale, this.#accountData && ((id) => this.#accountData?.render(id)))}
      <div class="actions">
        <button part="link-another-button" class="secondary" type="button" @click=${this.#start}>${m.linkAnother}</button>
      </div>`;
  }

  override render(): TemplateResult {
    const m = this.text(fcMessages);
    return html`<div part="base" class="base">
      ${this.#flow.render({
        idle: () => this.#renderLinkButton(m, false),
        loading: () => this.#renderLinkButton(m, true),
        ready: (result) => this.#renderResult(result, m),
        error: (error) => renderError(error, this.locale, this.#retry, { title: m.errorTitle }),
      })}
      ${renderLiveRegion(this.#announcement(m))}
    </div>`;
  }
}
