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
 * The decimal separators read for a locale: its own ("," in French or German), and "." too unless the
 * locale groups thousands with it (German "1.000" is a thousand: refused, not read as one). Grouping
 * is never guessed: "1,000" is refused in English.
 */
export function decimalSeparators(locale: string): string {
  try {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.5);
    const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
    const group = parts.find((part) => part.type === 'group')?.value;
    return decimal === '.' || group === '.' ? decimal : `${decimal}.`;
  } catch {
    return '.';
  }
}

function decimalParts(text: string, separators: string): [whole: string, fraction: string] | undefined {
  const match = /^(\d{1,12})(?:[.,](\d+))?$/.exec(text);
  const point = match?.[2] === undefined ? '' : text[match[1]!.length]!;
  if (!match || (point && !separators.includes(point))) return undefined;
  return [match[1]!, match[2] ?? ''];
}

/**
 * The order quantity a tons or amount input stands for, or why it cannot be ordered; `separators`
 * are the decimal separators the locale reads (`decimalSeparators`). Tons stay a
 * decimal string (Stripe's `metric_tons`); an amount in major units ("100.50") becomes the currency's
 * smallest unit (10050), refusing more decimals than the currency has (`exponent`, from
 * `minorUnitExponent`: this module imports nothing at run time, as it loads on demand).
 */
export function readQuantity(mode: QuantityMode, typed: string, exponent: number, separators = '.'): OrderQuantity | QuantityProblem {
  const text = plain(typed);
  if (!text) return 'empty';
  const parts = decimalParts(text, separators);
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
