// What a widget must show for a generated object, worked out here from the object alone: never by
// calling the widget's own formatting or wording code. Each helper answers `undefined` for values it
// cannot judge this simply (a currency Intl may reject, an amount past exact float division, text that
// happens to be a catalog key); the property tests still check those render without junk.

/** Stripe's minor-unit exponents for the real codes the generators use (Stripe's currency docs). */
const EXPONENTS: Readonly<Record<string, number>> = { usd: 2, eur: 2, gbp: 2, jpy: 0, krw: 0, bhd: 3 };
/** Above this a smallest-unit amount divided by 100 may not keep its exact cents as a double. */
const LARGEST_CHECKED_AMOUNT = 1e12;

/**
 * The digits a correct money format shows for `amount` (smallest unit) in `currency`, grouped by
 * thousands with `,` and `.` before the decimals as en-US and ja-JP both write them: `123456` USD is
 * `1,234.56`, `1000` JPY `1,000`, `1234` BHD `1.234`. String arithmetic only.
 */
export function moneyDigits(amount: unknown, currency: unknown): string | undefined {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0 || amount > LARGEST_CHECKED_AMOUNT) return undefined;
  if (typeof currency !== 'string') return undefined;
  // Own keys only: a generated "__proto__" or "constructor" is no currency this judges.
  const code = currency.toLowerCase();
  if (!Object.hasOwn(EXPONENTS, code)) return undefined;
  const exponent = EXPONENTS[code]!;
  const digits = String(amount).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return exponent === 0 ? whole : `${whole}.${digits.slice(digits.length - exponent)}`;
}

/** The core catalog's two fallbacks, in the language under test. */
export interface Fallbacks {
  unknownValue(value: string): string;
  notAvailable: string;
}

/**
 * The wording of a Stripe enum value: the catalog's own entry for a value Stripe documents (`known`;
 * a documented value without one is itself a failure, so this throws), the "unknown" wording naming a
 * value Stripe may add later, "not available" for none.
 */
export function enumText(value: unknown, known: readonly string[], catalog: Readonly<Record<string, string>>, fallbacks: Fallbacks): string | undefined {
  if (value === null || value === undefined || value === '') return fallbacks.notAvailable;
  if (typeof value !== 'string') return undefined;
  if (known.includes(value)) {
    if (!Object.hasOwn(catalog, value)) throw new Error(`no wording for Stripe's documented value ${value}`);
    return catalog[value];
  }
  return Object.hasOwn(catalog, value) ? undefined : fallbacks.unknownValue(value);
}
