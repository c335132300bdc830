import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatMetricTons, formatMoney, formatYear, isoDate } from '../core/format.js';
import type { Locale } from '../core/i18n.js';
import type { ClimateOrder } from '../schemas/climate-order.js';
import type { ClimateOrderMessages } from './climate-order-status.messages.js';

const DASH = '—';

export function tonsText(tons: string | number | null | undefined, locale: Locale): string {
  return tons === null || tons === undefined || tons === '' ? DASH : formatMetricTons(tons, locale);
}

function moneyText(amount: number | null | undefined, currency: string | null | undefined, locale: Locale): string {
  return typeof amount === 'number' && currency ? formatMoney(amount, currency, locale) : DASH;
}

function productName(product: ClimateOrder['product']): string {
  if (!product) return DASH;
  return typeof product === 'string' ? product : product.name || product.id;
}

export function yearText(year: number | null | undefined, locale: Locale): string {
  return typeof year === 'number' ? formatYear(year, locale) : DASH;
}

/** A date in a `<time>` element. */
export function renderDate(unixSeconds: number | null | undefined, locale: Locale): TemplateResult {
  return html`<time datetime=${isoDate(unixSeconds)}>${formatDate(unixSeconds, locale)}</time>`;
}

/** Tons, product, beneficiary, delivery year and the amounts, in the order's currency. */
export function renderDetails(order: ClimateOrder, locale: Locale, m: ClimateOrderMessages): TemplateResult {
  const row = (term: string, value: string) => html`<dt>${term}</dt><dd>${value}</dd>`;
  return html`<dl part="details" class="terms" aria-label=${m.details}>
    ${row(m.tons, tonsText(order.metric_tons, locale))} ${row(m.product, productName(order.product))}
    ${order.beneficiary?.public_name ? row(m.beneficiary, order.beneficiary.public_name) : nothing}
    ${row(m.expectedDelivery, yearText(order.expected_delivery_year, locale))}
    ${row(m.subtotal, moneyText(order.amount_subtotal, order.currency, locale))}
    ${row(m.fees, moneyText(order.amount_fees, order.currency, locale))}
    ${row(m.total, moneyText(order.amount_total, order.currency, locale))}
  </dl>`;
}

/** Ordered → confirmed → delivered (or canceled), each with its date or "not yet". */
export function renderTimeline(order: ClimateOrder, locale: Locale, m: ClimateOrderMessages): TemplateResult {
  const steps: [keyof ClimateOrderMessages['steps'], number | null | undefined][] = [
    ['created', order.created],
    ['confirmed', order.confirmed_at],
    order.canceled_at || order.status === 'canceled' ? ['canceled', order.canceled_at] : ['delivered', order.delivered_at],
  ];
  return html`<h3 id="timeline-title">${m.timeline}</h3>
    <ol part="timeline" class="timeline" aria-labelledby="timeline-title">
      ${steps.map(
        ([step, at]) => html`<li part="timeline-step" data-done=${typeof at === 'number' ? 'true' : 'false'}>
          <span class="step">${m.steps[step]}</span>
          ${typeof at === 'number' ? renderDate(at, locale) : html`<span class="muted">${m.notYet}</span>`}
        </li>`,
      )}
    </ol>`;
}
