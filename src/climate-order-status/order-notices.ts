import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatList } from '../core/format.js';
import type { Locale } from '../core/i18n.js';
import { describeEnum } from '../core/templates.js';
import type { ClimateOrder } from '../schemas/climate-order.js';
import { cancelDeadline } from './cancel-window.js';
import type { ClimateOrderMessages } from './climate-order-status.messages.js';
import { renderDate, yearText } from './order-summary.js';

/** The buyer's 30-day choice after a notice sent at `noticeAt`, or that the window has closed. */
function renderChoice(noticeAt: number, nowSeconds: number, locale: Locale, m: ClimateOrderMessages, settled: boolean) {
  if (settled) return nothing;
  const deadline = cancelDeadline(noticeAt);
  const date = formatDate(deadline, locale);
  return html`<p part="cancel-deadline">${nowSeconds < deadline ? m.choice(date) : m.windowClosed(date)}</p>`;
}

/**
 * What a substitution changed, as the seed's email says it: the new product and its suppliers, and
 * when. Only when the order's product is expanded with a name; otherwise the general sentence.
 */
function substitutionText(order: ClimateOrder, substitutedAt: number, locale: Locale, m: ClimateOrderMessages): string {
  const product = order.product && typeof order.product === 'object' ? order.product : undefined;
  if (!product?.name) return m.substituted;
  const suppliers = (product.suppliers ?? []).flatMap((supplier) => (supplier?.name ? [supplier.name] : []));
  return m.substitutedWith(formatDate(substitutedAt, locale), product.name, suppliers.length ? formatList(suppliers, locale) : '');
}

/**
 * Notices for a delayed order (with its new delivery year), a substituted product (what it became,
 * from which suppliers, when), and a canceled order (reason and date; a full refund for every
 * cancellation by Frontier). The 30-day choice is left out once the order is delivered or canceled.
 */
export function renderNotices(order: ClimateOrder, nowSeconds: number, locale: Locale, m: ClimateOrderMessages): TemplateResult {
  const settled = order.status === 'delivered' || order.status === 'canceled';
  const delayedAt = typeof order.delayed_at === 'number' ? order.delayed_at : undefined;
  const substitutedAt = typeof order.product_substituted_at === 'number' ? order.product_substituted_at : undefined;
  return html`
    ${delayedAt !== undefined
      ? html`<div part="notice delay-notice" class="notice" role="group" aria-labelledby="delay-title">
          <p id="delay-title" class="notice-title">${m.delayedTitle} (${renderDate(delayedAt, locale)})</p>
          <p>${m.delayed(yearText(order.expected_delivery_year, locale))}</p>
          ${renderChoice(delayedAt, nowSeconds, locale, m, settled)}
        </div>`
      : nothing}
    ${substitutedAt !== undefined
      ? html`<div part="notice substitution-notice" class="notice" role="group" aria-labelledby="substitution-title">
          <p id="substitution-title" class="notice-title">${m.substitutedTitle} (${renderDate(substitutedAt, locale)})</p>
          <p>${substitutionText(order, substitutedAt, locale, m)}</p>
          ${renderChoice(substitutedAt, nowSeconds, locale, m, settled)}
        </div>`
      : nothing}
    ${order.status === 'canceled'
      ? html`<div part="notice cancellation" class="notice canceled" role="group" aria-labelledby="canceled-title">
          <p id="canceled-title" class="notice-title">${m.canceledTitle}</p>
          ${order.cancellation_reason ? html`<p part="cancellation-reason">${describeEnum(m.reasons, order.cancellation_reason, locale)}</p>` : nothing}
          ${order.cancellation_reason && order.cancellation_reason !== 'requested' ? html`<p part="refund">${m.fullRefund}</p>` : nothing}
          ${typeof order.canceled_at === 'number' ? html`<p>${m.canceledOn(formatDate(order.canceled_at, locale))}</p>` : nothing}
        </div>`
      : nothing}
  `;
}
