import { validationFailed } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * Validates an id argument before it reaches SQL: PostgreSQL would reject a malformed uuid
 * with a driver error (masked as INTERNAL_SERVER_ERROR), but it is the caller's mistake.
 */
export function assertUuid(id: string, field = 'id'): string {
  if (!isUuid(id)) throw validationFailed(`${field} must be a UUID`, field);
  return id.toLowerCase();
}

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it.
const RIGA_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Riga' });

/**
 * Today's calendar date in Latvia, YYYY-MM-DD: the day decisions and validity are judged
 * against. A decision made just after midnight in Riga is not yet "today" in UTC.
 */
export function todayInLatvia(now: Date = new Date()): string {
  // Riga is a whole number of hours ahead of UTC, so its midnight falls on a UTC hour: every
  // instant of one UTC hour has the same date there. Formatting is slow (a booking asks
  // several times), so dates are remembered per hour; the map is emptied when it grows large.
  const hour = Math.floor(now.getTime() / HOUR_MS);
  let date = RIGA_DATES_BY_HOUR.get(hour);
  if (date === undefined) {
    if (Number.isNaN(hour)) return RIGA_DATE.format(now); // throws the RangeError an invalid date deserves
    if (RIGA_DATES_BY_HOUR.size >= MAX_REMEMBERED_HOURS) RIGA_DATES_BY_HOUR.clear();
    date = RIGA_DATE.format(now);
    RIGA_DATES_BY_HOUR.set(hour, date);
  }
  return date;
}

const HOUR_MS = 60 * 60 * 1000;
const MAX_REMEMBERED_HOURS = 50_000;
const RIGA_DATES_BY_HOUR = new Map<number, string>();
