import { calendarDay, utcDate } from '@eq/shared/calendarDay';
import { isIsoDate } from '@eq/shared/scalars';

/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so that no time zone or daylight-saving
 * shift ever moves a date.
 */
function toUtc(date: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

const format = (date: Date) => calendarDay(date);

export function addDays(date: string, days: number): string {
  const utc = toUtc(date);
  utc.setUTCDate(utc.getUTCDate() + days);
  return format(utc);
}

/**
 * Moves a date by whole months (negative: back). When the target month is shorter, the result
 * is that month's last day (31 May − 3 months = 28 or 29 February), never a day of the month after.
 */
export function addMonthsClamped(date: string, months: number): string {
  const utc = toUtc(date);
  const monthIndex = utc.getUTCFullYear() * 12 + utc.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = utcDate(year, month + 1, 0).getUTCDate();
  return format(utcDate(year, month, Math.min(utc.getUTCDate(), lastDay)));
}

/**
 * The last day of a term of `years` years that starts on `start`: the day before the same date
 * `years` later. A term starting on 29 February ends on 28 February when the end year is not a
 * leap year (its anniversary is 1 March).
 */
export function lastDayOfYearsFrom(start: string, years: number): string {
  const utc = toUtc(start);
  const anniversary = utcDate(utc.getUTCFullYear() + years, utc.getUTCMonth(), utc.getUTCDate());
  return addDays(format(anniversary), -1);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysFromTo(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}
