import { validationFailed } from './errors';

/**
 * The UTC calendar day of `date` as `YYYY-MM-DD`. Calendar arithmetic on a valid date near
 * 9999-12-31 (a term of six years, a certificate of seven) can land past the last day the
 * `Date` scalar and PostgreSQL's `date` accept; that is the client's input being too late for
 * the rule, so it is refused as VALIDATION_FAILED instead of becoming a RangeError or a
 * `+010005-…` string that only the database would reject.
 */
export function calendarDay(date: Date, field?: string): string {
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 1 || year > 9999) {
    throw validationFailed('The date this gives would fall outside 0001-01-01 – 9999-12-31', field);
  }
  return date.toISOString().slice(0, 10);
}

/**
 * `Date.UTC(year, monthIndex, day)` for every year: Date.UTC reads years 0–99 as 1900–1999,
 * which would move a valid date of year 0050 to 1950. Out-of-range months and days roll over
 * as with Date.UTC (day 0 is the last day of the month before).
 */
export function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}
