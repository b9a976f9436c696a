import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import { assertBookingSchool } from '../bookingAccess';
import { headApprovalDueOn, parentsInformBy, validateHeadApproval, validateParentsInformed } from '../eventSafety';

function refusal(run: () => void): DomainError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DomainError);
    return error;
  }
  assert.fail('expected a refusal');
}

const confirmed = { status: 'CONFIRMED' };

describe('headApprovalDueOn', () => {
  it('is five working days before the session, skipping weekends and Latvian public holidays', () => {
    // Friday 27 June 2025: Līgo (23rd) and Jāņi (24th) are holidays, so the fifth working day back is Wednesday the 18th.
    expect(headApprovalDueOn('2025-06-27', 'LATVIA')).toBe('2025-06-18');
    expect(headApprovalDueOn('2025-06-27', [])).toBe('2025-06-20');
    // Monday 13 October 2025: the Monday before.
    expect(headApprovalDueOn('2025-10-13', 'LATVIA')).toBe('2025-10-06');
  });
});

describe('parentsInformBy', () => {
  it('is three calendar days before a session away from the school, and not needed otherwise', () => {
    expect(parentsInformBy('2025-10-13', 'AT_PROVIDER')).toBe('2025-10-10');
    expect(parentsInformBy('2026-03-02', 'AT_PROVIDER')).toBe('2026-02-27');
    expect(parentsInformBy('2025-10-13', 'AT_SCHOOL')).toBeNull();
    expect(parentsInformBy('2025-10-13', 'ONLINE')).toBeNull();
  });
});

describe('validateHeadApproval', () => {
  it('records a named approval dated no later than today, up to its due day', () => {
    expect(
      validateHeadApproval({ approvedBy: '  Anna Bērziņa ', approvedOn: '2025-10-01' }, confirmed, '2025-10-06', '2025-10-06'),
    ).toStrictEqual({ approvedBy: 'Anna Bērziņa', approvedOn: '2025-10-01' });
    expect(
      validateHeadApproval({ approvedBy: 'A. B.', approvedOn: '2025-10-06' }, { status: 'WAITING' }, '2025-10-06', '2025-10-06').approvedOn,
    ).toBe('2025-10-06');
  });

  it('refuses it after the due day, with the day in the answer', () => {
    const late = refusal(() =>
      validateHeadApproval({ approvedBy: 'Anna', approvedOn: '2025-10-06' }, confirmed, '2025-10-07', '2025-10-06'),
    );
    expect([late.code, late.details]).toStrictEqual([ErrorCode.CONFLICT, { reason: 'HEAD_APPROVAL_DEADLINE_PASSED', dueOn: '2025-10-06' }]);
  });

  it('refuses a missing or overlong name, a malformed or future date, and a booking that will not take place', () => {
    const ask =
      (approvedBy: string, approvedOn: string, status = 'CONFIRMED') =>
      () =>
        validateHeadApproval({ approvedBy, approvedOn }, { status }, '2025-10-01', '2025-10-06');
    expect(refusal(ask('   ', '2025-10-01')).details).toStrictEqual({ field: 'approvedBy' });
    expect(refusal(ask('x'.repeat(201), '2025-10-01')).details).toStrictEqual({ field: 'approvedBy' });
    expect(refusal(ask('Anna', '1.10.2025')).details).toStrictEqual({ field: 'approvedOn' });
    expect(refusal(ask('Anna', '2025-10-02')).details).toStrictEqual({ field: 'approvedOn' });
    for (const status of ['CANCELLED', 'ATTENDED', 'NO_SHOW']) {
      expect(refusal(ask('Anna', '2025-10-01', status)).details).toStrictEqual({ reason: 'BOOKING_NOT_ACTIVE' });
    }
  });
});

describe('validateParentsInformed', () => {
  it('records the day the parents were told, up to three days before the session', () => {
    expect(validateParentsInformed('2025-10-09', confirmed, '2025-10-10', '2025-10-10')).toBe('2025-10-09');
  });

  it('refuses it after the day, for a session at the school or online, and for a future date', () => {
    const late = refusal(() => validateParentsInformed('2025-10-09', confirmed, '2025-10-11', '2025-10-10'));
    expect([late.code, late.details]).toStrictEqual([
      ErrorCode.CONFLICT,
      { reason: 'PARENTS_NOTICE_DEADLINE_PASSED', informBy: '2025-10-10' },
    ]);
    expect(refusal(() => validateParentsInformed('2025-10-09', confirmed, '2025-10-09', null)).details).toStrictEqual({
      reason: 'PARENTS_NOTICE_NOT_NEEDED',
    });
    expect(refusal(() => validateParentsInformed('2025-10-10', confirmed, '2025-10-09', '2025-10-10')).details).toStrictEqual({
      field: 'informedOn',
    });
    expect(refusal(() => validateParentsInformed('2025-10-09', { status: 'CANCELLED' }, '2025-10-09', '2025-10-10')).details).toStrictEqual(
      {
        reason: 'BOOKING_NOT_ACTIVE',
      },
    );
  });
});

describe('assertBookingSchool', () => {
  const booking = { institutionId: 'aaaaaaaa-0000-4000-8000-000000000001' };
  it('lets only the booking school record its safety steps', () => {
    expect(() => assertBookingSchool({ role: 'SCHOOL', institutionId: booking.institutionId.toUpperCase() }, booking)).not.toThrow();
    for (const viewer of [
      { role: 'SCHOOL', institutionId: 'aaaaaaaa-0000-4000-8000-000000000002' },
      { role: 'SCHOOL' },
      { role: 'OFFICER' },
      { role: 'PROVIDER', providerId: 'p' },
      { role: 'PUBLIC' },
    ]) {
      expect(refusal(() => assertBookingSchool(viewer as never, booking)).code).toBe(ErrorCode.FORBIDDEN);
    }
  });
});
