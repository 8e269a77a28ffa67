// Figures as a Spanish-speaking marketer reads them. A missing figure (no denominator yet) is a dash, never 0.

const LOCALE = 'es-ES';
const MISSING = '—';
const NBSP = '\u00a0';

export function integer(value) {
  if (value === null || value === undefined) return MISSING;
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 }).format(Number(value));
}

export function decimal(value, decimals) {
  if (value === null || value === undefined) return MISSING;
  return new Intl.NumberFormat(LOCALE, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(Number(value));
}

/** A value that already is a percentage (12.5 → "12,50 %"). */
export function percent(value, decimals = 2) {
  if (value === null || value === undefined) return MISSING;
  return `${decimal(value, decimals)}${NBSP}%`;
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
    return new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).format(Number(value));
  } catch (error) {
    return `${decimal(value, 2)}${NBSP}${currency}`;
  }
}

function utcDate(isoDay) {
  return new Date(`${isoDay}T00:00:00Z`);
}

export function shortDay(isoDay) {
  if (!isoDay) return MISSING;
  return new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utcDate(isoDay));
}

export function longDay(isoDay) {
  if (!isoDay) return MISSING;
  return new Intl.DateTimeFormat(LOCALE, {
    day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  }).format(utcDate(isoDay));
}

export function clock(date) {
  return new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** The next ISO day after {@code isoDay}. */
export function nextDay(isoDay) {
  const date = utcDate(isoDay);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
