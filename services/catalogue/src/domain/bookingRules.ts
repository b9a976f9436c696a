import { conflict, DomainError, ErrorCode, validationFailed } from '@eq/shared/errors';
import { gradeBandOf, suitsGrade } from './gradeBands';

/**
 * Why a booking was refused, in `extensions.reason` beside `extensions.code`: a site tells the
 * school what to change (a smaller group, another session, another semester) from this.
 */
export const BookingRefusal = {
  GRADE_BAND: 'GRADE_BAND_MISMATCH',
  GROUP_SIZE: 'GROUP_TOO_LARGE',
  GROUP_LARGER_THAN_GRADE: 'GROUP_LARGER_THAN_GRADE',
  CLOSED: 'BOOKING_CLOSED',
  PUPIL_QUOTA: 'PUPIL_QUOTA_EXCEEDED',
  SCHOOL_ALLOCATION: 'SCHOOL_ALLOCATION_EXCEEDED',
  SEMESTER_BUDGET: 'SEMESTER_BUDGET_EXCEEDED',
  NO_LEARNER_COUNTS: 'NO_LOCKED_LEARNER_COUNTS',
} as const;

export interface BookingRequest {
  grade: number;
  pupils: number;
}

/** Grade 0 (pre-school, 5-6) to 12 and a group of at least one pupil. */
export function validateBookingRequest(request: BookingRequest): BookingRequest {
  gradeBandOf(request.grade);
  if (!Number.isSafeInteger(request.pupils) || request.pupils < 1) {
    throw validationFailed(`A group is at least one pupil, got ${request.pupils}`, 'pupils');
  }
  return request;
}

export interface BookableSession {
  status: string;
  capacity: number;
  startsAt: Date;
}

export interface BookableActivity {
  status: string;
  gradeBands: readonly string[];
  maxGroupSize: number;
}

/**
 * The group must suit the activity and be able to sit in the session at all: a group that is
 * larger than the session (or the activity's group limit) can never be served, while one that
 * merely does not fit the free places waits.
 */
export function assertGroupFits(request: BookingRequest, activity: BookableActivity, session: BookableSession): void {
  if (!suitsGrade(activity.gradeBands, request.grade)) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `The activity is for ${activity.gradeBands.join(', ')}; grade ${request.grade} is ${gradeBandOf(request.grade)}`,
      {
        field: 'grade',
        reason: BookingRefusal.GRADE_BAND,
      },
    );
  }
  const limit = Math.min(activity.maxGroupSize, session.capacity);
  if (request.pupils > limit) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `A group of ${request.pupils} is larger than this session takes (${limit} pupils)`, {
      field: 'pupils',
      reason: BookingRefusal.GROUP_SIZE,
      limit,
    });
  }
}

/** Only scheduled sessions of published activities take bookings, up to the closing day. */
export function assertSessionOpen(activity: BookableActivity, session: BookableSession, today: string, closesOn: string): void {
  if (activity.status !== 'PUBLISHED') throw conflict('The activity is not in the catalogue: it takes no bookings');
  if (session.status !== 'SCHEDULED') throw conflict('The session is cancelled: it takes no bookings');
  if (today > closesOn) {
    throw new DomainError(ErrorCode.CONFLICT, `Bookings for this session closed on ${closesOn}`, {
      reason: BookingRefusal.CLOSED,
      closesOn,
    });
  }
}

/**
 * Confirmed while the group fits the free places and nobody is waiting; otherwise it joins the
 * end of the waiting list (a newcomer never overtakes a school already waiting).
 */
export function placementOf(freePlaces: number, pupils: number, waiting: number): 'CONFIRMED' | 'WAITING' {
  return waiting === 0 && pupils <= freePlaces ? 'CONFIRMED' : 'WAITING';
}

export interface MoneyPosition {
  /** Money the new booking needs (pupils × price). */
  neededCents: number;
  /** The school's semester allocation and what its bookings already hold or spent. */
  allocationCents: number;
  schoolUsedCents: number;
  /** The fund's budget for the booking's semester (domain/semesterBudgets.ts) and what all its bookings hold or spent. */
  semester: string;
  semesterBudgetCents: number;
  semesterUsedCents: number;
}

/** Neither the school's semester allocation nor the fund's budget for the semester may be exceeded. */
export function assertMoneyAvailable(position: MoneyPosition): void {
  assertSchoolAllocation(position);
  assertSemesterBudget(position);
}

/** The school's semester allocation may be spent to the last cent, never beyond. */
export function assertSchoolAllocation(position: Pick<MoneyPosition, 'neededCents' | 'allocationCents' | 'schoolUsedCents'>): void {
  const schoolLeft = position.allocationCents - position.schoolUsedCents;
  if (position.neededCents > schoolLeft) {
    throw new DomainError(
      ErrorCode.QUOTA_EXCEEDED,
      `The school's allocation for this semester has ${Math.max(0, schoolLeft) / 100} € left; the booking needs ${position.neededCents / 100} €`,
      {
        reason: BookingRefusal.SCHOOL_ALLOCATION,
        leftCents: Math.max(0, schoolLeft),
        neededCents: position.neededCents,
      },
    );
  }
}

/** The fund's budget for the semester may be spent to the last cent, never beyond. */
export function assertSemesterBudget(
  position: Pick<MoneyPosition, 'neededCents' | 'semester' | 'semesterBudgetCents' | 'semesterUsedCents'>,
): void {
  const left = position.semesterBudgetCents - position.semesterUsedCents;
  if (position.neededCents > left) {
    throw new DomainError(
      ErrorCode.QUOTA_EXCEEDED,
      `The fund's budget for ${position.semester} has ${Math.max(0, left) / 100} € left; the booking needs ${position.neededCents / 100} €`,
      {
        reason: BookingRefusal.SEMESTER_BUDGET,
        semester: position.semester,
        leftCents: Math.max(0, left),
        neededCents: position.neededCents,
      },
    );
  }
}

/** The provider records between 0 (no-show) and the booked number of pupils. */
export function attendanceOutcome(booked: number, attended: number): 'ATTENDED' | 'NO_SHOW' {
  if (!Number.isSafeInteger(attended) || attended < 0 || attended > booked) {
    throw validationFailed(`Attended pupils must be 0 to ${booked} (the group booked), got ${attended}`, 'attendedPupils');
  }
  return attended === 0 ? 'NO_SHOW' : 'ATTENDED';
}

/** Bookings a school may still cancel: before its session starts, while confirmed or waiting. */
export function assertCancellable(booking: { status: string }, sessionStartsAt: Date, now: Date): void {
  if (booking.status !== 'CONFIRMED' && booking.status !== 'WAITING')
    throw conflict(`A ${booking.status.toLowerCase()} booking cannot be cancelled`);
  if (sessionStartsAt <= now) throw conflict('The session has begun: record attendance instead of cancelling');
}
