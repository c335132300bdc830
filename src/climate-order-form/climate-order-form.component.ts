import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { track } from '../core/analytics.js';
import { createIdempotencyKey, endpointUrl } from '../core/backend-client.js';
import { WidgetRequestError } from '../core/errors.js';
import { emit } from '../core/events.js';
import { formatMetricTons, formatMoney, minorUnitExponent } from '../core/format.js';
import { followResource, type LiveEvent } from '../core/live-updates.js';
import { ResourceController } from '../core/resource-controller.js';
import { SwkElement } from '../core/swk-element.js';
import { renderError, renderLiveRegion } from '../core/templates.js';
import { climateOrderSchema, type ClimateOrder } from '../schemas/climate-order.js';
import { climateProductListSchema, type ClimateProduct, type ClimateProductList } from '../schemas/climate-product.js';
import { climateOrderFormMessages, type ClimateOrderFormMessages } from './climate-order-form.messages.js';
import { climateOrderFormStyles } from './climate-order-form.styles.js';
import type { OrderEstimate } from './estimate.js';
import type * as Ordering from './ordering.js';
import type { ClimateOrderRequest, OrderProblem } from './ordering.js';
import { renderProductList } from './product-list.js';
import { canOrder, currenciesOf, priceIn, tonsAvailable } from './products.js';
import type { QuantityMode } from './quantity.js';

/** Detail of `swk-order-created`. */
export interface OrderCreatedDetail {
  order: ClimateOrder;
}

export type { ClimateOrderRequest } from './ordering.js';

const PRODUCT_EVENTS = new Set(['climate.product.created', 'climate.product.pricing_updated']);

type Problem = OrderProblem;

// Reading the quantity and estimating the order (ordering.ts) load on the form's first use: when the
// pointer or the focus first comes to it, at the latest with the first character typed.
let ordering: typeof Ordering | undefined;
let orderingLoad: Promise<typeof Ordering> | undefined;

function loadOrdering(): Promise<typeof Ordering> {
  return (orderingLoad ??= import('./ordering.js').then(
    (module) => (ordering = module),
    (cause: unknown) => {
      // Not kept: the next use asks again.
      orderingLoad = undefined;
      throw cause;
    },
  ));
}

const warmOrdering = (): void => void loadOrdering().catch(() => undefined);

/**
 * A form for buying carbon removal through Stripe Climate: it lists the `climate.product`s the backend
 * offers (suppliers, removal pathways and places, delivery year, tons available, price per ton in the
 * site's currency), takes tons or an amount to spend and an optional public beneficiary, shows the
 * estimated subtotal, Frontier's fees and total, and places the order with one Idempotency-Key per
 * action (the same on Retry). New and repriced products arrive over `events-url`; an estimate is
 * brought up to date before the order can be placed. The placed order is then shown with
 * `<climate-order-status>` when the page registered it (the script tag and `stripe-widget-kit` do;
 * with single entries import `stripe-widget-kit/climate-order-status` too), unless `no-order-status` is set.
 *
 * @tagname climate-order-form
 * @summary Buy carbon removal from Stripe Climate's products, with live prices.
 *
 * @fires {CustomEvent<SwkLoadDetail<ClimateProductList | ClimateOrder>>} swk-load - `{ object }`: the product list was loaded or refreshed (a `list` of `climate.product`), or the order was placed (the `climate.order`).
 * @fires {CustomEvent<SwkErrorDetail>} swk-error - `{ error: WidgetError }`: loading the products or placing the order failed.
 * @fires {CustomEvent<SwkEventDetail>} swk-event - Analytics: `loaded` (the product list), `order_created`, `error`, `retried`.
 * @fires {CustomEvent<OrderCreatedDetail>} swk-order-created - `{ order: ClimateOrder }`: the order was placed; `order` is Stripe's new `climate.order`.
 *
 * @csspart base - The outer box.
 * @csspart title - The heading.
 * @csspart products - The product group.
 * @csspart product - One product.
 * @csspart product-name - A product's name (the label of its radio button).
 * @csspart availability - The "Sold out" / "Not sold in …" badge.
 * @csspart price - A product's price per ton.
 * @csspart available - A product's tons available.
 * @csspart suppliers - A product's suppliers.
 * @csspart supplier - One supplier: name, removal pathway and places.
 * @csspart supplier-link - A link to a supplier's page.
 * @csspart quantity - The tons-or-amount group with its input.
 * @csspart quantity-input - The tons or amount input.
 * @csspart beneficiary-input - The optional beneficiary input.
 * @csspart field-error - A field's error message.
 * @csspart estimate - The estimated tons, subtotal, fees and total.
 * @csspart confirm-button - Places the order.
 * @csspart order-error - Why the order was not placed, with Retry.
 * @csspart result - The placed order.
 * @csspart another-button - Starts a new order after one was placed.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart refresh-error - The "could not update" notice (with Retry) above the last good list after a failed refresh.
 * @csspart retry-button - The Retry button of an error.
 *
 * @cssprop --swk-color-background - Background of the box.
 * @cssprop --swk-color-surface - Background of products, notices and errors.
 * @cssprop --swk-color-text - Text color.
 * @cssprop --swk-color-muted - Secondary text color.
 * @cssprop --swk-color-border - Borders.
 * @cssprop --swk-color-accent - The order button, links and focus rings.
 * @cssprop --swk-color-accent-text - Text on the order button.
 * @cssprop --swk-color-warning - The "Sold out" badge and the price notice.
 * @cssprop --swk-color-danger - Field errors and order errors.
 * @cssprop [--swk-radius=8px] - Corner radius.
 * @cssprop [--swk-spacing=16px] - Inner spacing.
 * @cssprop --swk-font-family - Font family.
 * @cssprop [--swk-font-size=15px] - Base font size.
 */
export class ClimateOrderForm extends SwkElement<ClimateProductList | ClimateOrder> {
  static override styles = [...SwkElement.styles, climateOrderFormStyles];
  static override catalogs = [climateOrderFormMessages];
  static override properties: PropertyDeclarations = {
    currency: {},
    noOrderStatus: { type: Boolean, attribute: 'no-order-status', reflect: true },
    selectedId: { state: true },
    mode: { state: true },
    quantityText: { state: true },
    beneficiary: { state: true },
    attempted: { state: true },
  };

  /** The currency to show prices and order in (ISO code, e.g. `jpy`), when the products are sold in it. Default: USD, else the first one offered. */
  currency = '';

  /**
   * Does not put `<climate-order-status>` under the placed order: the site shows it its own way (from
   * `swk-order-created`). Without it, the status element renders only when the page registered it.
   */
  noOrderStatus = false;

  private selectedId: string | undefined;
  private mode: QuantityMode = 'tons';
  private quantityText = '';
  private beneficiary = '';
  private attempted = false;
  /** The estimate's total when the running (or last) price refresh started; the live region says a changed one. */
  #priceRefresh: { before: number | undefined; running: boolean } | undefined;

  /** The order being placed: its body and key, kept for Retry until Stripe answered with an order. */
  #pending: { key: string; body: ClimateOrderRequest } | undefined;

  // A refresh (a price event, a poll) keeps the list on screen; the estimate follows the new prices.
  readonly #products = new ResourceController<ClimateProductList>(this, (signal) => this.#fetchProducts(signal));

  readonly #order = new ResourceController<ClimateOrder>(this, (signal) => this.#postOrder(signal), {
    // Moved mid-order: back to the form (the key stays, so confirming again cannot order twice).
    onReturn: 'reset',
    tracksLoaded: false,
    onValue: (order) => {
      this.#pending = undefined;
      emit(this, 'swk-order-created', { order });
      track(this, 'order_created', order);
    },
  });

  readonly #live = followResource(this, this.#products, {
    matches: (event: LiveEvent) => event.object === 'climate.product' && PRODUCT_EVENTS.has(event.type),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.objectChanged(changed)) {
      this.#pending = undefined;
      this.#order.reset();
      void this.#products.run();
      this.#live.reschedule();
    }
    // A price refresh starts (a product event, a poll): remember the total the buyer saw before it.
    const refreshing = this.#products.refreshing;
    if (refreshing && !this.#priceRefresh?.running) this.#priceRefresh = { before: this.#total(), running: true };
    else if (!refreshing && this.#priceRefresh) this.#priceRefresh.running = false;
  }

  /** The estimate's total for what is typed, if it can be ordered. */
  #total(): number | undefined {
    const current = this.#request();
    return 'estimate' in current ? current.estimate.total : undefined;
  }

  #fetchProducts(signal: AbortSignal): Promise<ClimateProductList> {
    if (!this.endpoint) return Promise.reject(new WidgetRequestError({ kind: 'config', message: 'The endpoint attribute is missing.' }));
    return this.fetchJson({ url: endpointUrl(this.endpoint, 'products'), schema: climateProductListSchema, signal });
  }

  #postOrder(signal: AbortSignal): Promise<ClimateOrder> {
    const { key, body } = this.#pending!;
    return this.fetchJson({ url: endpointUrl(this.endpoint, 'orders'), method: 'POST', body, idempotencyKey: key, schema: climateOrderSchema, signal });
  }

  /**
   * Once a quantity is typed, the render waits for the code that reads it (as a Japanese render waits
   * for its texts), so none shows the typed text without its estimate or its problem. If that code
   * cannot load, the form shows its error state, whose Retry asks again.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (ordering || !this.quantityText) return super.scheduleUpdate();
    return loadOrdering().then(
      () => super.scheduleUpdate(),
      (cause: unknown) => {
        this.#orderingFailed(cause);
        return super.scheduleUpdate();
      },
    );
  }

  #orderingFailed(cause: unknown): void {
    this.#products.fail({ kind: 'network', message: `The order form's code could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}` });
  }

  get #productList(): ClimateProduct[] {
    return this.#products.value?.data ?? [];
  }

  /** The currency shown: the attribute's, else USD, else the first one sold. */
  get #currency(): string {
    const offered = currenciesOf(this.#productList);
    const wanted = [this.currency.toLowerCase(), 'usd'].find((code) => offered.includes(code));
    return wanted ?? offered[0] ?? '';
  }

  /** The chosen product while it can still be ordered in the shown currency. */
  get #selected(): ClimateProduct | undefined {
    const product = this.#productList.find((p) => p.id === this.selectedId);
    return product && canOrder(product, this.#currency) ? product : undefined;
  }

  /** The order the inputs describe, or what is missing or wrong. */
  #request(): { request: ClimateOrderRequest; estimate: OrderEstimate } | { problem: Problem } {
    // Without the ordering code nothing has been typed (scheduleUpdate and #confirm wait for it otherwise).
    if (!ordering) return { problem: 'empty' };
    const product = this.#selected;
    const currency = this.#currency;
    return ordering.orderRequest({
      mode: this.mode,
      quantityText: this.quantityText,
      beneficiary: this.beneficiary,
      currency,
      exponent: minorUnitExponent(currency),
      locale: this.locale,
      product: product && { id: product.id, price: priceIn(product, currency)!, available: tonsAvailable(product) },
    });
  }

  /** Whether the prices on screen may be out of date: a refresh is running or the last one failed. */
  get #pricesUnsure(): boolean {
    return this.#products.refreshing || (this.#products.status === 'ready' && this.#products.error !== undefined);
  }

  /** Places the order the inputs describe; `retry`: the user's Retry of the failed one (reported as `retried`). */
  readonly #confirm = (retry = false): void => {
    if (this.#order.status === 'loading' || this.#pricesUnsure) return;
    if (!ordering && this.quantityText) {
      // Submitted before the ordering code arrived: confirmed once it has.
      loadOrdering().then(() => this.#confirm(retry), (cause: unknown) => this.#orderingFailed(cause));
      return;
    }
    const current = this.#request();
    if ('problem' in current) {
      this.attempted = true;
      const find = (selector: string) => this.renderRoot.querySelector<HTMLElement>(selector);
      void this.updateComplete.then(() => (find('[aria-invalid="true"]') ?? find('input[name="product"]:not(:disabled)'))?.focus());
      return;
    }
    // A new action (or changed inputs) gets a new key; Retry (inputs unchanged: editing clears the error) keeps it.
    if (!this.#pending || JSON.stringify(this.#pending.body) !== JSON.stringify(current.request)) {
      this.#pending = { key: createIdempotencyKey(), body: current.request };
    }
    void (retry ? this.#order.retry() : this.#order.run()).then(() => this.#focusResult());
  };

  async #focusResult(): Promise<void> {
    await this.updateComplete;
    const target = this.#order.status === 'ready' ? '[part~="result"] h3' : '[part~="order-error"] [part~="retry-button"]';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  readonly #another = (): void => {
    this.#order.reset();
    this.quantityText = '';
    this.attempted = false;
    void this.#products.refresh();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="title"]')?.focus());
  };

  #edited(change: () => void): void {
    change();
    this.#priceRefresh = undefined;
    if (this.#order.status === 'error') this.#order.reset();
  }

  #liveText(m: ClimateOrderFormMessages): string {
    if (this.#order.status === 'loading') return m.placing;
    if (this.#order.status === 'ready') return m.orderPlaced;
    if (this.#order.status === 'error') return m.orderFailed;
    if (this.#products.status === 'loading') return m.loadingProducts;
    if (this.#products.refreshing) return m.updatingPrices;
    if (this.#products.status === 'ready' && this.#products.error) return m.pricesStale;
    // After a price refresh that changed the estimate the buyer is about to confirm: its new total.
    const refresh = this.#priceRefresh;
    const total = refresh ? this.#total() : undefined;
    return total !== undefined && total !== refresh?.before ? m.pricesUpdated(formatMoney(total, this.#currency, this.locale)) : '';
  }

  protected override render(): TemplateResult {
    const m = this.text(climateOrderFormMessages);
    return html`<section part="base" class="base" aria-labelledby="title" aria-busy=${this.#products.status === 'loading' ? 'true' : 'false'}>
      ${renderLiveRegion(this.#liveText(m))}
      <h2 id="title" part="title" tabindex="-1">${m.title}</h2>
      ${this.#order.status === 'ready' && this.#order.value
        ? this.#renderResult(this.#order.value, m)
        : this.renderResource(this.#products, (list) => this.#renderForm(list.data, m), { loadingLabel: m.loadingProducts })}
    </section>`;
  }

  #renderForm(products: readonly ClimateProduct[], m: ClimateOrderFormMessages): TemplateResult {
    if (products.length === 0) return html`<p part="message">${m.noProducts}</p>`;
    const currency = this.#currency;
    const current = this.#request();
    const problem = 'problem' in current ? current.problem : undefined;
    const showProblem = problem && (this.attempted || (problem !== 'empty' && problem !== 'product'));
    return html`<form class="form" novalidate @submit=${(event: Event) => (event.preventDefault(), this.#confirm())} @focusin=${warmOrdering} @pointerover=${warmOrdering}>
      ${renderProductList(products, {
        currency,
        selectedId: this.#selected?.id,
        locale: this.locale,
        m,
        onSelect: (id) => this.#edited(() => (this.selectedId = id)),
        errorId: this.attempted && problem === 'product' ? 'product-error' : undefined,
      })}
      ${this.attempted && problem === 'product' ? html`<p part="field-error" class="field-error" id="product-error">${m.problems.product}</p>` : nothing}
      ${this.#renderQuantity(m, currency, showProblem && problem !== 'product' ? problem : undefined)}
      <div class="field">
        <label for="beneficiary">${m.beneficiary}</label>
        <input
          id="beneficiary"
          part="beneficiary-input"
          type="text"
          maxlength="5000"
          aria-describedby="beneficiary-hint"
          .value=${this.beneficiary}
          @input=${(event: Event) => this.#edited(() => (this.beneficiary = (event.target as HTMLInputElement).value))}
        />
        <p id="beneficiary-hint" class="muted hint">${m.beneficiaryHint}</p>
      </div>
      ${'estimate' in current ? this.#renderEstimate(current.estimate, currency, m) : nothing} ${this.#renderConfirm(m)}
    </form>`;
  }

  #renderQuantity(m: ClimateOrderFormMessages, currency: string, problem: Problem | undefined): TemplateResult {
    const tons = this.mode === 'tons';
    const available = this.#selected?.metric_tons_available;
    const message =
      problem === 'overAvailable' ? m.problems.overAvailable(formatMetricTons(available ?? '', this.locale)) : problem && problem !== 'product' ? m.problems[problem] : undefined;
    const setMode = (mode: QuantityMode) => this.#edited(() => ((this.mode = mode), (this.quantityText = '')));
    return html`<fieldset part="quantity" class="quantity">
      <legend>${m.quantity}</legend>
      <div class="modes">
        <label><input type="radio" name="mode" .checked=${tons} @change=${() => setMode('tons')} /> ${m.byTons}</label>
        <label><input type="radio" name="mode" .checked=${!tons} @change=${() => setMode('amount')} /> ${m.byAmount}</label>
      </div>
      <div class="field">
        <label for="quantity">${tons ? m.tonsLabel : m.amountLabel(currency.toUpperCase())}</label>
        <input
          id="quantity"
          part="quantity-input"
          type="text"
          inputmode="decimal"
          aria-invalid=${message ? 'true' : 'false'}
          aria-describedby=${message ? 'quantity-error' : nothing}
          .value=${this.quantityText}
          @input=${(event: Event) => this.#edited(() => (this.quantityText = (event.target as HTMLInputElement).value))}
        />
        ${message ? html`<p part="field-error" class="field-error" id="quantity-error">${message}</p>` : nothing}
      </div>
    </fieldset>`;
  }

  #renderEstimate(estimate: OrderEstimate, currency: string, m: ClimateOrderFormMessages): TemplateResult {
    const money = (amount: number) => formatMoney(amount, currency, this.locale);
    const tons = formatMetricTons(estimate.metricTons, this.locale);
    return html`<div part="estimate" class="estimate">
      <h3>${m.estimate}</h3>
      <dl class="terms">
        <dt>${m.tons}</dt>
        <dd>${this.mode === 'amount' ? m.aboutTons(tons) : tons}</dd>
        <dt>${m.subtotal}</dt>
        <dd>${money(estimate.subtotal)}</dd>
        <dt>${m.fees}</dt>
        <dd>${money(estimate.fees)}</dd>
        <dt>${m.total}</dt>
        <dd class="total">${money(estimate.total)}</dd>
      </dl>
      <p class="muted hint">${m.estimateNote}</p>
    </div>`;
  }

  #renderConfirm(m: ClimateOrderFormMessages): TemplateResult {
    const placing = this.#order.status === 'loading';
    const unsure = this.#pricesUnsure;
    const busy = placing || unsure;
    const label = placing ? m.placing : this.#products.refreshing ? m.updatingPrices : m.placeOrder;
    return html`${this.#products.status === 'ready' && this.#products.error && !this.#products.refreshing
        ? html`<p class="notice">${m.pricesStale}</p>`
        : nothing}
      <div class="actions">
        <button part="confirm-button" type="submit" aria-disabled=${busy ? 'true' : 'false'} aria-busy=${placing ? 'true' : 'false'}>
          ${label}
        </button>
      </div>
      ${this.#order.status === 'error'
        ? html`<div part="order-error">${renderError(this.#order.error!, this.locale, () => this.#confirm(true), { title: m.orderFailed })}</div>`
        : nothing}`;
  }

  #renderResult(order: ClimateOrder, m: ClimateOrderFormMessages): TemplateResult {
    return html`<div part="result" class="result">
      <h3 tabindex="-1">${m.orderPlaced}</h3>
      <p>${m.orderPlacedDetail(order.id)}</p>
      ${this.noOrderStatus
        ? nothing
        : html`<climate-order-status
            endpoint=${endpointUrl(this.endpoint, 'orders')}
            order-id=${order.id}
            events-url=${this.eventsUrl}
            refresh-interval=${this.refreshInterval}
            timeout=${this.timeout}
            .fetcher=${this.fetcher}
            .clock=${this.clock}
          ></climate-order-status>`}
      <div class="actions">
        <button part="another-button" class="secondary" type="button" @click=${this.#another}>${m.anotherOrder}</button>
      </div>
    </div>`;
  }
}
