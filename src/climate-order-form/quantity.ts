import { minorUnitExponent } from '../core/format.js';
import type { OrderQuantity } from './estimate.js';

export type QuantityMode = 'tons' | 'amount';
export type QuantityProblem = 'empty' | 'invalid' | 'tooPrecise' | 'zero';

/** Stripe's decimal precision for `metric_tons`. */
const MAX_TON_DECIMALS = 12;

/** What the user typed, with full-width digits and points (１．５) read as ASCII. */
function plain(text: string): string {
  return text.normalize('NFKC').trim();
}

function decimalParts(text: string): [whole: string, fraction: string] | undefined {
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(text);
  return match ? [match[1]!, match[2] ?? ''] : undefined;
}

/**
 * The order quantity a tons or amount input stands for, or why it cannot be ordered. Tons stay a
 * decimal string (Stripe's `metric_tons`); an amount in major units ("100.50") becomes the currency's
 * smallest unit (10050), refusing more decimals than the currency has.
 */
export function readQuantity(mode: QuantityMode, typed: string, currency: string): OrderQuantity | QuantityProblem {
  const text = plain(typed);
  if (!text) return 'empty';
  const parts = decimalParts(text);
  if (!parts) return 'invalid';
  const [whole, fraction] = parts;
  if (mode === 'tons') {
    if (fraction.length > MAX_TON_DECIMALS) return 'tooPrecise';
    const tons = `${whole.replace(/^0+(?=\d)/, '')}${fraction ? `.${fraction}` : ''}`;
    return Number(tons) > 0 ? { metric_tons: tons } : 'zero';
  }
  const exponent = minorUnitExponent(currency);
  if (fraction.length > exponent) return 'tooPrecise';
  const amount = Number(whole + fraction.padEnd(exponent, '0'));
  return amount > 0 ? { amount } : 'zero';
}
