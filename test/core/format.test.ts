import { expect } from '@open-wc/testing';
import {
  formatDate,
  formatDuration,
  formatMetricTons,
  formatMoney,
  formatPercent,
  formatRelativeTime,
  formatYear,
  isoDate,
} from '../../src/core/format.js';

describe('formatMoney', () => {
  it('divides two-decimal currencies by 100', () => {
    expect(formatMoney(500000, 'usd', 'en')).to.equal('$5,000.00');
    expect(formatMoney(1234, 'eur', 'en')).to.equal('€12.34');
  });
  it('does not divide zero-decimal currencies (JPY, KRW)', () => {
    expect(formatMoney(1000000, 'jpy', 'en')).to.equal('¥1,000,000');
    expect(formatMoney(50000, 'krw', 'en')).to.equal('₩50,000');
  });
  it('formats for Japanese readers', () => {
    expect(formatMoney(1000000, 'jpy', 'ja')).to.match(/^[￥¥]1,000,000$/);
    expect(formatMoney(500000, 'usd', 'ja')).to.equal('$5,000.00');
    expect(formatMoney(1234, 'eur', 'ja')).to.equal('€12.34');
    expect(formatMoney(50000, 'krw', 'ja')).to.equal('₩50,000');
  });
  it('accepts upper-case codes, zero- and three-decimal ones too (the minor unit is looked up case-insensitively)', () => {
    expect(formatMoney(100, 'USD', 'en')).to.equal('$1.00');
    expect(formatMoney(1000, 'JPY', 'en')).to.equal(formatMoney(1000, 'jpy', 'en'));
    expect(formatMoney(1000, 'JPY', 'en')).to.equal('¥1,000');
    expect(formatMoney(50000, 'Krw', 'en')).to.equal('₩50,000');
    expect(formatMoney(1234, 'KWD', 'en')).to.equal(formatMoney(1234, 'kwd', 'en'));
    expect(formatMoney(1234, 'KWD', 'en')).to.match(/1\.234/);
  });
  it('shows a currency Intl rejects as given, without NaN', () => {
    expect(formatMoney(1050, 'zz1', 'en')).to.equal('10.50 ZZ1');
  });
  it('never prints NaN for a non-finite amount', () => {
    expect(formatMoney(Number.NaN, 'usd', 'en')).to.equal('—');
  });
});

describe('other formats', () => {
  it('formats percentages from fractions', () => {
    expect(formatPercent(0.12, 'en')).to.equal('12%');
    expect(formatPercent(0.125, 'ja')).to.equal('12.5%');
  });
  it('formats dates from Unix seconds, floats included, and never says Invalid Date', () => {
    expect(formatDate(1735689600, 'en')).to.equal('Jan 1, 2025');
    expect(formatDate(1735689600.5, 'ja')).to.equal('2025/01/01');
    expect(formatDate(null, 'en')).to.equal('—');
    expect(formatDate(Number.MAX_VALUE, 'en')).to.equal('—');
    expect(isoDate(1735689600)).to.equal('2025-01-01T00:00:00.000Z');
  });
  it('formats relative times in both languages', () => {
    expect(formatRelativeTime(1000 + 3 * 86400, 'en', 1000)).to.equal('in 3 days');
    expect(formatRelativeTime(1000 - 7200, 'en', 1000)).to.equal('2 hours ago');
    expect(formatRelativeTime(1000 + 3 * 86400, 'ja', 1000)).to.equal('3 日後');
  });
  it('formats durations', () => {
    expect(formatDuration(2 * 3600 + 59 * 60 + 30, 'en')).to.equal('2 hr 59 min');
    expect(formatDuration(42, 'en')).to.equal('42 sec');
    expect(formatDuration(-5, 'en')).to.equal('0 sec');
    expect(formatDuration(2 * 3600 + 5 * 60, 'ja')).to.equal('2 時間 5 分');
  });
  it('formats metric tons from decimal strings, keeping their precision', () => {
    expect(formatMetricTons('0.25', 'en')).to.equal('0.25 t');
    expect(formatMetricTons('12', 'en')).to.equal('12 t');
    expect(formatMetricTons('1234.5', 'ja')).to.equal('1,234.5 トン');
    expect(formatMetricTons('n/a', 'en')).to.equal('n/a t');
  });
  it('formats years without grouping', () => {
    expect(formatYear(2027, 'en')).to.equal('2027');
    expect(formatYear(2027, 'ja')).to.equal('2027年');
    expect(formatYear(Number.NaN, 'en')).to.equal('—');
  });
  it('shows a year Date cannot hold as given instead of throwing (Stripe\'s own fixture has 584813471)', () => {
    expect(formatYear(584813471, 'en')).to.equal('584813471');
    expect(formatYear(1e15, 'ja')).to.equal('1000000000000000');
    expect(formatYear(275760, 'en')).to.equal('275760');
    expect(formatYear(275759, 'en')).to.equal('275759');
    expect(formatYear(2027.5, 'en')).to.equal('2027.5');
    expect(formatYear(Number.POSITIVE_INFINITY, 'en')).to.equal('—');
  });
  it('keeps years before 100 as they are (Date.UTC would make year 5 into 1905)', () => {
    expect(formatYear(5, 'en')).to.equal('5');
    expect(formatYear(0, 'en')).to.equal('0');
    expect(formatYear(-44, 'en')).to.equal('-44');
  });
});

describe('values Intl or Date cannot take', () => {
  it('formats the edges of a double without NaN or Infinity', () => {
    expect(formatMoney(1e308, 'usd', 'en')).to.match(/^\$1(,000)+\.00$/);
    expect(formatMoney(2 ** 53, 'jpy', 'en')).to.equal('¥9,007,199,254,740,992');
    expect(formatMoney(-500, 'usd', 'en')).to.equal('-$5.00');
    expect(formatMoney(1050, 'currency', 'en')).to.equal('10.50 CURRENCY');
    expect(formatMoney(1050, 'XYZ', 'en')).to.match(/^XYZ\s10\.50$/); // a well-formed code Intl does not know: its own fallback
    expect(formatPercent(Number.POSITIVE_INFINITY, 'en')).to.equal('—');
  });
  it('gives <time datetime> nothing rather than throwing for a date out of range', () => {
    expect(isoDate(1e15)).to.equal('');
    expect(formatDate(1e15, 'ja', true)).to.equal('—');
    expect(isoDate(-1e15)).to.equal('');
  });
  it('never prints Infinity or NaN for durations, relative times or tons', () => {
    expect(formatDuration(Number.POSITIVE_INFINITY, 'en')).to.equal('—');
    expect(formatDuration(Number.NaN, 'en')).to.equal('—');
    expect(formatRelativeTime(Number.NaN, 'en', 0)).to.equal('—');
    const digits = '9'.repeat(400);
    expect(formatMetricTons(digits, 'en')).to.equal(`${digits} t`);
    expect(formatMetricTons('1e5', 'en')).to.equal('1e5 t');
  });
});
