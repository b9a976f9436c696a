import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import { DEFAULT_LEARNER_COUNT_POLICY } from '../learnerCountPolicy';
import {
  assertInstitutionAcceptsReports,
  assertLearnerCounts,
  assertReportOpen,
  changeLearnerCountStatus,
  LEARNER_COUNT_STATUSES,
  LEARNER_GROUPS,
  nextLearnerCountStatus,
  totalLearners,
  type LearnerCountAction,
  type LearnerCountLifecycle,
  type LearnerCountStatus,
} from '../learnerCounts';

const isCode = (code: ErrorCode) => (error: unknown) => error instanceof DomainError && error.code === code;
const onField = (field: string) => (error: unknown) =>
  isCode(ErrorCode.VALIDATION_FAILED)(error) && (error as DomainError).details.field === field;

const zeros = () => Object.fromEntries(LEARNER_GROUPS.map((group) => [group, 0])) as Record<(typeof LEARNER_GROUPS)[number], number>;

describe('learner groups', () => {
  it('are pre-school ages 5 and 6 and grades 1-12, in that order', () => {
    expect(LEARNER_GROUPS).toStrictEqual(['preschoolAge5', 'preschoolAge6', ...Array.from({ length: 12 }, (_, i) => `grade${i + 1}`)]);
  });
});

describe('assertLearnerCounts', () => {
  it('accepts whole counts from zero to the policy bound and totals them', () => {
    const counts = {
      ...zeros(),
      preschoolAge5: 20,
      preschoolAge6: 22,
      grade1: 25,
      grade12: DEFAULT_LEARNER_COUNT_POLICY.maxLearnersPerGroup,
    };
    expect(assertLearnerCounts(counts, DEFAULT_LEARNER_COUNT_POLICY)).toStrictEqual(counts);
    expect(totalLearners(counts)).toBe(20 + 22 + 25 + 5000);
  });

  it('accepts an institution with no learners in any group (total 0)', () => {
    expect(totalLearners(assertLearnerCounts(zeros(), DEFAULT_LEARNER_COUNT_POLICY))).toBe(0);
  });

  it('refuses a negative, fractional or non-finite count, naming the grade', () => {
    for (const bad of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(
        () => assertLearnerCounts({ ...zeros(), grade3: bad }, DEFAULT_LEARNER_COUNT_POLICY),
        onField('counts.grade3'),
        String(bad),
      );
    }
  });

  it('refuses a count above the policy bound (an implausible grade size)', () => {
    assert.throws(() => assertLearnerCounts({ ...zeros(), grade7: 5001 }, DEFAULT_LEARNER_COUNT_POLICY), onField('counts.grade7'));
    assert.doesNotThrow(() => assertLearnerCounts({ ...zeros(), grade7: 5001 }, { maxLearnersPerGroup: 6000 }));
  });

  it('refuses a missing group rather than reading it as zero', () => {
    const { grade10: _omitted, ...rest } = zeros();
    assert.throws(() => assertLearnerCounts(rest, DEFAULT_LEARNER_COUNT_POLICY), onField('counts.grade10'));
    assert.throws(
      () => assertLearnerCounts({ ...zeros(), preschoolAge6: null }, DEFAULT_LEARNER_COUNT_POLICY),
      onField('counts.preschoolAge6'),
    );
  });

  it('keeps only the known groups', () => {
    const counts = assertLearnerCounts({ ...zeros(), grade13: 4 } as never, DEFAULT_LEARNER_COUNT_POLICY);
    expect(Object.keys(counts)).toStrictEqual([...LEARNER_GROUPS]);
  });
});

describe('nextLearnerCountStatus', () => {
  /** Every allowed transition; everything else must be a CONFLICT. */
  const allowed: Array<[LearnerCountStatus, LearnerCountAction, LearnerCountStatus]> = [
    ['DRAFT', 'EDIT', 'DRAFT'],
    ['DRAFT', 'CONFIRM', 'CONFIRMED'],
    ['CONFIRMED', 'APPROVE', 'APPROVED'],
    ['CONFIRMED', 'REOPEN', 'DRAFT'],
    ['APPROVED', 'REOPEN', 'DRAFT'],
    ['APPROVED', 'LOCK', 'LOCKED'],
  ];
  const actions: LearnerCountAction[] = ['EDIT', 'CONFIRM', 'APPROVE', 'REOPEN', 'LOCK'];

  it('follows draft → confirmed → approved, reopening back to draft, and locking approved reports only', () => {
    for (const [from, action, to] of allowed) expect(nextLearnerCountStatus(from, action)).toBe(to);
  });

  it('refuses every other transition with CONFLICT', () => {
    for (const from of LEARNER_COUNT_STATUSES) {
      for (const action of actions) {
        if (allowed.some(([f, a]) => f === from && a === action)) continue;
        assert.throws(() => nextLearnerCountStatus(from, action), isCode(ErrorCode.CONFLICT), `${from} ${action}`);
      }
    }
  });

  it('refuses every action on a locked report with the same clear reason', () => {
    for (const action of actions)
      assert.throws(() => nextLearnerCountStatus('LOCKED', action), /locked: the ministry closed its school year/);
    assert.throws(() => assertReportOpen('LOCKED'), isCode(ErrorCode.CONFLICT));
    for (const status of ['DRAFT', 'CONFIRMED', 'APPROVED'] as const) assert.doesNotThrow(() => assertReportOpen(status));
  });

  it('tells how to correct a confirmed or approved report', () => {
    assert.throws(() => nextLearnerCountStatus('CONFIRMED', 'EDIT'), /cancel the confirmation \(reopen it\)/);
    assert.throws(() => nextLearnerCountStatus('APPROVED', 'EDIT'), /the founder must reopen it/);
    assert.throws(() => nextLearnerCountStatus('DRAFT', 'APPROVE'), /must confirm it before the founder approves/);
  });

  it('leaves a report that is not approved out of the lock, saying so', () => {
    assert.throws(() => nextLearnerCountStatus('DRAFT', 'LOCK'), /only approved reports are locked \(and funded\)/);
    assert.throws(() => nextLearnerCountStatus('CONFIRMED', 'LOCK'), /not approved by the founder/);
  });
});

describe('changeLearnerCountStatus', () => {
  const earlier = new Date('2024-09-02T08:00:00Z');
  const now = new Date('2024-09-03T10:00:00Z');
  const draft: LearnerCountLifecycle = { status: 'DRAFT', confirmedAt: null, approvedAt: null, lockedAt: null };

  it('stamps confirmation and approval and lists what changed', () => {
    const confirmed = changeLearnerCountStatus(draft, 'CONFIRM', now);
    expect(confirmed).toStrictEqual({
      next: { status: 'CONFIRMED', confirmedAt: now, approvedAt: null, lockedAt: null },
      changedFields: ['status', 'confirmedAt'],
    });
    const approved = changeLearnerCountStatus({ ...draft, status: 'CONFIRMED', confirmedAt: earlier }, 'APPROVE', now);
    expect(approved.next).toStrictEqual({ status: 'APPROVED', confirmedAt: earlier, approvedAt: now, lockedAt: null });
    expect(approved.changedFields).toStrictEqual(['status', 'approvedAt']);
  });

  it('clears the confirmation and the approval when a report is reopened', () => {
    const reopened = changeLearnerCountStatus(
      { status: 'APPROVED', confirmedAt: earlier, approvedAt: earlier, lockedAt: null },
      'REOPEN',
      now,
    );
    expect(reopened.next).toStrictEqual(draft);
    expect(reopened.changedFields).toStrictEqual(['status', 'confirmedAt', 'approvedAt']);
  });

  it('keeps the confirmation and the approval when locking', () => {
    const approvedThenLocked = changeLearnerCountStatus(
      { status: 'APPROVED', confirmedAt: earlier, approvedAt: earlier, lockedAt: null },
      'LOCK',
      now,
    );
    expect(approvedThenLocked.next).toStrictEqual({ status: 'LOCKED', confirmedAt: earlier, approvedAt: earlier, lockedAt: now });
    expect(approvedThenLocked.changedFields).toStrictEqual(['status', 'lockedAt']);
  });
});

describe('assertInstitutionAcceptsReports', () => {
  it('accepts an active institution and refuses a liquidated one with CONFLICT', () => {
    assert.doesNotThrow(() => assertInstitutionAcceptsReports({ name: 'Rīgas 1. vidusskola', status: 'ACTIVE' }));
    assert.throws(
      () => assertInstitutionAcceptsReports({ name: 'Rīgas 1. vidusskola', status: 'LIQUIDATED' }),
      /Rīgas 1\. vidusskola is liquidated/,
    );
  });
});
