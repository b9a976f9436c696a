import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import { assertCancellable, assertGroupFits, assertMoneyAvailable, assertSessionOpen, attendanceOutcome, placementOf, validateBookingRequest } from '../bookingRules';

const activity = { status: 'PUBLISHED', gradeBands: ['GRADES_7_9'], maxGroupSize: 25 };
const session = { status: 'SCHEDULED', capacity: 30, startsAt: new Date('2025-10-22T08:00:00Z') };

function refusal(run: () => void): DomainError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DomainError);
    return error;
  }
  assert.fail('expected a refusal');
}

describe('validateBookingRequest', () => {
  it('accepts grade 0 (pre-school) to 12 and at least one pupil', () => {
    assert.deepEqual(validateBookingRequest({ grade: 0, pupils: 1 }), { grade: 0, pupils: 1 });
    for (const request of [{ grade: 7, pupils: 0 }, { grade: 7, pupils: -2 }, { grade: 7, pupils: 2.5 }, { grade: 13, pupils: 5 }, { grade: -1, pupils: 5 }]) {
      assert.equal(refusal(() => validateBookingRequest(request)).code, ErrorCode.VALIDATION_FAILED);
    }
  });
});

describe('assertGroupFits', () => {
  it("refuses a grade outside the activity's bands", () => {
    assert.equal(refusal(() => assertGroupFits({ grade: 4, pupils: 10 }, activity, session)).details.reason, 'GRADE_BAND_MISMATCH');
  });

  it("refuses a group larger than the activity's group limit or the session", () => {
    assert.equal(refusal(() => assertGroupFits({ grade: 7, pupils: 26 }, activity, session)).details.reason, 'GROUP_TOO_LARGE');
    assert.equal(refusal(() => assertGroupFits({ grade: 7, pupils: 21 }, activity, { ...session, capacity: 20 })).details.limit, 20);
    assertGroupFits({ grade: 9, pupils: 25 }, activity, session);
  });
});

describe('assertSessionOpen', () => {
  it('takes bookings up to and including the closing day', () => {
    assertSessionOpen(activity, session, '2025-10-15', '2025-10-15');
    const closed = refusal(() => assertSessionOpen(activity, session, '2025-10-16', '2025-10-15'));
    assert.deepEqual([closed.code, closed.details.reason], [ErrorCode.CONFLICT, 'BOOKING_CLOSED']);
  });

  it('refuses cancelled sessions and activities out of the catalogue', () => {
    assert.equal(refusal(() => assertSessionOpen(activity, { ...session, status: 'CANCELLED' }, '2025-10-01', '2025-10-15')).code, ErrorCode.CONFLICT);
    assert.equal(refusal(() => assertSessionOpen({ ...activity, status: 'WITHDRAWN' }, session, '2025-10-01', '2025-10-15')).code, ErrorCode.CONFLICT);
  });
});

describe('placementOf', () => {
  it('confirms a group that fits when nobody waits; otherwise it waits', () => {
    assert.equal(placementOf(10, 10, 0), 'CONFIRMED');
    assert.equal(placementOf(10, 11, 0), 'WAITING');
    assert.equal(placementOf(10, 3, 1), 'WAITING');
  });
});

describe('assertMoneyAvailable', () => {
  const position = { neededCents: 10_000, allocationCents: 40_000, schoolUsedCents: 30_000, fundBudgetCents: 1_000_000, fundUsedCents: 0 };

  it("allows spending the school's allocation and the fund's budget to the last cent", () => {
    assertMoneyAvailable(position);
    assertMoneyAvailable({ ...position, fundUsedCents: 990_000 });
  });

  it('refuses beyond the allocation, then beyond the fund, each with its reason', () => {
    const school = refusal(() => assertMoneyAvailable({ ...position, schoolUsedCents: 30_001 }));
    assert.deepEqual([school.code, school.details.reason, school.details.leftCents], [ErrorCode.QUOTA_EXCEEDED, 'SCHOOL_ALLOCATION_EXCEEDED', 9_999]);
    const fund = refusal(() => assertMoneyAvailable({ ...position, fundUsedCents: 990_001 }));
    assert.deepEqual([fund.code, fund.details.reason], [ErrorCode.QUOTA_EXCEEDED, 'FUND_BUDGET_EXCEEDED']);
  });
});

describe('attendanceOutcome', () => {
  it('is ATTENDED for some pupils, NO_SHOW for none, and refuses more than were booked', () => {
    assert.equal(attendanceOutcome(20, 18), 'ATTENDED');
    assert.equal(attendanceOutcome(20, 0), 'NO_SHOW');
    assert.equal(refusal(() => attendanceOutcome(20, 21)).code, ErrorCode.VALIDATION_FAILED);
    assert.equal(refusal(() => attendanceOutcome(20, -1)).code, ErrorCode.VALIDATION_FAILED);
  });
});

describe('assertCancellable', () => {
  const now = new Date('2025-10-20T08:00:00Z');
  it('lets confirmed and waiting bookings go before the session starts, nothing else', () => {
    assertCancellable({ status: 'CONFIRMED' }, session.startsAt, now);
    assertCancellable({ status: 'WAITING' }, session.startsAt, now);
    assert.equal(refusal(() => assertCancellable({ status: 'ATTENDED' }, session.startsAt, now)).code, ErrorCode.CONFLICT);
    assert.equal(refusal(() => assertCancellable({ status: 'CONFIRMED' }, session.startsAt, session.startsAt)).code, ErrorCode.CONFLICT);
  });
});
