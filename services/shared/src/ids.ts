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
  return RIGA_DATE.format(now);
}
