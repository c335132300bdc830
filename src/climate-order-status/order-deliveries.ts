import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../core/i18n.js';
import { describeEnum, renderExternalLink } from '../core/templates.js';
import type { ClimateDeliveryDetail, ClimateOrder } from '../schemas/climate-order.js';
import type { ClimateOrderMessages } from './climate-order-status.messages.js';
import { renderDate, tonsText } from './order-summary.js';

/** "CA" → "Canada" / 「カナダ」; a code Intl does not know is shown as given. */
function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

function placeText(location: ClimateDeliveryDetail['location'], locale: Locale): string {
  if (!location) return '—';
  const parts = [location.city, location.region, location.country ? countryName(location.country, locale) : undefined];
  return parts.filter((p): p is string => Boolean(p)).join(', ') || '—';
}

function renderDelivery(delivery: ClimateDeliveryDetail, locale: Locale, m: ClimateOrderMessages): TemplateResult {
  const supplier = delivery.supplier;
  const row = (term: string, value: unknown) => html`<dt>${term}</dt><dd>${value}</dd>`;
  return html`<li part="delivery" class="delivery">
    <dl class="terms">
      ${row(m.supplier, html`${supplier?.name || '—'} ${renderExternalLink(supplier?.info_url, m.supplierInfo, 'supplier-link')}`)}
      ${supplier?.removal_pathway ? row(m.pathway, describeEnum(m.pathways, supplier.removal_pathway, locale)) : nothing}
      ${row(m.tons, tonsText(delivery.metric_tons, locale))} ${row(m.location, placeText(delivery.location, locale))}
      ${row(m.deliveredOn, renderDate(delivery.delivered_at, locale))}
    </dl>
    ${renderExternalLink(delivery.registry_url, m.registry, 'registry-link')}
  </li>`;
}

/** Each delivery (supplier, tons, place, date, registry entry) and the order's certificate. */
export function renderDeliveries(order: ClimateOrder, locale: Locale, m: ClimateOrderMessages): TemplateResult | typeof nothing {
  const deliveries = order.delivery_details ?? [];
  if (deliveries.length === 0 && !order.certificate) return nothing;
  return html`<section part="deliveries" aria-labelledby="deliveries-title">
    <h3 id="deliveries-title">${m.deliveries}</h3>
    ${deliveries.length ? html`<ul class="deliveries">${deliveries.map((d) => renderDelivery(d, locale, m))}</ul>` : nothing}
    ${order.certificate ? html`<p>${renderExternalLink(order.certificate, m.certificate, 'certificate-link')}</p>` : nothing}
  </section>`;
}
