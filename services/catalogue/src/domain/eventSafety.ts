import { DomainError, ErrorCode, validationFailed } from '@eq/shared/errors';
import { isIsoDate } from '@eq/shared/scalars';
import { bookingClosesOn, type PublicHolidays } from './bookingPolicy';

/**
 * The safety rules for pupils taken to an event (Cabinet Regulation No. 474 (2023), as the
 * ministry presented it in source 000_d4ee677fb86d08ca.txt, section V; reference `rules.json`,
 * `activityEventsSafety`):
 * - "Piecas darba dienas pirms pasākuma atbildīgais pedagogs rakstiski saskaņo ar vadītāju
 *   norisi vai dalību pasākumā": the head approves in writing five working days before;
 * - "Trīs dienas pirms došanās uz pasākumu ārpus izglītības iestādes informē vecākus": parents
 *   are told three days before the pupils leave the school's premises.
 * The catalogue records both for a booking, so the provider can see that the group may come.
 */
export const HEAD_APPROVAL_WORKING_DAYS_BEFORE = 5;
export const PARENTS_INFORMED_DAYS_BEFORE = 3;

export const EventSafetyRefusal = {
  APPROVAL_DEADLINE_PASSED: 'HEAD_APPROVAL_DEADLINE_PASSED',
  PARENTS_NOTICE_DEADLINE_PASSED: 'PARENTS_NOTICE_DEADLINE_PASSED',
  PARENTS_NOTICE_NOT_NEEDED: 'PARENTS_NOTICE_NOT_NEEDED',
  BOOKING_NOT_ACTIVE: 'BOOKING_NOT_ACTIVE',
} as const;

/** The last day the head may approve the group's attendance: five working days before the session. */
export function headApprovalDueOn(sessionDate: string, publicHolidays: PublicHolidays): string {
  return bookingClosesOn(sessionDate, { deadlineWorkingDays: HEAD_APPROVAL_WORKING_DAYS_BEFORE, publicHolidays });
}

/**
 * The day by which the parents must be told: three calendar days before a session held away
 * from the school. Sessions at the school or online take no pupil off its premises: null.
 */
export function parentsInformBy(sessionDate: string, format: string): string | null {
  if (format !== 'AT_PROVIDER') return null;
  const date = new Date(`${sessionDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - PARENTS_INFORMED_DAYS_BEFORE);
  return date.toISOString().slice(0, 10);
}

/** Both deadlines of a session on `sessionDate` (Riga) of an activity held in `format`. */
export function safetyDeadlines(
  sessionDate: string,
  format: string,
  publicHolidays: PublicHolidays,
): { headApprovalDueOn: string; parentsInformBy: string | null } {
  return { headApprovalDueOn: headApprovalDueOn(sessionDate, publicHolidays), parentsInformBy: parentsInformBy(sessionDate, format) };
}

/** Bookings still to take place: confirmed or waiting. */
function assertActive(status: string): void {
  if (status !== 'CONFIRMED' && status !== 'WAITING') {
    throw new DomainError(ErrorCode.CONFLICT, `The booking is ${status.toLowerCase()}: nothing more is recorded for its safety`, {
      reason: EventSafetyRefusal.BOOKING_NOT_ACTIVE,
    });
  }
}

/** A past or present day, in YYYY-MM-DD, no later than today. */
function pastDay(value: string, today: string, field: string): string {
  if (!isIsoDate(value)) throw validationFailed(`${field} must be a date, YYYY-MM-DD`, field);
  if (value > today) throw validationFailed(`${field} cannot be later than today (${today})`, field);
  return value;
}

const APPROVER_MAX_LENGTH = 200;

export interface HeadApprovalRequest {
  /** Who approved: the head (or deputy) as named on the written approval. */
  approvedBy: string;
  approvedOn: string;
}

/**
 * The head's written approval can be recorded until its due day (Riga time) and no later, dated
 * no later than today; a booking already cancelled or past needs none.
 */
export function validateHeadApproval(
  request: HeadApprovalRequest,
  booking: { status: string },
  today: string,
  dueOn: string,
): HeadApprovalRequest {
  assertActive(booking.status);
  const approvedBy = request.approvedBy.trim();
  if (approvedBy.length === 0) throw validationFailed('Name who approved the attendance', 'approvedBy');
  if (approvedBy.length > APPROVER_MAX_LENGTH) {
    throw validationFailed(`The approver's name is limited to ${APPROVER_MAX_LENGTH} characters`, 'approvedBy');
  }
  const approvedOn = pastDay(request.approvedOn, today, 'approvedOn');
  if (today > dueOn) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      `The head had to approve by ${dueOn}, ${HEAD_APPROVAL_WORKING_DAYS_BEFORE} working days before the session`,
      { reason: EventSafetyRefusal.APPROVAL_DEADLINE_PASSED, dueOn },
    );
  }
  return { approvedBy, approvedOn };
}

/**
 * The school says when it told the parents, for a session away from the school: recorded no
 * later than the day the rule sets, as the head's approval is.
 */
export function validateParentsInformed(informedOn: string, booking: { status: string }, today: string, informBy: string | null): string {
  assertActive(booking.status);
  if (informBy === null) {
    throw new DomainError(ErrorCode.CONFLICT, 'The session is at the school or online: pupils do not leave the premises', {
      reason: EventSafetyRefusal.PARENTS_NOTICE_NOT_NEEDED,
    });
  }
  const day = pastDay(informedOn, today, 'informedOn');
  if (today > informBy) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      `Parents had to be informed by ${informBy}, ${PARENTS_INFORMED_DAYS_BEFORE} days before the session`,
      { reason: EventSafetyRefusal.PARENTS_NOTICE_DEADLINE_PASSED, informBy },
    );
  }
  return day;
}
