import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { endpointUrl } from '../core/backend-client.js';
import { track } from '../core/analytics.js';
import { WidgetRequestError } from '../core/errors.js';
import { emit } from '../core/events.js';
import { formatDate, formatDuration, formatMoney, isoDate } from '../core/format.js';
import { followResource, type LiveEvent } from '../core/live-updates.js';
import { ResourceController } from '../core/resource-controller.js';
import { SwkElement } from '../core/swk-element.js';
import { describeEnum, renderBadge, renderLiveRegion, type Tone } from '../core/templates.js';
import { sharedPaymentGrantedTokenSchema, type SharedPaymentGrantedToken } from '../schemas/shared-payment-granted-token.js';
import { CountdownController } from '../core/countdown-controller.js';
import { CARD_BRANDS, sptMessages } from './spt-token-status.messages.js';
import { sptTokenStatusStyles } from './spt-token-status.styles.js';
import { announcementStep, secondsLeft, tokenState, type TokenState } from './token-state.js';

export type { Clock } from '../core/clock.js';

/** Detail of `swk-token-expired`: the token whose `usage_limits.expires_at` just passed. */
export interface SptTokenExpiredDetail {
  token: SharedPaymentGrantedToken;
}

const TOKEN_EVENT_PREFIX = 'shared_payment.granted_token.';
const TONES: Record<TokenState['kind'], Tone> = { active: 'success', expired: 'warning', deactivated: 'danger' };

/**
 * Shows a Shared Payment Token an agent granted to the seller: its spending limit and how much of it
 * payments used, its expiry with a live countdown, the payment method behind it, the agent, and whether it can still be used (active, expired
 * by time even before the backend says so, or deactivated with the reason in words). Loads
 * `GET {endpoint}/{token-id}`; with `events-url`, `shared_payment.granted_token.*` events for this
 * token refetch it.
 *
 * @tagname spt-token-status
 * @summary Status, limit and countdown of a Shared Payment Token (`shared_payment.granted_token`).
 *
 * @fires {CustomEvent<SwkLoadDetail<SharedPaymentGrantedToken>>} swk-load - `{ object: SharedPaymentGrantedToken }`: the token was loaded or reloaded.
 * @fires {CustomEvent<SwkErrorDetail>} swk-error - `{ error: WidgetError }`: loading failed; the error state (with Retry) is shown.
 * @fires {CustomEvent<SwkEventDetail>} swk-event - Analytics: `loaded`, `token_expired`, `error`, `retried`.
 * @fires {CustomEvent<SptTokenExpiredDetail>} swk-token-expired - `{ token: SharedPaymentGrantedToken }`: `usage_limits.expires_at` passed while the token was shown as active. Fires once per token.
 *
 * @csspart base - The outer box, in every state.
 * @csspart title - The heading.
 * @csspart status - The state badge (text: active, expired, deactivated).
 * @csspart details - The list of the token's terms.
 * @csspart token-id - The token's id.
 * @csspart limit - The maximum amount, in its currency.
 * @csspart used - How much of the limit payments captured (`usage_details.amount_captured`), e.g. "$3.00 of $10.00".
 * @csspart agent - The agent's network business profile (`agent_details`), when Stripe sends it.
 * @csspart expiry - The expiry date and time.
 * @csspart countdown - The time left while active.
 * @csspart payment-method - Card brand and last 4 (or the payment method type).
 * @csspart reason - Why the token was deactivated.
 * @csspart notice - The note that the token can no longer be used.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart refresh-error - The "could not update" notice (with Retry) above the last good value after a failed refresh.
 * @csspart retry-button - Retry in the error state.
 *
 * @cssprop --swk-color-background - Background of the box.
 * @cssprop --swk-color-text - Text color.
 * @cssprop --swk-color-muted - Labels and secondary text.
 * @cssprop --swk-color-border - Borders.
 * @cssprop --swk-color-accent - Retry button border, spinner and focus ring.
 * @cssprop --swk-color-success - The active badge.
 * @cssprop --swk-color-warning - The expired badge.
 * @cssprop --swk-color-danger - The deactivated badge and errors.
 * @cssprop --swk-color-surface - Background of the notice and the error state.
 * @cssprop [--swk-radius=8px] - Corner radius.
 * @cssprop [--swk-spacing=16px] - Inner spacing.
 * @cssprop --swk-font-family - Font family.
 * @cssprop [--swk-font-size=15px] - Base font size.
 *
 * @slot actions - Site content shown under the token's details (e.g. a pay button), in the ready state.
 */
export class SptTokenStatus extends SwkElement<SharedPaymentGrantedToken> {
  static override styles = [...SwkElement.styles, sptTokenStatusStyles];
  static override catalogs = [sptMessages];
  static override properties: PropertyDeclarations = {
    tokenId: { attribute: 'token-id' },
  };

  /** The granted token's id (`spt_…`). */
  tokenId = '';

  readonly #resource = new ResourceController<SharedPaymentGrantedToken>(this, (signal) => this.#load(signal));

  readonly #live = followResource(this, this.#resource, {
    matches: (event: LiveEvent) => event.id === this.tokenId && event.type.startsWith(TOKEN_EVENT_PREFIX),
  });

  /** `clock.now()` for this update, so render and the expiry event agree. */
  #now = 0;
  #announcement = '';
  #announcedKey = '';
  #activeShownFor: string | undefined;
  #expiredFiredFor: string | undefined;

  constructor() {
    super();
    new CountdownController(this, { clock: () => this.clock, deadline: () => this.#activeDeadline() });
  }

  /** When the shown token stops being active by time (ms), while it is active. */
  #activeDeadline(): number | undefined {
    const token = this.#shownToken;
    const expiresAt = token?.usage_limits?.expires_at;
    if (!token || typeof expiresAt !== 'number' || tokenState(token, this.#now).kind !== 'active') return undefined;
    return expiresAt * 1000;
  }

  get #shownToken(): SharedPaymentGrantedToken | undefined {
    return this.#resource.status === 'ready' ? this.#resource.value : undefined;
  }

  #load(signal: AbortSignal): Promise<SharedPaymentGrantedToken> {
    if (!this.endpoint || !this.tokenId) {
      const missing = this.endpoint ? 'token-id' : 'endpoint';
      return Promise.reject(new WidgetRequestError({ kind: 'config', message: `The ${missing} attribute is missing` }));
    }
    return this.fetchJson({ url: endpointUrl(this.endpoint, this.tokenId), schema: sharedPaymentGrantedTokenSchema, signal });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.objectChanged(changed, 'tokenId')) {
      void this.#resource.run();
      this.#live.reschedule();
    }
    this.#now = this.clock.now();
    this.#updateAnnouncement();
  }

  protected override updated(): void {
    const token = this.#shownToken;
    if (!token) return;
    const state = tokenState(token, this.#now);
    if (state.kind === 'active') {
      this.#activeShownFor = token.id;
      return;
    }
    const expired = state.kind === 'expired' || state.reason === 'expired';
    if (expired && this.#activeShownFor === token.id && this.#expiredFiredFor !== token.id) {
      this.#expiredFiredFor = token.id;
      emit(this, 'swk-token-expired', { token });
      track(this, 'token_expired', { id: token.id, status: 'expired' });
    }
  }

  /** Changes the live region only when the state changes or a countdown threshold is crossed. */
  #updateAnnouncement(): void {
    const m = this.text(sptMessages);
    const token = this.#shownToken;
    if (!token) {
      const key = `${this.locale}|${this.#resource.status}`;
      if (key !== this.#announcedKey) this.#announcement = this.#resource.status === 'loading' ? this.coreText.loading : '';
      this.#announcedKey = key;
      return;
    }
    const state = tokenState(token, this.#now);
    const step = state.kind === 'active' ? announcementStep(state.remainingMs) : 0;
    const key = `${this.locale}|${token.id}|${state.kind}|${state.kind === 'deactivated' ? state.reason : ''}|${step}`;
    if (key === this.#announcedKey) return;
    const wasActive = this.#announcedKey.startsWith(`${this.locale}|${token.id}|active|`);
    this.#announcedKey = key;
    if (state.kind === 'deactivated') this.#announcement = m.announceDeactivated(this.#reasonText(state.reason));
    else if (state.kind === 'expired') this.#announcement = m.announceExpired;
    else if (state.remainingMs === undefined) this.#announcement = m.states.active;
    else {
      const timeLeft = formatDuration(secondsLeft(state.remainingMs), this.locale);
      this.#announcement = wasActive ? m.announceTimeLeft(timeLeft) : m.announceActive(timeLeft);
    }
  }

  #reasonText(reason: string | null | undefined): string {
    return describeEnum(this.text(sptMessages).reasons, reason, this.locale);
  }

  override render(): TemplateResult {
    return html`<div part="base" class="base">
      ${this.renderResource(this.#resource, (token) => this.#renderToken(token))}
      ${renderLiveRegion(this.#announcement)}
    </div>`;
  }

  #renderToken(token: SharedPaymentGrantedToken): TemplateResult {
    const m = this.text(sptMessages);
    const state = tokenState(token, this.#now);
    const limits = token.usage_limits;
    const expiresAt = limits?.expires_at;
    return html`<section aria-labelledby="title">
      <div class="header">
        <h2 id="title" part="title">${m.title}</h2>
        ${renderBadge(m.states[state.kind], TONES[state.kind])}
      </div>
      <dl class="terms" part="details">
        <dt>${m.tokenLabel}</dt>
        <dd><code part="token-id">${token.id}</code></dd>
        <dt>${m.limitLabel}</dt>
        <dd part="limit">${this.#limitText(limits)}</dd>
        ${this.#renderUsage(token)}
        <dt>${m.expiresLabel}</dt>
        <dd part="expiry">
          ${typeof expiresAt === 'number'
            ? html`<time datetime=${isoDate(expiresAt)}>${formatDate(expiresAt, this.locale, true)}</time>`
            : m.noExpiry}
        </dd>
        ${state.kind === 'active' && state.remainingMs !== undefined
          ? html`<dt>${m.timeLeftLabel}</dt>
              <dd><span part="countdown" class="countdown" role="timer">${formatDuration(secondsLeft(state.remainingMs), this.locale)}</span></dd>`
          : nothing}
        ${this.#renderPaymentMethod(token)}
        ${token.agent_details?.network_business_profile
          ? html`<dt>${m.agentLabel}</dt>
              <dd><code part="agent">${token.agent_details.network_business_profile}</code></dd>`
          : nothing}
        ${state.kind === 'deactivated'
          ? html`<dt>${m.reasonLabel}</dt>
              <dd part="reason">${this.#reasonText(state.reason)}</dd>
              ${typeof token.deactivated_at === 'number'
                ? html`<dt>${m.deactivatedAtLabel}</dt>
                    <dd><time datetime=${isoDate(token.deactivated_at)}>${formatDate(token.deactivated_at, this.locale, true)}</time></dd>`
                : nothing}`
          : nothing}
      </dl>
      ${state.kind === 'active' ? nothing : html`<p part="notice" class="notice">${m.unusable}</p>`}
      <slot name="actions"></slot>
    </section>`;
  }

  #limitText(limits: SharedPaymentGrantedToken['usage_limits']): string {
    if (typeof limits?.max_amount !== 'number' || !limits.currency) return this.coreText.notAvailable;
    return formatMoney(limits.max_amount, limits.currency, this.locale);
  }

  /** How much of the limit payments captured: "$3.00 of $10.00" (just the amount when the limit is unknown). */
  #renderUsage(token: SharedPaymentGrantedToken): TemplateResult | typeof nothing {
    const captured = token.usage_details?.amount_captured;
    const currency = captured?.currency || token.usage_limits?.currency;
    if (typeof captured?.value !== 'number' || !currency) return nothing;
    const m = this.text(sptMessages);
    const amount = formatMoney(captured.value, currency, this.locale);
    const limits = token.usage_limits;
    const sameCurrency = !limits?.currency || limits.currency.toLowerCase() === currency.toLowerCase();
    const text = typeof limits?.max_amount === 'number' && limits.currency && sameCurrency ? m.used(amount, this.#limitText(limits)) : amount;
    return html`<dt>${m.usedLabel}</dt>
      <dd part="used">${text}</dd>`;
  }

  #renderPaymentMethod(token: SharedPaymentGrantedToken): TemplateResult | typeof nothing {
    const details = token.payment_method_details;
    if (!details) return nothing;
    const m = this.text(sptMessages);
    const card = details.card;
    let text: string;
    if (card?.brand || card?.last4) {
      const brand = card.brand ? describeEnum(CARD_BRANDS, card.brand, this.locale) : m.methodTypes.card!;
      text = card.last4 ? m.card(brand, card.last4) : brand;
    } else if (details.type) {
      text = describeEnum(m.methodTypes, details.type, this.locale);
    } else {
      return nothing;
    }
    return html`<dt>${m.paymentMethodLabel}</dt>
      <dd part="payment-method">${text}</dd>`;
  }
}
