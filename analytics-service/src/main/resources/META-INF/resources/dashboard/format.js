// Figures and dates as a marketer reads them in the page's language. A missing figure (no denominator yet) is a
// dash, never 0.

import { locale } from './language.js';

const MISSING = '—';
const NBSP = '\u00a0';

export function integer(value) {
  if (value === null || value === undefined) return MISSING;
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(Number(value));
}

export function decimal(value, decimals) {
  if (value === null || value === undefined) return MISSING;
  return new Intl.NumberFormat(locale(), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(Number(value));
}

/**
 * The locale's way of writing a percentage around a number ("{n}\u00a0%" in Spanish, "{n}%" in English), taken
 * from Intl so that the number itself is rounded once, by {@link decimal}, and not divided by 100 in binary first.
 */
function percentPattern() {
  return new Intl.NumberFormat(locale(), { style: 'percent' })
    .formatToParts(0)
    .map((part) => (part.type === 'integer' ? '{n}' : part.value))
    .join('');
}

/** A value that already is a percentage (12.5 → "12,50 %" in Spanish, "12.50%" in English). */
export function percent(value, decimals = 2) {
  if (value === null || value === undefined) return MISSING;
  return percentPattern().replace('{n}', decimal(value, decimals));
}

/** ROI comes as a ratio (1.5 = 150 %). */
export function ratioAsPercent(value) {
  if (value === null || value === undefined) return MISSING;
  return percent(Math.round(Number(value) * 10000) / 100, 0);
}

export function money(value, currency) {
  if (value === null || value === undefined) return MISSING;
  if (!currency) return decimal(value, 2);
  try {
    return new Intl.NumberFormat(locale(), { style: 'currency', currency }).format(Number(value));
  } catch (error) {
    return `${decimal(value, 2)}${NBSP}${currency}`;
  }
}

function utcDate(isoDay) {
  return new Date(`${isoDay}T00:00:00Z`);
}

export function shortDay(isoDay) {
  if (!isoDay) return MISSING;
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', timeZone: 'UTC' })
    .format(utcDate(isoDay));
}

export function longDay(isoDay) {
  if (!isoDay) return MISSING;
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  }).format(utcDate(isoDay));
}

export function clock(date) {
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** The next ISO day after {@code isoDay}. */
export function nextDay(isoDay) {
  const date = utcDate(isoDay);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
