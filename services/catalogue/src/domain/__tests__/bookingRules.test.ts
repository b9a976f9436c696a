import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@eq/shared/errors';
import {
  assertCancellable,
  assertGroupFits,
  assertMoneyAvailable,
  assertSessionOpen,
  attendanceOutcome,
  placementOf,
  validateBookingRequest,
} from '../bookingRules';
import { refusal } from './domainRefusal';

const activity = { status: 'PUBLISHED', gradeBands: ['GRADES_7_9'], maxGroupSize: 25 };
const session = { status: 'SCHEDULED', capacity: 30, startsAt: new Date('2025-10-22T08:00:00Z') };

describe('validateBookingRequest', () => {
  it('accepts grade 0 (pre-school) to 12 and at least one pupil', () => {
    expect(validateBookingRequest({ grade: 0, pupils: 1 })).toStrictEqual({ grade: 0, pupils: 1 });
    for (const request of [
      { grade: 7, pupils: 0 },
      { grade: 7, pupils: -2 },
      { grade: 7, pupils: 2.5 },
      { grade: 13, pupils: 5 },
      { grade: -1, pupils: 5 },
    ]) {
      expect(refusal(() => validateBookingRequest(request)).code).toBe(ErrorCode.VALIDATION_FAILED);
    }
  });
});

describe('assertGroupFits', () => {
  it("refuses a grade outside the activity's bands", () => {
    expect(refusal(() => assertGroupFits({ grade: 4, pupils: 10 }, activity, session)).details.reason).toBe('GRADE_BAND_MISMATCH');
  });

  it("refuses a group larger than the activity's group limit or the session", () => {
    expect(refusal(() => assertGroupFits({ grade: 7, pupils: 26 }, activity, session)).details.reason).toBe('GROUP_TOO_LARGE');
    expect(refusal(() => assertGroupFits({ grade: 7, pupils: 21 }, activity, { ...session, capacity: 20 })).details.limit).toBe(20);
    assertGroupFits({ grade: 9, pupils: 25 }, activity, session);
  });
});

describe('assertSessionOpen', () => {
  it('takes bookings up to and including the closing day', () => {
    assertSessionOpen(activity, session, '2025-10-15', '2025-10-15');
    const closed = refusal(() => assertSessionOpen(activity, session, '2025-10-16', '2025-10-15'));
    expect([closed.code, closed.details.reason]).toStrictEqual([ErrorCode.CONFLICT, 'BOOKING_CLOSED']);
  });

  it('refuses cancelled sessions and activities out of the catalogue', () => {
    expect(refusal(() => assertSessionOpen(activity, { ...session, status: 'CANCELLED' }, '2025-10-01', '2025-10-15')).code).toBe(
      ErrorCode.CONFLICT,
    );
    expect(refusal(() => assertSessionOpen({ ...activity, status: 'WITHDRAWN' }, session, '2025-10-01', '2025-10-15')).code).toBe(
      ErrorCode.CONFLICT,
    );
  });
});

describe('placementOf', () => {
  it('confirms a group that fits when nobody waits; otherwise it waits', () => {
    expect(placementOf(10, 10, 0)).toBe('CONFIRMED');
    expect(placementOf(10, 11, 0)).toBe('WAITING');
    expect(placementOf(10, 3, 1)).toBe('WAITING');
  });
});

describe('assertMoneyAvailable', () => {
  const position = {
    neededCents: 10_000,
    allocationCents: 40_000,
    schoolUsedCents: 30_000,
    semester: '2026/2027-1',
    semesterBudgetCents: 1_000_000,
    semesterUsedCents: 0,
  };

  it("allows spending the school's allocation and the semester's budget to the last cent", () => {
    assertMoneyAvailable(position);
    assertMoneyAvailable({ ...position, semesterUsedCents: 990_000 });
  });

  it("refuses beyond the allocation, then beyond the semester's budget, each with its reason", () => {
    const school = refusal(() => assertMoneyAvailable({ ...position, schoolUsedCents: 30_001 }));
    expect([school.code, school.details.reason, school.details.leftCents]).toStrictEqual([
      ErrorCode.QUOTA_EXCEEDED,
      'SCHOOL_ALLOCATION_EXCEEDED',
      9_999,
    ]);
    const fund = refusal(() => assertMoneyAvailable({ ...position, semesterUsedCents: 990_001 }));
    expect([fund.code, fund.details.reason, fund.details.semester, fund.details.leftCents]).toStrictEqual([
      ErrorCode.QUOTA_EXCEEDED,
      'SEMESTER_BUDGET_EXCEEDED',
      '2026/2027-1',
      9_999,
    ]);
  });
});

describe('attendanceOutcome', () => {
  it('is ATTENDED for some pupils, NO_SHOW for none, and refuses more than were booked', () => {
    expect(attendanceOutcome(20, 18)).toBe('ATTENDED');
    expect(attendanceOutcome(20, 0)).toBe('NO_SHOW');
    expect(refusal(() => attendanceOutcome(20, 21)).code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(refusal(() => attendanceOutcome(20, -1)).code).toBe(ErrorCode.VALIDATION_FAILED);
  });
});

describe('assertCancellable', () => {
  const now = new Date('2025-10-20T08:00:00Z');
  it('lets confirmed and waiting bookings go before the session starts, nothing else', () => {
    assertCancellable({ status: 'CONFIRMED' }, session.startsAt, now);
    assertCancellable({ status: 'WAITING' }, session.startsAt, now);
    expect(refusal(() => assertCancellable({ status: 'ATTENDED' }, session.startsAt, now)).code).toBe(ErrorCode.CONFLICT);
    expect(refusal(() => assertCancellable({ status: 'CONFIRMED' }, session.startsAt, session.startsAt)).code).toBe(ErrorCode.CONFLICT);
  });
});
