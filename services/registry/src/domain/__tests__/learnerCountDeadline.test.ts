import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import { assertReopening, assertYearAcceptsChanges, deadlineInForce, isYearDueForLock, SchoolYearRefusal } from '../learnerCountDeadline';
import { DEFAULT_LEARNER_COUNT_POLICY } from '../learnerCountPolicy';
import { lockDeadlineOf, parseSchoolYear } from '../learnerCountSchoolYear';

const year = parseSchoolYear('2025/2026', DEFAULT_LEARNER_COUNT_POLICY);
/** 5 September 2025 23:59 in Riga (UTC+3 in summer). */
const regular = lockDeadlineOf(year, DEFAULT_LEARNER_COUNT_POLICY);
const at = (iso: string) => new Date(iso);

const refusal = (reason: string) => (error: unknown) =>
  error instanceof DomainError && error.code === ErrorCode.CONFLICT && error.details.reason === reason;

describe('the learner-count deadline', () => {
  it('is 5 September 23:59 Riga time by default', () => {
    expect(regular.toISOString()).toBe('2025-09-05T20:59:00.000Z');
  });

  it('takes changes until the minute of the deadline, then refuses them with DEADLINE_PASSED and the deadline', () => {
    expect(() => assertYearAcceptsChanges(year, regular, null, at('2025-09-05T20:58:59.999Z'))).not.toThrow();
    assert.throws(() => assertYearAcceptsChanges(year, regular, null, at('2025-09-05T20:59:00.000Z')), refusal('DEADLINE_PASSED'));
    try {
      assertYearAcceptsChanges(year, regular, null, at('2025-10-01T00:00:00Z'));
    } catch (error) {
      expect((error as DomainError).details).toStrictEqual({ reason: 'DEADLINE_PASSED', deadline: '2025-09-05T20:59:00.000Z' });
    }
  });

  it('refuses every change in a locked year with YEAR_LOCKED, even before the deadline', () => {
    const window = { lockedAt: at('2025-09-03T10:00:00Z'), reopenedUntil: null };
    assert.throws(
      () => assertYearAcceptsChanges(year, regular, window, at('2025-09-04T10:00:00Z')),
      refusal(SchoolYearRefusal.YEAR_LOCKED),
    );
  });

  it('takes changes again after a reopening, until its end', () => {
    const window = { lockedAt: null, reopenedUntil: at('2025-10-15T20:59:00Z') };
    expect(deadlineInForce(regular, window)).toStrictEqual(window.reopenedUntil);
    expect(() => assertYearAcceptsChanges(year, regular, window, at('2025-10-15T20:58:00Z'))).not.toThrow();
    assert.throws(() => assertYearAcceptsChanges(year, regular, window, at('2025-10-15T20:59:00Z')), refusal('DEADLINE_PASSED'));
  });

  it('never closes a year before its regular deadline: a reopening only extends', () => {
    const window = { lockedAt: null, reopenedUntil: at('2025-09-02T00:00:00Z') };
    expect(deadlineInForce(regular, window)).toStrictEqual(regular);
    expect(() => assertYearAcceptsChanges(year, regular, window, at('2025-09-04T00:00:00Z'))).not.toThrow();
  });

  it('makes a year due for the job once the deadline in force has passed and it is not locked', () => {
    expect(isYearDueForLock(regular, null, at('2025-09-05T20:58:00Z'))).toBe(false);
    expect(isYearDueForLock(regular, null, at('2025-09-05T20:59:00Z'))).toBe(true);
    expect(isYearDueForLock(regular, { lockedAt: at('2025-09-06T00:00:00Z'), reopenedUntil: null }, at('2025-09-07T00:00:00Z'))).toBe(
      false,
    );
    const reopened = { lockedAt: null, reopenedUntil: at('2025-10-01T00:00:00Z') };
    expect(isYearDueForLock(regular, reopened, at('2025-09-30T23:59:00Z'))).toBe(false);
    expect(isYearDueForLock(regular, reopened, at('2025-10-01T00:00:00Z'))).toBe(true);
  });
});

describe('reopening a school year', () => {
  const now = at('2025-09-10T12:00:00Z');
  const isInvalid = (field: string) => (error: unknown) =>
    error instanceof DomainError && error.code === ErrorCode.VALIDATION_FAILED && error.details.field === field;

  it('takes a future end and a trimmed reason', () => {
    expect(assertReopening({ until: '2025-09-20T20:59:00.000Z', reason: '  Two schools were late  ' }, now)).toStrictEqual({
      until: at('2025-09-20T20:59:00.000Z'),
      reason: 'Two schools were late',
    });
  });

  it('refuses an end that is not in the future or more than 365 days ahead', () => {
    assert.throws(() => assertReopening({ until: now.toISOString(), reason: 'Late schools' }, now), isInvalid('until'));
    assert.throws(() => assertReopening({ until: '2026-09-11T12:00:00Z', reason: 'Late schools' }, now), isInvalid('until'));
    assert.throws(() => assertReopening({ until: 'not a time', reason: 'Late schools' }, now), isInvalid('until'));
  });

  it('needs a reason of 3 to 1,000 characters', () => {
    const until = '2025-09-20T20:59:00Z';
    assert.throws(() => assertReopening({ until, reason: '  ab ' }, now), isInvalid('reason'));
    assert.throws(() => assertReopening({ until, reason: 'x'.repeat(1001) }, now), isInvalid('reason'));
    expect(assertReopening({ until, reason: 'x'.repeat(1000) }, now).reason).toHaveLength(1000);
  });
});
