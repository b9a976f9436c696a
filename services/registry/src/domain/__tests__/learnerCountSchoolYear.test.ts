import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import { assertLearnerCountPolicy, DEFAULT_LEARNER_COUNT_POLICY, type LearnerCountPolicy } from '../learnerCountPolicy';
import {
  assertLockDeadlinePassed,
  assertSchoolYearHasBegun,
  lockDeadlineOf,
  parseSchoolYear,
  zonedTimeToInstant,
} from '../learnerCountSchoolYear';

const isCode = (code: ErrorCode) => (error: unknown) => error instanceof DomainError && error.code === code;

/** The source facts copied into the repository (docs/reference, with their sources). */
const rulesFile = fileURLToPath(new URL('../../../../../docs/reference/rules.json', import.meta.url));

describe('parseSchoolYear', () => {
  it('reads "2025/2026" as the year counted on 1 September 2025', () => {
    expect(parseSchoolYear(' 2025/2026 ', DEFAULT_LEARNER_COUNT_POLICY)).toStrictEqual({
      label: '2025/2026',
      startYear: 2025,
      asOf: '2025-09-01',
    });
  });

  it('refuses other spellings and years that are not consecutive', () => {
    for (const bad of ['2025-2026', '2025/26', '25/26', '2025', '2025/2025', '2025/2027', '2026/2025', '']) {
      assert.throws(
        () => parseSchoolYear(bad, DEFAULT_LEARNER_COUNT_POLICY),
        (e: unknown) => isCode(ErrorCode.VALIDATION_FAILED)(e) && (e as DomainError).details.field === 'schoolYear',
        bad,
      );
    }
  });

  it("refuses a school year before the policy's earliest (a mistyped year)", () => {
    assert.throws(() => parseSchoolYear('1025/1026', DEFAULT_LEARNER_COUNT_POLICY), /kept from school year 2000\/2001/);
    assert.doesNotThrow(() => parseSchoolYear('2000/2001', DEFAULT_LEARNER_COUNT_POLICY));
  });
});

describe('assertSchoolYearHasBegun', () => {
  const year = parseSchoolYear('2025/2026', DEFAULT_LEARNER_COUNT_POLICY);

  it("allows a report from 1 September on, in Latvia's calendar", () => {
    assert.doesNotThrow(() => assertSchoolYearHasBegun(year, '2025-09-01'));
    assert.doesNotThrow(() => assertSchoolYearHasBegun(year, '2030-01-01'));
  });

  it('refuses a report for a school year that has not begun', () => {
    assert.throws(() => assertSchoolYearHasBegun(year, '2025-08-31'), isCode(ErrorCode.VALIDATION_FAILED));
  });
});

describe('zonedTimeToInstant', () => {
  it('reads Riga summer time as UTC+3 and winter time as UTC+2', () => {
    expect(zonedTimeToInstant('2023-09-05', '23:59', 'Europe/Riga').toISOString()).toBe('2023-09-05T20:59:00.000Z');
    expect(zonedTimeToInstant('2024-01-15', '23:59', 'Europe/Riga').toISOString()).toBe('2024-01-15T21:59:00.000Z');
  });

  it('uses the offset in force on the day, either side of the autumn change (27 October 2024, 04:00 → 03:00)', () => {
    expect(zonedTimeToInstant('2024-10-26', '12:00', 'Europe/Riga').toISOString()).toBe('2024-10-26T09:00:00.000Z');
    expect(zonedTimeToInstant('2024-10-27', '12:00', 'Europe/Riga').toISOString()).toBe('2024-10-27T10:00:00.000Z');
  });

  it('reads a time repeated at the autumn change as its later occurrence', () => {
    // 03:30 happens twice on 27 October 2024: at 00:30 UTC (summer) and at 01:30 UTC (winter).
    expect(zonedTimeToInstant('2024-10-27', '03:30', 'Europe/Riga').toISOString()).toBe('2024-10-27T01:30:00.000Z');
  });

  it('moves a time skipped by the spring change one hour on', () => {
    // On 31 March 2024 Riga clocks go from 03:00 straight to 04:00; 03:30 is read as 04:30 summer time.
    expect(zonedTimeToInstant('2024-03-31', '03:30', 'Europe/Riga').toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(zonedTimeToInstant('2024-03-31', '02:30', 'Europe/Riga').toISOString()).toBe('2024-03-31T00:30:00.000Z');
  });
});

describe('lock deadline', () => {
  const year2023 = parseSchoolYear('2023/2024', DEFAULT_LEARNER_COUNT_POLICY);

  it('is 5 September 23:59 Riga time by default, the 2023 rule of rules.json', () => {
    const rules = JSON.parse(readFileSync(rulesFile, 'utf8')) as { learnerCounts: { lockDeadline2023: string } };
    expect(rules.learnerCounts.lockDeadline2023).toBe('2023-09-05T23:59 local time');
    expect(lockDeadlineOf(year2023, DEFAULT_LEARNER_COUNT_POLICY).toISOString()).toBe('2023-09-05T20:59:00.000Z');
  });

  it('applies the same local rule in other years', () => {
    expect(lockDeadlineOf(parseSchoolYear('2024/2025', DEFAULT_LEARNER_COUNT_POLICY), DEFAULT_LEARNER_COUNT_POLICY).toISOString()).toBe(
      '2024-09-05T20:59:00.000Z',
    );
  });

  it('refuses locking before the deadline with CONFLICT and allows it from the deadline on', () => {
    assert.throws(
      () => assertLockDeadlinePassed(year2023, new Date('2023-09-05T20:58:59.999Z'), DEFAULT_LEARNER_COUNT_POLICY),
      (e: unknown) =>
        isCode(ErrorCode.CONFLICT)(e) &&
        (e as DomainError).details.deadline === '2023-09-05T20:59:00.000Z' &&
        /2023-09-05 23:59 Europe\/Riga/.test((e as Error).message),
    );
    // 21:30 UTC is 00:30 on 6 September in Riga (summer time): past the deadline. Read as
    // winter time (UTC+2) the deadline would wrongly still be half an hour away.
    assert.doesNotThrow(() => assertLockDeadlinePassed(year2023, new Date('2023-09-05T21:30:00Z'), DEFAULT_LEARNER_COUNT_POLICY));
    expect(assertLockDeadlinePassed(year2023, new Date('2023-09-05T20:59:00Z'), DEFAULT_LEARNER_COUNT_POLICY).toISOString()).toBe(
      '2023-09-05T20:59:00.000Z',
    );
    assert.doesNotThrow(() => assertLockDeadlinePassed(year2023, new Date('2024-06-01T00:00:00Z'), DEFAULT_LEARNER_COUNT_POLICY));
  });

  it('follows a configured deadline, in winter time when it falls after the autumn change', () => {
    const policy: LearnerCountPolicy = {
      ...DEFAULT_LEARNER_COUNT_POLICY,
      lockDeadline: { month: 11, day: 1, time: '18:00', timeZone: 'Europe/Riga' },
    };
    expect(lockDeadlineOf(parseSchoolYear('2024/2025', policy), policy).toISOString()).toBe('2024-11-01T16:00:00.000Z');
  });
});

describe('assertLearnerCountPolicy', () => {
  it('accepts the default policy', () => {
    expect(assertLearnerCountPolicy(DEFAULT_LEARNER_COUNT_POLICY)).toBe(DEFAULT_LEARNER_COUNT_POLICY);
  });

  it('refuses an impossible deadline, an unknown time zone and a non-positive bound', () => {
    const base = DEFAULT_LEARNER_COUNT_POLICY;
    const bad: Array<[string, LearnerCountPolicy]> = [
      ['lockDeadline.month', { ...base, lockDeadline: { ...base.lockDeadline, month: 13 } }],
      ['lockDeadline.day', { ...base, lockDeadline: { ...base.lockDeadline, day: 31 } }],
      ['lockDeadline.day', { ...base, lockDeadline: { ...base.lockDeadline, month: 2, day: 29 } }],
      ['lockDeadline.time', { ...base, lockDeadline: { ...base.lockDeadline, time: '24:00' } }],
      ['lockDeadline.timeZone', { ...base, lockDeadline: { ...base.lockDeadline, timeZone: 'Europe/Atlantis' } }],
      ['maxLearnersPerGroup', { ...base, maxLearnersPerGroup: 0 }],
      ['earliestSchoolYearStart', { ...base, earliestSchoolYearStart: 1.5 }],
    ];
    for (const [field, policy] of bad) {
      assert.throws(
        () => assertLearnerCountPolicy(policy),
        (e: unknown) => isCode(ErrorCode.VALIDATION_FAILED)(e) && (e as DomainError).details.field === field,
        field,
      );
    }
  });
});
