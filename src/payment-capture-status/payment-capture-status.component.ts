import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { endpointUrl } from '../core/backend-client.js';
import { track } from '../core/analytics.js';
import { WidgetRequestError } from '../core/errors.js';
import { emit } from '../core/events.js';
import { formatMoney } from '../core/format.js';
import { CountdownController } from '../core/countdown-controller.js';
import { followResource, type LiveEvent } from '../core/live-updates.js';
import { ResourceController } from '../core/resource-controller.js';
import { SwkElement } from '../core/swk-element.js';
import { describeEnum, renderBadge, renderLiveRegion, toneOf, type Tone } from '../core/templates.js';
import { paymentIntentSchema, type Charge, type PaymentIntent } from '../schemas/payment-intent.js';
import { awaitsStripe, expandedCharge, expectsApplicationFee, expectsTransfer, nextPollMs, owesConnectParts, pendingParts, slaDeadlineMs } from './capture-state.js';
import { messages, type PaymentCaptureMessages } from './payment-capture-status.messages.js';
import { styles } from './payment-capture-status.styles.js';

/** Detail of `swk-capture-settled`. */
export interface CaptureSettledDetail {
  /** The charge with its balance transaction (and, for Connect, transfer and application fee). */
  charge: Charge;
}

const TONES: Record<string, Tone> = { succeeded: 'success', processing: 'info', requires_capture: 'warning', failed: 'danger' };
/** Live events that bring a part we cannot know the id of in advance (their object is the new transfer / fee). */
const ARRIVAL_EVENTS = new Set(['transfer.created', 'application_fee.created']);

/**
 * Shows the outcome of a PaymentIntent. After an asynchronous capture (`capture_method:
 * automatic_async`) Stripe fills in the charge's balance transaction (and, for Connect, transfer and
 * application fee) up to an hour after the payment was confirmed: the widget shows those parts as
 * pending (with the application fee amount, known at capture), keeps checking (`events-url` and/or
 * `refresh-interval`, backing off to once a minute, giving up an hour after the charge was created),
 * then shows fee, net, transfer and application fee. A charge given only as an id has no confirmation
 * time: the widget keeps checking without a deadline.
 *
 * Live events refetch when their id is the payment's, its charge's or one of the ids shown, and, while
 * a transfer or application fee is pending, on any `transfer.created` / `application_fee.created`
 * (the stream carries only the new object's id, which cannot be matched beforehand).
 *
 * @tagname payment-capture-status
 * @summary Payment status with asynchronous-capture settlement (fee, net, transfer, application fee).
 *
 * @fires {CustomEvent<SwkLoadDetail<PaymentIntent>>} swk-load - `{ object: PaymentIntent }` after each successful fetch (the `client_secret` removed).
 * @fires {CustomEvent<SwkErrorDetail>} swk-error - `{ error: WidgetError }` when the payment cannot be loaded.
 * @fires {CustomEvent<SwkEventDetail>} swk-event - Analytics: `loaded`, `capture_settled`, `error`, `retried`.
 * @fires {CustomEvent<CaptureSettledDetail>} swk-capture-settled - `{ charge: Charge }` once, when every part that was pending while shown has arrived.
 *
 * @csspart base - The outer box.
 * @csspart title - The heading.
 * @csspart status - The payment status badge.
 * @csspart summary - The sentence describing the status.
 * @csspart details - The list of amounts and settlement parts.
 * @csspart amount - The payment amount.
 * @csspart captured - The captured amount (succeeded payments).
 * @csspart capturable - The amount that can still be captured (requires_capture).
 * @csspart reason - The cancellation reason, or the failure message of a failed payment.
 * @csspart fee - Stripe's fee, from the balance transaction.
 * @csspart net - The net amount, from the balance transaction.
 * @csspart balance-transaction - The balance transaction id, when the backend did not expand it.
 * @csspart transfer - The transfer to the connected account (destination charges).
 * @csspart application-fee - The application fee (Connect): its amount, beside "Pending" until Stripe creates it.
 * @csspart pending - Each "pending" badge of a part not yet finalised.
 * @csspart notice - The note while parts are pending.
 * @csspart overdue - The "still pending, check later" note after the one-hour SLA.
 * @csspart check-button - The "Check again" button in the overdue note.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart refresh-error - The "could not update" notice (with Retry) above the last good value after a failed refresh.
 * @csspart retry-button - The Retry button of the error state.
 *
 * @cssprop --swk-color-background - Box background.
 * @cssprop --swk-color-text - Text color.
 * @cssprop --swk-color-muted - Labels.
 * @cssprop --swk-color-border - Box border.
 * @cssprop --swk-color-surface - Background of the notes and the error state.
 * @cssprop --swk-color-accent - Buttons and focus ring.
 * @cssprop --swk-color-success - Succeeded badge.
 * @cssprop --swk-color-warning - Pending badges and notes.
 * @cssprop --swk-color-danger - Failed badge and errors.
 * @cssprop [--swk-radius=8px] - Corner radius.
 * @cssprop [--swk-spacing=16px] - Inner spacing.
 * @cssprop --swk-font-family - Font family.
 * @cssprop [--swk-font-size=15px] - Base font size.
 */
export class PaymentCaptureStatus extends SwkElement<PaymentIntent> {
  static override styles = [...SwkElement.styles, styles];
  static override catalogs = [messages];
  static override properties: PropertyDeclarations = {
    paymentIntentId: { attribute: 'payment-intent-id' },
  };

  /** The PaymentIntent to show (`pi_…`); fetched as `GET {endpoint}/{payment-intent-id}`. */
  paymentIntentId = '';

  #polls = 0;
  #sawPending = false;
  #settledAnnounced = false;

  readonly #resource = new ResourceController<PaymentIntent>(this, (signal) => this.#load(signal), {
    onValue: (intent, previous) => this.#onValue(intent, previous),
  });

  readonly #live = followResource(this, this.#resource, {
    matches: (event) => this.#concerns(event),
    pollDelay: () => this.#pollDelay(),
    onPoll: () => (this.#polls += 1),
  });

  constructor() {
    super();
    // Re-renders when the SLA passes, so the overdue state shows even without polling.
    new CountdownController(this, {
      clock: () => this.clock,
      deadline: () => {
        const intent = this.#resource.status === 'ready' ? this.#resource.value : undefined;
        return intent && this.#deadlineMs(intent);
      },
      nextRender: (remainingMs) => remainingMs,
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.objectChanged(changed, 'paymentIntentId')) {
      this.#polls = 0;
      this.#sawPending = false;
      this.#settledAnnounced = false;
      void this.#resource.run();
      this.#live.reschedule();
    }
  }

  async #load(signal: AbortSignal): Promise<PaymentIntent> {
    if (!this.endpoint || !this.paymentIntentId) {
      throw new WidgetRequestError({ kind: 'config', message: 'Set both endpoint and payment-intent-id.' });
    }
    const intent = await this.fetchJson({ url: endpointUrl(this.endpoint, this.paymentIntentId), schema: paymentIntentSchema, signal });
    // A backend should never send it; if one does, it goes no further than here.
    delete intent.client_secret;
    return intent;
  }

  #onValue(intent: PaymentIntent, previous: PaymentIntent | undefined): void {
    const pending = pendingParts(intent).length;
    if (previous && pendingParts(previous).length > pending) this.#polls = 0;
    if (pending > 0) this.#sawPending = true;
    const charge = expandedCharge(intent);
    if (pending === 0 && this.#sawPending && !this.#settledAnnounced && charge) {
      this.#settledAnnounced = true;
      emit(this, 'swk-capture-settled', { charge });
      track(this, 'capture_settled', intent);
    }
    this.#live.reschedule();
  }

  #deadlineMs(intent: PaymentIntent): number | undefined {
    return pendingParts(intent).length > 0 ? slaDeadlineMs(intent) : undefined;
  }

  #isOverdue(intent: PaymentIntent): boolean {
    const deadline = this.#deadlineMs(intent);
    return deadline !== undefined && this.clock.now() >= deadline;
  }

  #pollDelay(): number | null {
    const intent = this.#resource.value;
    if (this.#resource.status !== 'ready' || !intent || !awaitsStripe(intent)) return null;
    return nextPollMs({ intervalSeconds: this.refreshInterval, polls: this.#polls, nowMs: this.clock.now(), deadlineMs: this.#deadlineMs(intent) });
  }

  #concerns(event: LiveEvent): boolean {
    const intent = this.#resource.value;
    if (!intent) return false;
    const charge = expandedCharge(intent);
    const ids = [intent.id, typeof intent.latest_charge === 'string' ? intent.latest_charge : charge?.id];
    for (const ref of [charge?.balance_transaction, charge?.transfer, charge?.application_fee]) {
      ids.push(typeof ref === 'string' ? ref : ref?.id);
    }
    if (ids.includes(event.id)) return true;
    const pending = pendingParts(intent);
    return ARRIVAL_EVENTS.has(event.type) && (pending.includes('transfer') || pending.includes('application_fee'));
  }

  override render(): TemplateResult {
    const m = this.text(messages);
    const body = this.renderResource(this.#resource, (intent) => this.#renderIntent(intent, m), {
      loadingLabel: m.loading,
      errorTitle: () => m.errorTitle,
    });
    return html`<section part="base" class="base" aria-labelledby="title" aria-busy=${this.#resource.status === 'loading' ? 'true' : 'false'}>
      <h2 id="title" part="title">${m.title}</h2>
      ${body}
      ${renderLiveRegion(this.#announcement(m))}
    </section>`;
  }

  #statusKey(intent: PaymentIntent): string {
    return intent.status === 'requires_payment_method' && intent.last_payment_error ? 'failed' : intent.status;
  }

  #announcement(m: PaymentCaptureMessages): string {
    const intent = this.#resource.status === 'ready' ? this.#resource.value : undefined;
    if (!intent) return this.#resource.status === 'error' ? '' : m.loading;
    const status = describeEnum(m.statuses, this.#statusKey(intent), this.locale);
    const what = this.#owedText(intent, m);
    if (pendingParts(intent).length > 0) return this.#isOverdue(intent) ? m.announceOverdue(what) : m.announcePending(status, what);
    return this.#sawPending ? m.announceSettled(status, what) : status;
  }

  /** What Stripe still finalises, in words: fees, or fees and transfers for Connect (never "payouts"). */
  #owedText(intent: PaymentIntent, m: PaymentCaptureMessages): string {
    const charge = expandedCharge(intent);
    const connect = owesConnectParts(intent) || (!!charge && (expectsTransfer(intent, charge) || expectsApplicationFee(intent, charge)));
    return connect ? m.feesAndTransfers : m.fees;
  }

  #renderIntent(intent: PaymentIntent, m: PaymentCaptureMessages): TemplateResult {
    const key = this.#statusKey(intent);
    const summary = Object.hasOwn(m.summaries, key) ? m.summaries[key as keyof typeof m.summaries] : undefined;
    const money = (amount: number, currency?: string | null) => formatMoney(amount, currency || intent.currency, this.locale);
    const charge = expandedCharge(intent);
    return html`<div class="header">
        ${renderBadge(describeEnum(m.statuses, key, this.locale), toneOf(TONES, key))}
      </div>
      ${summary ? html`<p part="summary">${summary}</p>` : nothing}
      <dl class="terms" part="details">
        ${this.#term(m.amount, money(intent.amount), 'amount')}
        ${intent.status === 'succeeded' && typeof charge?.amount_captured === 'number'
          ? this.#term(m.captured, money(charge.amount_captured, charge.currency), 'captured')
          : nothing}
        ${intent.status === 'requires_capture' && typeof intent.amount_capturable === 'number'
          ? this.#term(m.capturable, money(intent.amount_capturable), 'capturable')
          : nothing}
        ${intent.status === 'canceled' && intent.cancellation_reason
          ? this.#term(m.cancellationReason, describeEnum(m.cancellationReasons, intent.cancellation_reason, this.locale), 'reason')
          : nothing}
        ${key === 'failed' && intent.last_payment_error?.message ? this.#term(m.failureReason, intent.last_payment_error.message, 'reason') : nothing}
        ${intent.status === 'succeeded' && charge ? this.#renderSettlement(intent, charge, m) : nothing}
        ${intent.status === 'succeeded' && typeof intent.latest_charge === 'string' ? this.#renderUnknownSettlement(m) : nothing}
      </dl>
      ${this.#renderNote(intent, m)}`;
  }

  #renderSettlement(intent: PaymentIntent, charge: Charge, m: PaymentCaptureMessages): unknown[] {
    const pending = renderBadge(m.pending, 'warning', 'pending');
    const rows: unknown[] = [];
    const txn = charge.balance_transaction;
    if (typeof txn === 'string') {
      rows.push(this.#term(m.balanceTransaction, txn, 'balance-transaction'));
    } else {
      rows.push(
        this.#term(m.fee, txn ? formatMoney(txn.fee, txn.currency, this.locale) : pending, 'fee'),
        this.#term(m.net, txn ? formatMoney(txn.net, txn.currency, this.locale) : pending, 'net'),
      );
    }
    // A transfer or application fee: its id, with its amount when known (expanded, or the charge's fee
    // amount, which is known at capture: shown beside "Pending" while the fee object does not exist yet).
    const connectPart = (ref: Charge['transfer'] | Charge['application_fee'], knownAmount?: number | null) => {
      if (!ref) return typeof knownAmount === 'number' ? html`${formatMoney(knownAmount, charge.currency || intent.currency, this.locale)} ${pending}` : pending;
      const object = typeof ref === 'object' ? ref : undefined;
      const amount = object?.amount ?? knownAmount;
      const currency = object?.currency || charge.currency || intent.currency;
      const id = object?.id ?? (ref as string);
      return typeof amount === 'number' ? `${formatMoney(amount, currency, this.locale)} (${id})` : id;
    };
    if (expectsTransfer(intent, charge)) rows.push(this.#term(m.transfer, connectPart(charge.transfer), 'transfer'));
    if (expectsApplicationFee(intent, charge)) {
      rows.push(this.#term(m.applicationFee, connectPart(charge.application_fee, charge.application_fee_amount ?? intent.application_fee_amount), 'application-fee'));
    }
    return rows;
  }

  /** The charge came as an id only: fee and net are not known yet, never claimed. */
  #renderUnknownSettlement(m: PaymentCaptureMessages): TemplateResult[] {
    const pending = renderBadge(m.pending, 'warning', 'pending');
    return [this.#term(m.fee, pending, 'fee'), this.#term(m.net, pending, 'net')];
  }

  #renderNote(intent: PaymentIntent, m: PaymentCaptureMessages): TemplateResult | typeof nothing {
    if (pendingParts(intent).length === 0) return nothing;
    const what = this.#owedText(intent, m);
    if (!this.#isOverdue(intent)) return html`<p part="notice" class="notice">${m.pendingNote(what)}</p>`;
    const busy = this.#resource.refreshing;
    return html`<div part="overdue" class="notice">
      <p>${m.overdue(what)}</p>
      <button part="check-button" class="secondary" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => {
        if (!busy) void this.#resource.refresh();
      }}>
        ${m.checkAgain}
      </button>
    </div>`;
  }

  #term(label: string, value: unknown, name: string): TemplateResult {
    return html`<dt>${label}</dt><dd part=${name}>${value}</dd>`;
  }
}
