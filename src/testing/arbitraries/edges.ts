// Field generators biased to the values that break formatting: the edges of a double, dates and years
// `Date` cannot hold, currency codes `Intl` rejects, empty and 10 kB strings, enum values Stripe may
// add later. Plain TypeScript (no browser or Node API): browser and server tests share them.
import fc from 'fast-check';

/**
 * Text a widget may show. No `n`, `N` or `[`, so no generated text can spell a word the widgets must
 * never print ("undefined", "null", "NaN", "Infinity", "Invalid Date", "[object Object]").
 */
const SAFE_CHARACTERS = [...'abcdefghijklmopqrstuvwxyzABCDEFGHIJKLMOPQRSTUVWXYZ0123456789 _-.,:/<>&"\'éß日本語カード🙂'];

/** 10 kB of such text. */
export const TEN_KB_TEXT = 'Test Bazaar 日本 <b>&amp; '.repeat(500).slice(0, 10_240);

export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constant(TEN_KB_TEXT) },
  { weight: 6, arbitrary: fc.string({ unit: fc.constantFrom(...SAFE_CHARACTERS), maxLength: 30 }) },
);

/** Object ids as Stripe prints them, plus odd ones. */
export const id = (prefix: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^[a-mo-zA-MO-Z0-9]{1,24}$/).map((tail) => `${prefix}_${tail}`) },
    { weight: 1, arbitrary: text },
  );

const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });

/** Amounts in the smallest unit: 0, negative, 2^53, 1e308, fractions. */
export const amount: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, -1, -500, 1, 2 ** 53, -(2 ** 53), 2 ** 53 + 2, 1e308, -1e308, 0.5, 5e-324, 1050) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: finiteDouble },
);

/** Fractions such as a withhold rate (0.15 is 15%), and what no rate should be. */
export const fraction: fc.Arbitrary<number> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 0.15, -0.1, 2 ** 53, 1e308, 5e-324) },
  { weight: 1, arbitrary: finiteDouble },
);

/** Unix seconds, floats included, and instants `Date` cannot hold (beyond ±8.64e12 s). */
export const unixSeconds: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, -1, 1_767_225_600, 1_769_947_200.5, 8.64e12, 8.64e12 + 1, -8.64e12 - 1, 1e15, -1e15, 2 ** 53, 1e308) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 4_102_444_800 }) },
  { weight: 1, arbitrary: finiteDouble },
);

/** Years: 0, the last one `Date` holds (275760) and the first it does not, 1e15, Stripe's fixture's 584813471. */
export const year: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, 1, 99, 2027, 275_759, 275_760, 275_761, 1e15, 584_813_471, -1, 2027.5, 1e308) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: finiteDouble },
);

/** Currency codes: real ones (zero- and three-decimal too), ones `Intl` rejects, and any text. */
export const currency: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('usd', 'USD', 'jpy', 'krw', 'bhd', 'eur', 'gbp', 'XYZ', 'xyz', 'currency', '', 'us', 'u$d') },
  { weight: 1, arbitrary: text },
);

/** A Stripe decimal string (`metric_tons`: "0.25"), odd strings, or a number. */
export const decimal: fc.Arbitrary<string | number> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('0.25', '12', '0', '-1', '1e5', '9'.repeat(400), '0.' + '1'.repeat(40), 'abc', '') },
  { weight: 1, arbitrary: finiteDouble.map(String) },
  { weight: 1, arbitrary: amount },
);

/** Links: https, http, and what must never become a link. */
export const url: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('https://example.com/registry/1', 'http://example.com', 'javascript:alert(1)', 'data:text/html,x', '', 'https://'),
  text,
);

/** Unknown values, including names that live on every object's prototype. */
const UNKNOWN_VALUES = ['a_value_stripe_added_later', 'constructor', '__proto__', 'toString', 'hasOwnProperty'];

/** Every documented value, one Stripe may add later, and any text. */
export const enumOf = (known: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...known) }, { weight: 2, arbitrary: fc.constantFrom(...UNKNOWN_VALUES) }, { weight: 1, arbitrary: text });

/** The value or `null` (absent is up to the record: leave the key out of `requiredKeys`). */
export const orNull = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arbitrary, { nil: null, freq: 4 });

/** A field Stripe added after this kit was written: any JSON, never shown. */
export const futureField = fc.jsonValue({ maxDepth: 2 });
