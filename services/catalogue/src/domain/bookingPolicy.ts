import { validationFailed } from '@eq/shared/errors';
import { calendarDay } from '@eq/shared/calendarDay';
import { isIsoDate } from '@eq/shared/scalars';
import { isLatvianPublicHoliday } from './latvianHolidays';

/**
 * When bookings close. Cabinet Regulation No. 474 (2023) has the head of the school approve an
 * event outside the school 5 working days before it (reference `rules.json`,
 * `activityEventsSafety.approvalByHeadWorkingDaysBefore`), so bookings close then by default.
 * Working days are Monday to Friday except public holidays: Latvia's by default (see
 * latvianHolidays.ts), or an operator's own list that replaces them.
 */
export interface BookingPolicy {
  deadlineWorkingDays: number;
  /** `LATVIA`, or the YYYY-MM-DD dates that are not working days. */
  publicHolidays: PublicHolidays;
}

export type PublicHolidays = 'LATVIA' | readonly string[];

export const DEFAULT_BOOKING_POLICY: Readonly<BookingPolicy> = Object.freeze({ deadlineWorkingDays: 5, publicHolidays: 'LATVIA' });

export function assertBookingPolicy(policy: BookingPolicy): BookingPolicy {
  if (!Number.isSafeInteger(policy.deadlineWorkingDays) || policy.deadlineWorkingDays < 0) {
    throw validationFailed('The booking deadline must be a whole number of working days, 0 or more', 'deadlineWorkingDays');
  }
  const bad = policy.publicHolidays === 'LATVIA' ? undefined : policy.publicHolidays.find((day) => !isIsoDate(day));
  if (bad !== undefined) throw validationFailed(`A public holiday must be YYYY-MM-DD, got "${bad}"`, 'publicHolidays');
  return policy;
}

const addDays = (isoDate: string, days: number): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return calendarDay(date);
};

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(isoDate: string, publicHolidays: PublicHolidays = 'LATVIA'): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return publicHolidays === 'LATVIA' ? !isLatvianPublicHoliday(isoDate) : !publicHolidays.includes(isoDate);
}

/**
 * The last day a session on `sessionDate` can be booked: `workingDays` working days before it
 * (a session on Monday with 5 working days closes on the Monday before). With 0 it is the
 * session's own day.
 */
export function bookingClosesOn(sessionDate: string, policy: BookingPolicy): string {
  let day = sessionDate;
  for (let counted = 0; counted < policy.deadlineWorkingDays;) {
    day = addDays(day, -1);
    if (isWorkingDay(day, policy.publicHolidays)) counted += 1;
  }
  return day;
}
