import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { createIdempotencyKey, endpointUrl } from '../core/backend-client.js';
import { track } from '../core/analytics.js';
import { WidgetRequestError } from '../core/errors.js';
import { emit } from '../core/events.js';
import { formatDate, formatDuration, formatMoney, isoDate } from '../core/format.js';
import { followResource, type LiveEvent } from '../core/live-updates.js';
import { ResourceController } from '../core/resource-controller.js';
import { SwkElement } from '../core/swk-element.js';
import { describeEnum, renderBadge, renderError, renderLiveRegion, type Tone } from '../core/templates.js';
import { paymentIntentSchema, type PaymentIntent } from '../schemas/payment-intent.js';
import { sharedPaymentGrantedTokenSchema, type SharedPaymentGrantedToken } from '../schemas/shared-payment-granted-token.js';
import { CountdownController } from '../core/countdown-controller.js';
import { CARD_BRANDS, sptMessages, type SptMessages } from './spt-token-status.messages.js';
import { sptTokenStatusStyles } from './spt-token-status.styles.js';
import { announcementStep, remainingAmount, secondsLeft, tokenState, tokenStateName, validChargeAmount, type TokenState, type TokenStateName } from './token-state.js';

export type { Clock } from '../core/clock.js';

/** Detail of `swk-token-expired`: the token whose `usage_limits.expires_at` just passed. */
export interface SptTokenExpiredDetail {
  token: SharedPaymentGrantedToken;
}

/** Detail of `swk-charged`: the PaymentIntent the backend created with the token (and confirmed). */
export interface SptChargedDetail {
  paymentIntent: PaymentIntent;
}

const TOKEN_EVENT_PREFIX = 'shared_payment.granted_token.';
const TONES: Record<TokenState['kind'], Tone> = { active: 'success', expired: 'warning', deactivated: 'danger' };

/**
 * Shows a Shared Payment Token an agent granted to the seller: its spending limit and how much of it
 * payments used, its expiry with a live countdown, the payment method behind it, the agent, and whether
 * it can still be used (active, expired by time even before the backend says so, or deactivated with the
 * reason in words). Loads `GET {endpoint}/{token-id}`; with `events-url`,
 * `shared_payment.granted_token.*` events for this token refetch it.
 *
 * With `charge-amount` (the token currency's smallest unit) it charges the token: while the token can pay
 * that amount it shows "Charge $50.00", which sends `POST {endpoint}/{token-id}/payment_intents` with
 * `{ amount, currency }` and an Idempotency-Key (the same one when the user retries that charge), shows the
 * PaymentIntent's status and amount, fires `swk-charged` and refetches the token. One charge per token and
 * amount: a new `charge-amount` (or token) offers the button again.
 *
 * The host's `state` attribute says whether the token can be charged: `active`, or why not (`expired`,
 * `revoked`, `used`, `resolved`, `deactivated`); absent while nothing is shown. The `actions` slot and the
 * charge button exist only while it is `active`. Style by it: `spt-token-status[state='revoked'] { … }`.
 *
 * @tagname spt-token-status
 * @summary Status, limit and countdown of a Shared Payment Token (`shared_payment.granted_token`).
 *
 * @fires {CustomEvent<SwkLoadDetail<SharedPaymentGrantedToken>>} swk-load - `{ object: SharedPaymentGrantedToken }`: the token was loaded or reloaded.
 * @fires {CustomEvent<SwkErrorDetail>} swk-error - `{ error: WidgetError }`: loading failed; the error state (with Retry) is shown.
 * @fires {CustomEvent<SwkEventDetail>} swk-event - Analytics: `loaded`, `token_expired`, `token_charged`, `error`, `retried`.
 * @fires {CustomEvent<SptTokenExpiredDetail>} swk-token-expired - `{ token: SharedPaymentGrantedToken }`: `usage_limits.expires_at` passed while the token was shown as active. Fires once per token.
 * @fires {CustomEvent<SptChargedDetail>} swk-charged - `{ paymentIntent: PaymentIntent }`: the charge button created a PaymentIntent with the token (its status may still be `processing` or `requires_action`).
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
 * @csspart charge-button - "Charge $50.00" (with `charge-amount`, while the token is active and can pay it).
 * @csspart charge-result - The PaymentIntent's status and amount after a charge.
 * @csspart charge-note - Why there is no charge button although the token is active (the amount is more than what is left, or not valid).
 * @csspart charge-error - The failed charge (Stripe's decline message, the backend's refusal) with Retry.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart refresh-error - The "could not update" notice (with Retry) above the last good value after a failed refresh.
 * @csspart retry-button - Retry in the error state.
 *
 * @cssprop --swk-color-background - Background of the box.
 * @cssprop --swk-color-text - Text color.
 * @cssprop --swk-color-muted - Labels and secondary text.
 * @cssprop --swk-color-border - Borders.
 * @cssprop --swk-color-accent - The charge button, Retry button border, spinner and focus ring.
 * @cssprop --swk-color-accent-text - Text on the charge button.
 * @cssprop --swk-color-success - The active badge.
 * @cssprop --swk-color-warning - The expired badge.
 * @cssprop --swk-color-danger - The deactivated badge and errors.
 * @cssprop --swk-color-surface - Background of the notice and the error state.
 * @cssprop [--swk-radius=8px] - Corner radius.
 * @cssprop [--swk-spacing=16px] - Inner spacing.
 * @cssprop --swk-font-family - Font family.
 * @cssprop [--swk-font-size=15px] - Base font size.
 *
 * @slot actions - Site content shown under the token's details, only while the token is active (`state="active"`).
 */
export class SptTokenStatus extends SwkElement<SharedPaymentGrantedToken> {
  static override styles = [...SwkElement.styles, sptTokenStatusStyles];
  static override catalogs = [sptMessages];
  static override properties: PropertyDeclarations = {
    tokenId: { attribute: 'token-id' },
    chargeAmount: { type: Number, attribute: 'charge-amount' },
    state: { reflect: true },
  };

  /** The granted token's id (`spt_…`). */
  tokenId = '';

  /**
   * The amount to charge the token, in its currency's smallest unit (`5000` is $50.00, `5000` yen is
   * ¥5,000). Without it there is no charge button.
   */
  chargeAmount: number | undefined;

  /**
   * Set by the widget (read it, do not set it): `active` while the token can be charged, otherwise why
   * not; `undefined` (no attribute) while no token is shown. Reflected to the `state` attribute, to
   * style by (`spt-token-status[state='active']`).
   */
  state: TokenStateName | undefined;

  /** The Idempotency-Key of the charge the user asked for: kept for every retry until it succeeds. */
  #chargeKey: string | undefined;

  readonly #charge = new ResourceController<PaymentIntent>(this, (signal) => this.#postCharge(signal), {
    // The charge's answer is a PaymentIntent, not the widget's object: swk-charged tells of it.
    firesLoad: () => false,
    onReturn: 'reset',
    onValue: (paymentIntent) => {
      this.#chargeKey = undefined;
      emit(this, 'swk-charged', { paymentIntent });
      track(this, 'token_charged', paymentIntent);
      void this.#resource.refresh();
    },
  });

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

  /** The charge of `charge-amount`: POST, then (on failure too) the token again, whose state may have moved. */
  async #postCharge(signal: AbortSignal): Promise<PaymentIntent> {
    const token = this.#shownToken;
    const currency = token?.usage_limits?.currency;
    if (!token || !currency || !validChargeAmount(this.chargeAmount)) {
      throw new WidgetRequestError({ kind: 'config', message: 'There is no token and valid charge-amount to charge' });
    }
    this.#chargeKey ??= createIdempotencyKey();
    try {
      return await this.fetchJson({
        url: endpointUrl(this.endpoint, token.id, 'payment_intents'),
        method: 'POST',
        body: { amount: this.chargeAmount, currency: currency.toLowerCase() },
        schema: paymentIntentSchema,
        signal,
        idempotencyKey: this.#chargeKey,
      });
    } catch (cause) {
      if (!signal.aborted) void this.#resource.refresh();
      throw cause;
    }
  }

  #startCharge(): void {
    // A second click while the POST is in flight must not send another.
    if (this.#charge.status === 'loading') return;
    // A charge cut short (the element left the page mid-POST) may have gone through: pressing again
    // replays it with its key. A new key only after a success, or for another token or amount.
    this.#chargeKey ??= createIdempotencyKey();
    void this.#charge.run();
  }

  #load(signal: AbortSignal): Promise<SharedPaymentGrantedToken> {
    if (!this.endpoint || !this.tokenId) {
      const missing = this.endpoint ? 'token-id' : 'endpoint';
      return Promise.reject(new WidgetRequestError({ kind: 'config', message: `The ${missing} attribute is missing` }));
    }
    return this.fetchJson({ url: endpointUrl(this.endpoint, this.tokenId), schema: sharedPaymentGrantedTokenSchema, signal });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.objectChanged(changed, 'tokenId') || changed.has('chargeAmount')) {
      // Another token or amount is another charge: a new key, and the button again.
      this.#chargeKey = undefined;
      if (this.#charge.status !== 'idle') this.#charge.reset();
    }
    if (this.objectChanged(changed, 'tokenId')) {
      void this.#resource.run();
      this.#live.reschedule();
    }
    this.#now = this.clock.now();
    const token = this.#shownToken;
    // Set before rendering, so the attribute and what is shown change in the same update.
    this.state = token ? tokenStateName(tokenState(token, this.#now)) : undefined;
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
    const charge = this.#charge.status;
    if (token && charge !== 'idle') {
      const key = `${this.locale}|${token.id}|charge|${charge}`;
      if (key === this.#announcedKey) return;
      this.#announcedKey = key;
      if (charge === 'loading') this.#announcement = m.charging(this.#chargeAmountText(token));
      else if (charge === 'error') this.#announcement = m.chargeFailed;
      else this.#announcement = this.#chargeResultText(this.#charge.value!);
      return;
    }
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
      ${this.#renderCharge(token, state)} ${state.kind === 'active' ? html`<slot name="actions"></slot>` : nothing}
    </section>`;
  }

  /** `charge-amount` in the token's currency. */
  #chargeAmountText(token: SharedPaymentGrantedToken): string {
    return formatMoney(this.chargeAmount ?? 0, token.usage_limits?.currency ?? '', this.locale);
  }

  #chargeResultText(intent: PaymentIntent): string {
    const m = this.text(sptMessages);
    return m.chargeResult(formatMoney(intent.amount, intent.currency, this.locale), describeEnum(m.paymentStatuses, intent.status, this.locale));
  }

  /**
   * The charge: its result once it was made (whatever the token's state is now), its error with Retry
   * (the same key), or, while the token is active, the button (busy while the POST runs), or why there
   * is none.
   */
  #renderCharge(token: SharedPaymentGrantedToken, state: TokenState): TemplateResult | typeof nothing {
    const m = this.text(sptMessages);
    const charge = this.#charge;
    if (charge.status === 'ready' && charge.value) {
      return html`<p part="charge-result" class="notice">${this.#chargeResultText(charge.value)}</p>`;
    }
    // Retry charges again, so it is offered only while the token can still pay (not once it was revoked, used or expired).
    const refusal = this.#whyNoCharge(token, state, m);
    if (charge.status === 'error' && charge.error) {
      const retry = refusal === undefined ? () => void charge.retry() : undefined;
      return html`<div part="charge-error">${renderError(charge.error, this.locale, retry, { title: m.chargeFailed })}</div>`;
    }
    if (refusal !== undefined) return refusal;
    const amount = this.#chargeAmountText(token);
    const busy = charge.status === 'loading';
    return html`<div class="actions">
      <button part="charge-button" type="button" aria-disabled=${busy ? 'true' : 'false'} aria-busy=${busy ? 'true' : 'false'} @click=${() => this.#startCharge()}>
        ${busy ? m.charging(amount) : m.charge(amount)}
      </button>
    </div>`;
  }

  /**
   * Why `charge-amount` cannot be charged to the token now (a note, or nothing to say: no amount, not
   * active), or undefined when it can: active, a valid amount, within what the limit leaves.
   */
  #whyNoCharge(token: SharedPaymentGrantedToken, state: TokenState, m: SptMessages): TemplateResult | typeof nothing | undefined {
    const currency = token.usage_limits?.currency;
    if (this.chargeAmount === undefined || this.chargeAmount === null || state.kind !== 'active' || !currency) return nothing;
    if (!validChargeAmount(this.chargeAmount)) return html`<p part="charge-note" class="notice">${m.invalidAmount}</p>`;
    const left = remainingAmount(token);
    if (left === undefined) return nothing;
    if (this.chargeAmount > left) {
      return html`<p part="charge-note" class="notice">${m.overLimit(this.#chargeAmountText(token), formatMoney(left, currency, this.locale))}</p>`;
    }
    return undefined;
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
