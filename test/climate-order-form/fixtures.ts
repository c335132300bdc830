import type { ClimateOrderForm } from '../../src/climate-order-form/define.js';
import type { ClimateProduct } from '../../src/schemas/climate-product.js';
import { climateProduct, climateProductList, climateSupplier } from '../../src/testing/builders/climate.js';
import { part, shadowText, until } from '../helpers.js';

export const ENDPOINT = '/api/climate';

type Json = Record<string, unknown>;

const supplier = climateSupplier;

/** A `climate.product` as Stripe lists it; its prices are Stripe's fixture's (3 % fees): the test kit's builder. */
export const product = (overrides: Json = {}): Json => climateProduct(overrides as Partial<ClimateProduct>);

export const soldOut = (overrides: Json = {}) =>
  product({
    id: 'climsku_weathering_2026',
    name: 'Enhanced weathering 2026',
    metric_tons_available: '0',
    current_prices_per_metric_ton: { usd: { amount_fees: 1350, amount_subtotal: 45000, amount_total: 46350 } },
    suppliers: [supplier('Lithos', 'enhanced_weathering', 'San Francisco', 'CA')],
    ...overrides,
  });

export const scarce = (overrides: Json = {}) =>
  product({
    id: 'climsku_dac_2028',
    name: 'Direct air capture 2028',
    delivery_year: 2028,
    metric_tons_available: '2.5',
    current_prices_per_metric_ton: { usd: { amount_fees: 1800, amount_subtotal: 60000, amount_total: 61800 } },
    suppliers: [supplier('Heirloom', 'direct_air_capture', 'Brisbane', 'CA')],
    ...overrides,
  });

export const list = (...products: Json[]) => climateProductList(...(products as ClimateProduct[]));

/** The `climate.order` Stripe answers a create with (product expanded). */
export function createdOrder(overrides: Json = {}): Json {
  return {
    id: 'climorder_new_1',
    object: 'climate.order',
    status: 'confirmed',
    metric_tons: '0.5',
    amount_subtotal: 27500,
    amount_fees: 825,
    amount_total: 28325,
    currency: 'usd',
    beneficiary: { public_name: 'Example Coffee' },
    expected_delivery_year: 2027,
    created: 1_767_225_600,
    confirmed_at: 1_767_225_600,
    metadata: {},
    product: product(),
    ...overrides,
  };
}

export async function untilListed(el: ClimateOrderForm): Promise<void> {
  await until(() => el.shadowRoot!.querySelector('[part~="product"]') !== null || el.shadowRoot!.querySelector('[part~="error"]') !== null, 'the product list');
  await el.updateComplete;
}

/** The radio of the product named `name`. */
export function radio(el: ClimateOrderForm, name: string): HTMLInputElement {
  const label = [...el.shadowRoot!.querySelectorAll<HTMLLabelElement>('[part~="product-name"]')].find((l) => l.textContent!.trim() === name);
  if (!label) throw new Error(`No product ${name}: ${shadowText(el)}`);
  return el.shadowRoot!.getElementById(label.htmlFor) as HTMLInputElement;
}

/** Types into the quantity input as a user would (an input event per change). */
export async function typeQuantity(el: ClimateOrderForm, text: string): Promise<void> {
  const input = part<HTMLInputElement>(el, '[part~="quantity-input"]');
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** The estimate as label → value pairs. */
export function estimate(el: ClimateOrderForm): Record<string, string> {
  const box = el.shadowRoot!.querySelector('[part~="estimate"]');
  if (!box) return {};
  const terms = [...box.querySelectorAll('dt')].map((dt) => [dt.textContent!.trim(), dt.nextElementSibling!.textContent!.replace(/\s+/g, ' ').trim()]);
  return Object.fromEntries(terms);
}

export const confirmButton = (el: ClimateOrderForm) => part<HTMLButtonElement>(el, '[part~="confirm-button"]');
