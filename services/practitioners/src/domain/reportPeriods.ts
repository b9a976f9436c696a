import { calendarDay } from '@eq/shared/calendarDay';
import { validationFailed } from '@eq/shared/errors';

/** How far ahead officers may ask for expiring certificates: a year and a day covers any planning horizon. */
export const MAX_EXPIRY_HORIZON_DAYS = 366;

export function assertHorizonDays(days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > MAX_EXPIRY_HORIZON_DAYS) {
    throw validationFailed(`withinDays must be a whole number 0-${MAX_EXPIRY_HORIZON_DAYS}`, 'withinDays');
  }
  return days;
}

/** The calendar day `days` after `day` (both YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return calendarDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The annual report counts decisions dated within a calendar year. Supervisors are counted on
 * the year's last day, or on `today` for the year under way; a year not yet begun has no report.
 */
export function annualReportPeriod(year: number, today: string): { from: string; to: string; supervisorsOn: string } {
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > thisYear) throw validationFailed(`year must be 2000-${thisYear}`, 'year');
  const to = `${year}-12-31`;
  return { from: `${year}-01-01`, to, supervisorsOn: to < today ? to : today };
}
