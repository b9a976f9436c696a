import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import {
  ACTIVITY_STATUSES,
  changeStatus,
  nextStatus,
  reviewAction,
  type ActivityAction,
  type ActivityStatus,
  type LifecycleState,
} from '../activityLifecycle';

const isCode = (code: ErrorCode) => (error: unknown) => error instanceof DomainError && error.code === code;

describe('nextStatus', () => {
  /** Every allowed transition; everything else must be a CONFLICT. */
  const allowed: Array<[ActivityStatus, ActivityAction, ActivityStatus]> = [
    ['DRAFT', 'SUBMIT', 'SUBMITTED'],
    ['RETURNED', 'SUBMIT', 'SUBMITTED'],
    ['SUBMITTED', 'PUBLISH', 'PUBLISHED'],
    ['SUBMITTED', 'RETURN', 'RETURNED'],
    ['DRAFT', 'WITHDRAW', 'WITHDRAWN'],
    ['SUBMITTED', 'WITHDRAW', 'WITHDRAWN'],
    ['RETURNED', 'WITHDRAW', 'WITHDRAWN'],
    ['PUBLISHED', 'WITHDRAW', 'WITHDRAWN'],
  ];

  it('follows draft → submitted → published, returned → submitted again, and withdrawal from any live status', () => {
    for (const [from, action, to] of allowed) expect(nextStatus(from, action)).toBe(to);
  });

  it('refuses every other transition with CONFLICT (no publishing a draft, nothing after withdrawal)', () => {
    const actions: ActivityAction[] = ['SUBMIT', 'PUBLISH', 'RETURN', 'WITHDRAW'];
    for (const from of ACTIVITY_STATUSES) {
      for (const action of actions) {
        if (allowed.some(([f, a]) => f === from && a === action)) continue;
        assert.throws(() => nextStatus(from, action), isCode(ErrorCode.CONFLICT), `${from} ${action}`);
      }
    }
  });

  it('says what was refused in words', () => {
    assert.throws(() => nextStatus('DRAFT', 'PUBLISH'), /A draft activity cannot be published/);
  });
});

describe('reviewAction', () => {
  it('needs a reason to return an activity', () => {
    for (const reason of [undefined, null, '', '   ']) {
      assert.throws(
        () => reviewAction('RETURN', reason),
        (e: unknown) => isCode(ErrorCode.VALIDATION_FAILED)(e) && (e as DomainError).details.field === 'reason',
      );
    }
  });

  it('returns with the trimmed reason and publishes with or without one', () => {
    expect(reviewAction('RETURN', '  Add the curriculum link ')).toStrictEqual({ action: 'RETURN', reason: 'Add the curriculum link' });
    expect(reviewAction('PUBLISH', undefined)).toStrictEqual({ action: 'PUBLISH', reason: null });
  });

  it('refuses a reason over 2000 characters', () => {
    assert.throws(() => reviewAction('RETURN', 'x'.repeat(2001)), isCode(ErrorCode.VALIDATION_FAILED));
  });
});

describe('changeStatus', () => {
  const now = new Date('2025-03-01T10:00:00Z');
  const submitted: LifecycleState = { status: 'SUBMITTED', statusReason: null, publishedAt: null };

  it('publishing stamps publishedAt and names the changed fields', () => {
    const { next, changedFields } = changeStatus(submitted, 'PUBLISH', null, now);
    expect(next).toStrictEqual({ status: 'PUBLISHED', statusReason: null, publishedAt: now });
    expect(changedFields).toStrictEqual(['status', 'publishedAt']);
  });

  it('returning keeps the reason; submitting again clears it', () => {
    const returned = changeStatus(submitted, 'RETURN', 'Too vague', now);
    expect(returned.next).toStrictEqual({ status: 'RETURNED', statusReason: 'Too vague', publishedAt: null });
    expect(returned.changedFields).toStrictEqual(['status', 'statusReason']);
    const resubmitted = changeStatus(returned.next, 'SUBMIT', null, now);
    expect(resubmitted.next).toStrictEqual({ status: 'SUBMITTED', statusReason: null, publishedAt: null });
    expect(resubmitted.changedFields).toStrictEqual(['status', 'statusReason']);
  });

  it('withdrawing a published activity keeps when it was published', () => {
    const published: LifecycleState = { status: 'PUBLISHED', statusReason: null, publishedAt: new Date('2025-01-01T00:00:00Z') };
    const { next, changedFields } = changeStatus(published, 'WITHDRAW', 'Museum closed for renovation', now);
    expect(next).toStrictEqual({ status: 'WITHDRAWN', statusReason: 'Museum closed for renovation', publishedAt: published.publishedAt });
    expect(changedFields).toStrictEqual(['status', 'statusReason']);
  });

  it('changes nothing when the transition is not allowed', () => {
    assert.throws(
      () => changeStatus({ status: 'WITHDRAWN', statusReason: null, publishedAt: null }, 'SUBMIT', null, now),
      isCode(ErrorCode.CONFLICT),
    );
  });
});
