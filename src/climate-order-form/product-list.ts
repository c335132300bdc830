import { html, nothing, type TemplateResult } from 'lit';
import { formatMetricTons, formatMoney, formatYear } from '../core/format.js';
import type { Locale } from '../core/i18n.js';
import { describeEnum, renderBadge, renderExternalLink } from '../core/templates.js';
import type { ClimateProduct, ClimateProductSupplier } from '../schemas/climate-product.js';
import type { ClimateOrderFormMessages } from './climate-order-form.messages.js';
import { isSoldOut, placeName, priceIn } from './products.js';

export interface ProductListContext {
  currency: string;
  selectedId: string | undefined;
  locale: Locale;
  m: ClimateOrderFormMessages;
  onSelect: (id: string) => void;
  /** The id of the "choose a product" error, when it is shown: each radio is described by it too. */
  errorId?: string | undefined;
}

function renderSupplier(supplier: ClimateProductSupplier, { m, locale }: ProductListContext): TemplateResult {
  const name = supplier.name || m.unnamedSupplier;
  const places = (supplier.locations ?? []).map(placeName).filter(Boolean).join(' · ');
  const pathway = supplier.removal_pathway && describeEnum(m.pathways, supplier.removal_pathway, locale);
  return html`<li part="supplier">${[name, pathway, places].filter(Boolean).join(' · ')} ${renderExternalLink(supplier.info_url, m.supplierInfo(name), 'supplier-link')}</li>`;
}

function renderProduct(product: ClimateProduct, index: number, context: ProductListContext): TemplateResult {
  const { m, locale, currency } = context;
  const soldOut = isSoldOut(product);
  const price = priceIn(product, currency);
  const id = `product-${index}`;
  const available = product.metric_tons_available;
  const suppliers = product.suppliers ?? [];
  return html`<li part="product" class="product" data-unavailable=${soldOut || !price ? 'true' : 'false'}>
    <input
      type="radio"
      name="product"
      id=${id}
      .value=${product.id}
      .checked=${context.selectedId === product.id}
      ?disabled=${soldOut || !price}
      aria-describedby=${context.errorId ? `${id}-summary ${context.errorId}` : `${id}-summary`}
      @change=${() => context.onSelect(product.id)}
    />
    <div class="product-body">
      <label for=${id} part="product-name" class="product-name">${product.name || product.id}</label>
      ${soldOut
        ? renderBadge(m.soldOut, 'warning', 'availability')
        : price
          ? nothing
          : renderBadge(m.notInCurrency(currency.toUpperCase()), 'neutral', 'availability')}
      <dl class="terms" id=${`${id}-summary`}>
        ${price
          ? html`<dt>${m.pricePerTon}</dt>
              <dd part="price">
                ${formatMoney(price.amount_total!, currency, locale)}
                <span class="muted">(${m.priceBreakdown(formatMoney(price.amount_subtotal ?? NaN, currency, locale), formatMoney(price.amount_fees ?? NaN, currency, locale))})</span>
              </dd>`
          : nothing}
        ${typeof product.delivery_year === 'number' ? html`<dt>${m.deliveryYear}</dt><dd>${formatYear(product.delivery_year, locale)}</dd>` : nothing}
        ${available !== null && available !== undefined ? html`<dt>${m.available}</dt><dd part="available">${formatMetricTons(available, locale)}</dd>` : nothing}
      </dl>
      ${suppliers.length > 0
        ? html`<p class="muted suppliers-title">${m.suppliers}</p>
            <ul part="suppliers" class="suppliers">
              ${suppliers.map((supplier) => renderSupplier(supplier, context))}
            </ul>`
        : nothing}
    </div>
  </li>`;
}

/** The products as a radio group: sold-out ones (and ones not sold in the chosen currency) cannot be picked. */
export function renderProductList(products: readonly ClimateProduct[], context: ProductListContext): TemplateResult {
  return html`<fieldset part="products" class="products">
    <legend>${context.m.products}</legend>
    <ul class="product-list">
      ${products.map((product, index) => renderProduct(product, index, context))}
    </ul>
  </fieldset>`;
}
