import { isJapanese, type Locale } from './i18n.js';

/** Stripe's zero-decimal currencies: amounts are already in whole units. */
const ZERO_DECIMAL = new Set([
  'bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf',
]);
/** Stripe's three-decimal currencies (amounts are in thousandths). */
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/** The tag Intl formats with: the built-ins as before, a site locale as given (`fr`, `fr-x-swk1`), US English for a tag Intl rejects. */
function intlLocale(locale: Locale): string {
  if (locale === 'ja' || locale === 'en') return locale === 'ja' ? 'ja-JP' : 'en-US';
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/** How many minor units make one major unit, per Stripe's rules for `currency`. */
export function minorUnitExponent(currency: string): number {
  const code = currency.toLowerCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

/**
 * Formats an amount in the currency's smallest unit (Stripe's convention): `formatMoney(1000, 'usd')`
 * is $10.00, `formatMoney(1000, 'jpy')` is ¥1,000. A currency `Intl` rejects is shown as given
 * (`1,000.00 XYZ`), never NaN.
 */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  if (!Number.isFinite(amount)) return '—';
  const exponent = minorUnitExponent(currency);
  const value = amount / 10 ** exponent;
  const code = currency.toUpperCase();
  try {
    return new Intl.NumberFormat(intlLocale(locale), {
      style: 'currency',
      currency: code,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    }).format(value);
  } catch {
    const number = new Intl.NumberFormat(intlLocale(locale), {
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    }).format(value);
    return `${number} ${code}`;
  }
}

/** `ratio` is a fraction (0.12 → 12%). */
export function formatPercent(ratio: number, locale: Locale): string {
  if (!Number.isFinite(ratio)) return '—';
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 2 }).format(ratio);
}

function validDate(unixSeconds: number | null | undefined): Date | undefined {
  if (typeof unixSeconds !== 'number' || !Number.isFinite(unixSeconds)) return undefined;
  const date = new Date(unixSeconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A date from Unix seconds (floats allowed); `—` for a missing or impossible value, never "Invalid Date". */
export function formatDate(unixSeconds: number | null | undefined, locale: Locale, withTime = false): string {
  const date = validDate(unixSeconds);
  if (!date) return '—';
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    ...(withTime && { timeStyle: 'short' }),
  }).format(date);
}

/** ISO form for `<time datetime>`; empty for an invalid value. */
export function isoDate(unixSeconds: number | null | undefined): string {
  return validDate(unixSeconds)?.toISOString() ?? '';
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "in 3 days", "2 hours ago" / 「3 日後」. `nowSeconds` is injectable for tests. */
export function formatRelativeTime(unixSeconds: number, locale: Locale, nowSeconds = Date.now() / 1000): string {
  if (!Number.isFinite(unixSeconds)) return '—';
  const delta = unixSeconds - nowSeconds;
  const [unit, size] = RELATIVE_UNITS.find(([, s]) => Math.abs(delta) >= s) ?? ['second', 1];
  return new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' }).format(Math.round(delta / size), unit);
}

/** A duration as "2 h 59 min" / 「2時間59分」; seconds appear only under one minute. */
export function formatDuration(seconds: number, locale: Locale): string {
  if (!Number.isFinite(seconds)) return '—';
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (h > 0) return `${unit(h, 'hour')} ${unit(m, 'minute')}`;
  if (m > 0) return `${unit(m, 'minute')}`;
  return unit(s, 'second');
}

/**
 * Metric tons from Stripe's decimal string ("0.25", "12") or a number. Keeps the string's own
 * precision; an unparseable string is shown as given.
 */
export function formatMetricTons(tons: string | number, locale: Locale): string {
  const text = String(tons).trim();
  // Not a plain decimal, or too long for a double ("1e5", 400 digits): shown as given.
  if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(Number(text))) return `${text} t`;
  const decimals = text.includes('.') ? text.split('.')[1]!.length : 0;
  const number = new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: 0,
    maximumFractionDigits: Math.min(decimals, 20),
  }).format(Number(text));
  return isJapanese(locale) ? `${number} トン` : `${number} t`;
}

/** The years `Date` can hold (ECMAScript's ±100,000,000 days from 1970 reach 275760). */
const LAST_DATE_YEAR = 275_759;

/**
 * Whole years such as `expected_delivery_year` without grouping ("2027", not "2,027"). A year `Date`
 * cannot hold, before year 1 or not whole (584813471, 1e15, 0, 2027.5) is shown as given.
 */
export function formatYear(year: number, locale: Locale): string {
  if (!Number.isFinite(year)) return '—';
  if (!Number.isInteger(year) || year < 1 || year > LAST_DATE_YEAR) return String(year);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  const midYear = new Date(Date.UTC(2000, 6, 1));
  midYear.setUTCFullYear(year);
  return new Intl.DateTimeFormat(intlLocale(locale), { year: 'numeric', timeZone: 'UTC' }).format(midYear);
}

/** Items joined as the locale lists them ("A, B and C"; ja "A、B、C"); plain commas where Intl cannot. */
export function formatList(items: string[], locale: Locale): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}
