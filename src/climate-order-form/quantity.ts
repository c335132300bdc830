import type { OrderQuantity } from './estimate.js';

export type QuantityMode = 'tons' | 'amount';
export type QuantityProblem = 'empty' | 'invalid' | 'tooPrecise' | 'zero';

/** Stripe's decimal precision for `metric_tons`. */
const MAX_TON_DECIMALS = 12;

/** What the user typed, with full-width digits and points (１．５) read as ASCII. */
function plain(text: string): string {
  return text.normalize('NFKC').trim();
}

/**
 * The locale's decimal separator ("," in French or German), besides which "." is always read. Grouping
 * separators are not: "1,000" is refused in English rather than guessed.
 */
export function decimalSeparator(locale: string): string {
  try {
    return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  } catch {
    return '.';
  }
}

function decimalParts(text: string, separator: string): [whole: string, fraction: string] | undefined {
  const match = /^(\d{1,12})(?:[.,](\d+))?$/.exec(text);
  const point = match?.[2] === undefined ? '' : text[match[1]!.length];
  if (!match || (point && point !== '.' && point !== separator)) return undefined;
  return [match[1]!, match[2] ?? ''];
}

/**
 * The order quantity a tons or amount input stands for, or why it cannot be ordered; `separator` is
 * the locale's decimal separator (`decimalSeparator`), read as well as ".". Tons stay a
 * decimal string (Stripe's `metric_tons`); an amount in major units ("100.50") becomes the currency's
 * smallest unit (10050), refusing more decimals than the currency has (`exponent`, from
 * `minorUnitExponent`: this module imports nothing at run time, as it loads on demand).
 */
export function readQuantity(mode: QuantityMode, typed: string, exponent: number, separator = '.'): OrderQuantity | QuantityProblem {
  const text = plain(typed);
  if (!text) return 'empty';
  const parts = decimalParts(text, separator);
  if (!parts) return 'invalid';
  const [whole, fraction] = parts;
  if (mode === 'tons') {
    if (fraction.length > MAX_TON_DECIMALS) return 'tooPrecise';
    const tons = `${whole.replace(/^0+(?=\d)/, '')}${fraction ? `.${fraction}` : ''}`;
    return Number(tons) > 0 ? { metric_tons: tons } : 'zero';
  }
  if (fraction.length > exponent) return 'tooPrecise';
  const amount = Number(whole + fraction.padEnd(exponent, '0'));
  return amount > 0 ? { amount } : 'zero';
}
