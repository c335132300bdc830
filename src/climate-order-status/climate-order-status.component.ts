import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { createIdempotencyKey, endpointUrl } from '../core/backend-client.js';
import { track } from '../core/analytics.js';
import { WidgetRequestError } from '../core/errors.js';
import { CountdownController } from '../core/countdown-controller.js';
import { emit } from '../core/events.js';
import { followResource, type LiveEvent } from '../core/live-updates.js';
import { ResourceController } from '../core/resource-controller.js';
import { SwkElement } from '../core/swk-element.js';
import { describeEnum, renderBadge, renderError, renderLiveRegion, toneOf, type Tone } from '../core/templates.js';
import { climateOrderSchema, type ClimateOrder } from '../schemas/climate-order.js';
import { cancelRefund, nextCancelChange, type CancelRefund } from './cancel-window.js';
import { climateOrderMessages } from './climate-order-status.messages.js';
import { climateOrderStatusStyles } from './climate-order-status.styles.js';
import { renderDeliveries } from './order-deliveries.js';
import { renderNotices } from './order-notices.js';
import { renderDetails, renderTimeline } from './order-summary.js';

/** Detail of `swk-order-canceled`. */
export interface OrderCanceledDetail {
  order: ClimateOrder;
}

const LIVE_EVENT_TYPES = new Set([
  'climate.order.delivered',
  'climate.order.delayed',
  'climate.order.product_substituted',
  'climate.order.canceled',
]);

/** On the open cancel dialog: Tab and Shift+Tab wrap around its buttons, so keyboard focus never leaves it. */
function keepFocusInDialog(event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const dialog = event.currentTarget as HTMLDialogElement;
  const stops = [...dialog.querySelectorAll<HTMLElement>('button, a[href]')];
  const first = stops[0];
  const last = stops.at(-1);
  if (!first || !last) return;
  const active = (dialog.getRootNode() as ShadowRoot | Document).activeElement;
  if (event.shiftKey ? active === first : active === last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

const STATUS_TONES: Record<string, Tone> = {
  open: 'info',
  awaiting_funds: 'warning',
  confirmed: 'info',
  delivered: 'success',
  canceled: 'neutral',
};

/**
 * Shows a Stripe Climate order through every status (open, awaiting funds, confirmed, delivered,
 * canceled): tons, product, beneficiary, amounts, a timeline and each delivery. After a delay or a
 * product substitution it states the buyer's 30-day right to cancel for a full refund, and offers the
 * cancel action (confirmed in an in-widget dialog) exactly when Stripe allows it: within 24 hours of the
 * order (Stripe keeps the fees) or within 30 days after such a notice (full refund); the dialog says which.
 *
 * @tagname climate-order-status
 * @summary Status of a Stripe Climate order, with the buyer's cancel right.
 *
 * @fires {CustomEvent<SwkLoadDetail<ClimateOrder>>} swk-load - `{ object: ClimateOrder }`: the order was loaded (or came back canceled: once per cancel, since the refetch its `climate.order.canceled` event triggers fires it again only for a changed order).
 * @fires {CustomEvent<SwkErrorDetail>} swk-error - `{ error: WidgetError }`: loading or cancelling failed.
 * @fires {CustomEvent<SwkEventDetail>} swk-event - Analytics: `loaded`, `order_cancel_opened`, `order_canceled`, `error`, `retried`.
 * @fires {CustomEvent<OrderCanceledDetail>} swk-order-canceled - `{ order: ClimateOrder }`: the buyer canceled the order; `order` is the canceled order.
 *
 * @csspart base - The outer box.
 * @csspart title - The heading.
 * @csspart status - The status badge.
 * @csspart notice - Each notice (delay, substitution, cancellation).
 * @csspart delay-notice - The delay notice with the new delivery year.
 * @csspart substitution-notice - The product-substitution notice: the new product, its suppliers and the date.
 * @csspart cancellation - The cancellation notice (reason and date).
 * @csspart cancellation-reason - The cancellation reason.
 * @csspart refund - "You receive a full refund", on every cancellation by Frontier (any reason but the buyer's request).
 * @csspart cancel-deadline - The 30-day cancel deadline, or that it has passed.
 * @csspart details - The list of tons, product, beneficiary, delivery year and amounts.
 * @csspart timeline - The ordered / confirmed / delivered timeline.
 * @csspart timeline-step - One step of the timeline.
 * @csspart deliveries - The deliveries section.
 * @csspart delivery - One delivery.
 * @csspart supplier-link - A link to the supplier's information.
 * @csspart registry-link - A link to a delivery's registry entry.
 * @csspart certificate-link - A link to the delivery certificate.
 * @csspart actions - The box around the cancel button.
 * @csspart cancel-button - The button that asks to cancel the order.
 * @csspart dialog - The confirmation dialog.
 * @csspart confirm-button - The dialog's button that cancels the order.
 * @csspart keep-button - The dialog's button that keeps the order.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart refresh-error - The "could not update" notice (with Retry) above the last good value after a failed refresh.
 * @csspart retry-button - The Retry button of the error state.
 *
 * @cssprop --swk-color-background - Background of the box.
 * @cssprop --swk-color-surface - Background of notices and errors.
 * @cssprop --swk-color-text - Text color.
 * @cssprop --swk-color-muted - Secondary text color.
 * @cssprop --swk-color-border - Border color.
 * @cssprop --swk-color-accent - Links, focus rings and info badges.
 * @cssprop --swk-color-success - Delivered badge.
 * @cssprop --swk-color-warning - Awaiting-funds badge and notices.
 * @cssprop --swk-color-danger - Cancel buttons and errors.
 * @cssprop [--swk-radius=8px] - Corner radius.
 * @cssprop [--swk-spacing=16px] - Inner spacing.
 * @cssprop --swk-font-family - Font family.
 * @cssprop [--swk-font-size=15px] - Base font size.
 */
export class ClimateOrderStatus extends SwkElement<ClimateOrder> {
  static override styles = [...SwkElement.styles, climateOrderStatusStyles];
  static override catalogs = [climateOrderMessages];
  static override properties: PropertyDeclarations = {
    orderId: { attribute: 'order-id' },
    readonly: { type: Boolean, reflect: true },
  };

  /** The `climorder_…` id to show. */
  orderId = '';

  /** Hides the cancel action (the order is only shown). */
  readonly = false;

  #find<E extends Element>(selector: string): E | null {
    return this.renderRoot?.querySelector<E>(selector) ?? null;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#find('dialog');
  }

  /** The Idempotency-Key of the cancel the buyer asked for; kept for every retry until it succeeds. */
  #cancelKey: string | undefined;

  /**
   * The canceled order as the cancel answered it (JSON), already reported by `swk-load`: the refetch
   * that Stripe's `climate.order.canceled` event triggers reports it again only if it differs.
   */
  #reportedCancel: string | undefined;

  readonly #order = new ResourceController<ClimateOrder>(this, (signal) => this.#fetchOrder(signal), {
    // A GET that lands after a cancel is the newer truth.
    onValue: () => {
      if (this.#cancellation.status === 'ready') this.#cancellation.reset();
    },
    firesLoad: (order) => {
      const reported = this.#reportedCancel;
      this.#reportedCancel = undefined;
      return reported !== JSON.stringify(order);
    },
  });

  readonly #cancellation = new ResourceController<ClimateOrder>(this, (signal) => this.#postCancel(signal), {
    tracksLoaded: false,
    onValue: (order) => {
      this.#reportedCancel = JSON.stringify(order);
      this.#onCanceled(order);
    },
  });

  readonly #live = followResource(this, this.#order, {
    matches: (event: LiveEvent) => event.id === this.orderId && LIVE_EVENT_TYPES.has(event.type),
  });

  constructor() {
    super();
    // Re-renders when a cancel window opens or closes, so the action never outlives Stripe's rule on screen.
    new CountdownController(this, {
      clock: () => this.clock,
      deadline: () => {
        const order = this.#order.status === 'ready' ? this.#shownOrder : undefined;
        const change = order && nextCancelChange(order, this.#nowSeconds);
        return change === undefined ? undefined : change * 1000;
      },
      nextRender: (remainingMs) => remainingMs,
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.objectChanged(changed, 'orderId')) {
      this.#cancelKey = undefined;
      this.#reportedCancel = undefined;
      this.#cancellation.reset();
      this.#dialog?.close();
      void this.#order.run();
      this.#live.reschedule();
    }
  }

  #fetchOrder(signal: AbortSignal): Promise<ClimateOrder> {
    if (!this.endpoint || !this.orderId) {
      return Promise.reject(new WidgetRequestError({ kind: 'config', message: 'Set both endpoint and order-id.' }));
    }
    return this.fetchJson({ url: endpointUrl(this.endpoint, this.orderId), schema: climateOrderSchema, signal });
  }

  #postCancel(signal: AbortSignal): Promise<ClimateOrder> {
    this.#cancelKey ??= createIdempotencyKey();
    return this.fetchJson({
      url: endpointUrl(this.endpoint, this.orderId, 'cancel'),
      method: 'POST',
      body: {},
      schema: climateOrderSchema,
      signal,
      idempotencyKey: this.#cancelKey,
    });
  }

  #onCanceled(order: ClimateOrder): void {
    this.#cancelKey = undefined;
    this.#dialog?.close();
    emit(this, 'swk-order-canceled', { order });
    track(this, 'order_canceled', order);
  }

  /** The order on screen: the cancel's answer until a newer GET replaces it. */
  get #shownOrder(): ClimateOrder | undefined {
    return this.#cancellation.status === 'ready' ? this.#cancellation.value : this.#order.value;
  }

  get #nowSeconds(): number {
    return this.clock.now() / 1000;
  }

  #openDialog(): void {
    if (this.#cancellation.status === 'loading') return;
    this.#dialog?.showModal();
    track(this, 'order_cancel_opened', this.#shownOrder);
  }

  #confirmCancel(): void {
    // A second click while the POST is in flight must not send another.
    if (this.#cancellation.status === 'loading') return;
    void (this.#cancellation.status === 'error' ? this.#cancellation.retry() : this.#cancellation.run());
  }

  async #onDialogClose(): Promise<void> {
    if (this.#cancellation.status === 'error') this.#cancellation.reset();
    await this.updateComplete;
    (this.#find<HTMLElement>('[part~="cancel-button"]') ?? this.#find<HTMLElement>('[part~="title"]'))?.focus();
  }

  #liveText(): string {
    const m = this.text(climateOrderMessages);
    const order = this.#shownOrder;
    if (this.#cancellation.status === 'loading') return m.canceling;
    if (this.#cancellation.status === 'error') return m.cancelFailed;
    if (this.#cancellation.status === 'ready') return m.canceled;
    if (this.#order.status === 'loading') return this.coreText.loading;
    if (this.#order.status === 'error') return this.coreText.errorTitle;
    return order ? m.statusAnnouncement(describeEnum(m.statuses, order.status, this.locale)) : '';
  }

  protected override render(): TemplateResult {
    const m = this.text(climateOrderMessages);
    return html`<section part="base" class="base" aria-labelledby="title" aria-busy=${this.#order.status === 'loading' ? 'true' : 'false'}>
      ${renderLiveRegion(this.#liveText())}
      <h2 id="title" part="title" tabindex="-1">${m.title}</h2>
      ${this.renderResource(this.#order, () => this.#renderOrder(this.#shownOrder!))}
    </section>`;
  }

  #renderOrder(order: ClimateOrder): TemplateResult {
    const m = this.text(climateOrderMessages);
    const locale = this.locale;
    const now = this.#nowSeconds;
    const status = describeEnum(m.statuses, order.status, locale);
    return html`
      <p class="status-line">${renderBadge(status, toneOf(STATUS_TONES, order.status))}</p>
      ${renderNotices(order, now, locale, m)} ${renderDetails(order, locale, m)} ${renderTimeline(order, locale, m)}
      ${renderDeliveries(order, locale, m)} ${this.#showsCancel(order, now) ? this.#renderCancel(cancelRefund(order, now)) : nothing}
    `;
  }

  /** The action while Stripe's rule allows it; an open dialog stays (with Stripe's answer) when a window closes under it. */
  #showsCancel(order: ClimateOrder, now: number): boolean {
    return !this.readonly && (cancelRefund(order, now) !== undefined || this.#dialog?.open === true);
  }

  #renderCancel(refund: CancelRefund | undefined): TemplateResult {
    const m = this.text(climateOrderMessages);
    const busy = this.#cancellation.status === 'loading';
    const failed = this.#cancellation.status === 'error';
    const busyAttrs = (label: string) => ({ label: busy ? m.canceling : label, busy: busy ? 'true' : 'false' });
    const opener = busyAttrs(m.cancelOrder);
    const confirm = busyAttrs(failed ? this.coreText.retry : m.cancelOrder);
    return html`<div part="actions" class="actions">
        <button part="cancel-button" class="danger" type="button" aria-haspopup="dialog" aria-busy=${opener.busy} aria-disabled=${opener.busy} @click=${this.#openDialog}>
          ${opener.label}
        </button>
      </div>
      <dialog
        part="dialog"
        aria-labelledby="dialog-title"
        aria-describedby="dialog-body"
        @close=${this.#onDialogClose}
        @keydown=${keepFocusInDialog}
      >
        <h3 id="dialog-title">${m.confirmTitle}</h3>
        <p id="dialog-body">${m.confirmBody} ${refund === 'full' ? m.confirmRefund : refund === 'fees_kept' ? m.confirmRefundFeesKept : ''}</p>
        ${failed ? renderError(this.#cancellation.error!, this.locale, undefined, { title: m.cancelFailed }) : nothing}
        <div class="actions">
          <button part="keep-button" class="secondary" type="button" @click=${() => this.#dialog?.close()}>${m.keepOrder}</button>
          <button part="confirm-button" class="danger" type="button" aria-busy=${confirm.busy} aria-disabled=${confirm.busy} @click=${this.#confirmCancel}>
            ${confirm.label}
          </button>
        </div>
      </dialog>`;
  }
}
