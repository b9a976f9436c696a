import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import { assertReadyToSend, assertReturnReason, nextSubmissionStatus } from '../learnerCountSubmission';

const isCode = (code: ErrorCode) => (error: unknown) => error instanceof DomainError && error.code === code;

describe("a municipality's submission to the ministry", () => {
  it('is sent, then accepted or returned; a returned one may be sent again', () => {
    expect(nextSubmissionStatus(null, 'SEND')).toBe('SENT');
    expect(nextSubmissionStatus('SENT', 'ACCEPT')).toBe('ACCEPTED');
    expect(nextSubmissionStatus('SENT', 'RETURN')).toBe('RETURNED');
    expect(nextSubmissionStatus('RETURNED', 'SEND')).toBe('SENT');
  });

  it('refuses steps out of order with CONFLICT', () => {
    for (const [status, action] of [
      ['SENT', 'SEND'],
      ['ACCEPTED', 'SEND'],
      [null, 'ACCEPT'],
      [null, 'RETURN'],
      ['RETURNED', 'ACCEPT'],
      ['ACCEPTED', 'RETURN'],
      ['ACCEPTED', 'ACCEPT'],
    ] as const) {
      assert.throws(() => nextSubmissionStatus(status, action), isCode(ErrorCode.CONFLICT), `${status} ${action}`);
    }
  });

  it('is refused while a report is missing or not approved, naming the institutions', () => {
    const lines = [
      { institutionId: 'a', institutionName: 'Alfa skola', status: 'APPROVED' as const },
      { institutionId: 'b', institutionName: 'Beta skola', status: 'LOCKED' as const },
      { institutionId: 'c', institutionName: 'Cēsu skola', status: 'CONFIRMED' as const },
      { institutionId: 'd', institutionName: 'Dzērbenes skola', status: null },
    ];
    assert.throws(
      () => assertReadyToSend(lines),
      (error: unknown) =>
        error instanceof DomainError &&
        error.code === ErrorCode.CONFLICT &&
        error.details.reason === 'REPORTS_NOT_APPROVED' &&
        JSON.stringify(error.details.institutionIds) === JSON.stringify(['c', 'd']) &&
        error.message.includes('Cēsu skola (confirmed)') &&
        error.message.includes('Dzērbenes skola (missing)'),
    );
    expect(() => assertReadyToSend(lines.slice(0, 2))).not.toThrow();
  });

  it('is returned only with a reason of 3 to 1,000 characters', () => {
    expect(assertReturnReason('  Grade 5 of Alfa skola looks doubled ')).toBe('Grade 5 of Alfa skola looks doubled');
    assert.throws(() => assertReturnReason(' no'), isCode(ErrorCode.VALIDATION_FAILED));
    assert.throws(() => assertReturnReason('x'.repeat(1001)), isCode(ErrorCode.VALIDATION_FAILED));
  });
});
