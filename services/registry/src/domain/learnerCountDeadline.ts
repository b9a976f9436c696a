import { DomainError, ErrorCode, validationFailed } from '@eq/shared/errors';
import type { SchoolYear } from './learnerCountSchoolYear';

/**
 * Why a change to a school year's reports was refused, in `extensions.reason` beside
 * `extensions.code` (CONFLICT): a client tells the school "too late, ask the ministry" from
 * DEADLINE_PASSED and "the year is closed" from YEAR_LOCKED.
 */
export const SchoolYearRefusal = {
  DEADLINE_PASSED: 'DEADLINE_PASSED',
  YEAR_LOCKED: 'YEAR_LOCKED',
} as const;

/**
 * What the register keeps of a school year beyond its reports: when it was last locked (null:
 * never, or reopened since) and until when an OFFICER reopened it (null: never reopened).
 */
export interface SchoolYearWindow {
  lockedAt: Date | null;
  reopenedUntil: Date | null;
}

/**
 * The deadline in force: the regular one (source 002, 5 September 23:59 Riga time) or a
 * reopening's end, whichever is later. A reopening only ever extends: it never closes a year
 * before its regular deadline.
 */
export function deadlineInForce(regularDeadline: Date, window: SchoolYearWindow | null): Date {
  const until = window?.reopenedUntil;
  return until && until.getTime() > regularDeadline.getTime() ? until : regularDeadline;
}

/** A year is locked from a lock (by an OFFICER or by the deadline job) until an OFFICER reopens it. */
export function isYearLocked(window: SchoolYearWindow | null): boolean {
  return window?.lockedAt != null;
}

/**
 * The deadline closes the year by itself: from its minute on, no report of the year may be
 * started, saved, confirmed, approved or reopened, whether or not the job has locked it yet.
 */
export function assertYearAcceptsChanges(year: SchoolYear, regularDeadline: Date, window: SchoolYearWindow | null, now: Date): void {
  if (isYearLocked(window)) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      `School year ${year.label} was locked on ${window!.lockedAt!.toISOString()}; its learner-count reports can no longer be prepared or changed (the ministry may reopen it)`,
      { reason: SchoolYearRefusal.YEAR_LOCKED },
    );
  }
  const deadline = deadlineInForce(regularDeadline, window);
  if (now.getTime() >= deadline.getTime()) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      `The deadline for school year ${year.label}'s learner counts passed at ${deadline.toISOString()}; the reports can no longer be changed (the ministry may reopen the year)`,
      { reason: SchoolYearRefusal.DEADLINE_PASSED, deadline: deadline.toISOString() },
    );
  }
}

/** The deadline job locks a year once its deadline in force has passed and it is not locked yet. */
export function isYearDueForLock(regularDeadline: Date, window: SchoolYearWindow | null, now: Date): boolean {
  return !isYearLocked(window) && now.getTime() >= deadlineInForce(regularDeadline, window).getTime();
}

export const REOPENING_REASON_MIN_LENGTH = 3;
export const REOPENING_REASON_MAX_LENGTH = 1000;
/** A reopening is an extension of days or weeks; a year ahead is surely a typing mistake. */
export const REOPENING_LONGEST_DAYS = 365;

export interface Reopening {
  until: Date;
  reason: string;
}

/** `until` in the future (at most a year ahead); a reason of 3 to 1,000 characters. */
export function assertReopening(input: { until: string; reason: string }, now: Date): Reopening {
  const until = new Date(input.until);
  if (Number.isNaN(until.getTime())) throw validationFailed('`until` must be a date and time', 'until');
  if (until.getTime() <= now.getTime()) {
    throw validationFailed(`A school year is reopened until a time in the future, got ${until.toISOString()}`, 'until');
  }
  if (until.getTime() > now.getTime() + REOPENING_LONGEST_DAYS * 24 * 60 * 60 * 1000) {
    throw validationFailed(`A school year is reopened for at most ${REOPENING_LONGEST_DAYS} days`, 'until');
  }
  const reason = input.reason.trim();
  if (reason.length < REOPENING_REASON_MIN_LENGTH || reason.length > REOPENING_REASON_MAX_LENGTH) {
    throw validationFailed(
      `The reason for reopening must be ${REOPENING_REASON_MIN_LENGTH} to ${REOPENING_REASON_MAX_LENGTH} characters`,
      'reason',
    );
  }
  return { until, reason };
}
