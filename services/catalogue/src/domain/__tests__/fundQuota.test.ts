import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import {
  assertCanFundAttendance,
  attendanceCostCents,
  canFundAttendance,
  fundedAttendanceCap,
  remainingFundedAttendances,
  semesterAllocationCents,
} from '../fundQuota';

const isCode = (code: ErrorCode) => (error: unknown) => error instanceof DomainError && error.code === code;

describe('semesterAllocationCents', () => {
  it('gives a school pupils × 4 activities × €10 per semester by default', () => {
    expect(semesterAllocationCents(250)).toBe(250 * 4 * 1000);
    expect(semesterAllocationCents(1)).toBe(4000);
  });

  it('gives nothing to a school without pupils', () => {
    expect(semesterAllocationCents(0)).toBe(0);
  });

  it('follows a configured quota and price', () => {
    expect(semesterAllocationCents(10, 2, 1500)).toBe(30_000);
  });

  it('refuses negative or fractional learner counts and a non-positive quota or price', () => {
    assert.throws(() => semesterAllocationCents(-1), isCode(ErrorCode.VALIDATION_FAILED));
    assert.throws(() => semesterAllocationCents(2.5), isCode(ErrorCode.VALIDATION_FAILED));
    assert.throws(() => semesterAllocationCents(10, 0), isCode(ErrorCode.VALIDATION_FAILED));
    assert.throws(() => semesterAllocationCents(10, 4, 0), isCode(ErrorCode.VALIDATION_FAILED));
  });
});

describe('fundedAttendanceCap', () => {
  it('allows four funded pupil-attendances per learner of the grade', () => {
    expect(fundedAttendanceCap(25)).toBe(100);
    expect(fundedAttendanceCap(0)).toBe(0);
  });
});

describe('canFundAttendance', () => {
  it('accepts a group that fits exactly into what the grade has left', () => {
    // 25 pupils × 4 = 100; 75 already funded, a group of 25 uses the rest.
    expect(canFundAttendance(75, 25, 25)).toBe(true);
  });

  it('refuses one pupil-attendance over the cap', () => {
    expect(canFundAttendance(75, 26, 25)).toBe(false);
    expect(canFundAttendance(100, 1, 25)).toBe(false);
  });

  it('refuses anything for a grade without learners', () => {
    expect(canFundAttendance(0, 1, 0)).toBe(false);
  });

  it('treats a grade already over its cap (learner count lowered) as having nothing left', () => {
    expect(remainingFundedAttendances(120, 25)).toBe(0);
    expect(canFundAttendance(120, 1, 25)).toBe(false);
  });

  it('refuses an empty or negative request as bad input, not as a quota refusal', () => {
    assert.throws(() => canFundAttendance(0, 0, 25), isCode(ErrorCode.VALIDATION_FAILED));
    assert.throws(() => canFundAttendance(0, -3, 25), isCode(ErrorCode.VALIDATION_FAILED));
    assert.throws(() => canFundAttendance(-1, 3, 25), isCode(ErrorCode.VALIDATION_FAILED));
  });
});

describe('assertCanFundAttendance', () => {
  it('passes within the quota', () => {
    assert.doesNotThrow(() => assertCanFundAttendance(0, 30, 30));
  });

  it('refuses with QUOTA_EXCEEDED and says how much is left', () => {
    assert.throws(
      () => assertCanFundAttendance(90, 20, 25),
      (error: unknown) =>
        error instanceof DomainError &&
        error.code === ErrorCode.QUOTA_EXCEEDED &&
        error.details.remaining === 10 &&
        error.details.cap === 100 &&
        /10 funded pupil-attendances left/.test(error.message),
    );
  });
});

describe('attendanceCostCents', () => {
  it('costs attended pupils × €10, and nothing for a no-show', () => {
    expect(attendanceCostCents(23)).toBe(23_000);
    expect(attendanceCostCents(0)).toBe(0);
    expect(attendanceCostCents(23, 1200)).toBe(27_600);
  });
});
