import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import type { PsychologistStatusCode } from '../psychologistRules';
import { activityInForce, assertStatusDecision, PERSON_EXCLUDED, type StatusDecisionKind } from '../statusDecisions';

const decision = { number: 'PSP-2024/50', date: '2024-06-01' };
const subject = (status: PsychologistStatusCode) => ({ name: 'Anna Bērziņa', status, latestDecisionDate: '2024-01-10' });
const ALL: PsychologistStatusCode[] = ['REGISTERED', 'CERTIFIED', 'SUSPENDED', 'TERMINATED', 'EXCLUDED', 'RESTORED'];

/** Which decision may be taken from which status (the policy in statusDecisions.ts), as a table. */
const TABLE: Record<StatusDecisionKind, { to: PsychologistStatusCode; from: PsychologistStatusCode[] }> = {
  SUSPEND: { to: 'SUSPENDED', from: ['REGISTERED', 'CERTIFIED', 'RESTORED'] },
  TERMINATE: { to: 'TERMINATED', from: ['REGISTERED', 'CERTIFIED', 'RESTORED', 'SUSPENDED'] },
  EXCLUDE: { to: 'EXCLUDED', from: ['REGISTERED', 'CERTIFIED', 'RESTORED', 'SUSPENDED', 'TERMINATED'] },
  RESTORE: { to: 'RESTORED', from: ['SUSPENDED', 'TERMINATED'] },
};

describe('psychologist status decisions', () => {
  for (const [kind, { to, from }] of Object.entries(TABLE) as Array<[StatusDecisionKind, (typeof TABLE)[StatusDecisionKind]]>) {
    it(`${kind.toLowerCase()} leads to ${to} from ${from.join(', ')} and is refused with CONFLICT from the other statuses`, () => {
      for (const status of ALL) {
        if (from.includes(status)) expect(assertStatusDecision(subject(status), kind, decision)).toBe(to);
        else assert.throws(() => assertStatusDecision(subject(status), kind, decision), { code: 'CONFLICT' }, `${kind} from ${status}`);
      }
    });
  }

  it('refuses every decision on an excluded person with the PERSON_EXCLUDED reason', () => {
    for (const kind of Object.keys(TABLE) as StatusDecisionKind[]) {
      assert.throws(() => assertStatusDecision(subject('EXCLUDED'), kind, decision), {
        code: 'CONFLICT',
        details: { reason: PERSON_EXCLUDED },
      });
    }
  });

  it('lets a restore reopen an excluded entry only when the policy allows it, and nothing else', () => {
    const policy = { restoreAfterExclusion: true };
    expect(assertStatusDecision(subject('EXCLUDED'), 'RESTORE', decision, policy)).toBe('RESTORED');
    assert.throws(() => assertStatusDecision(subject('EXCLUDED'), 'SUSPEND', decision, policy), { details: { reason: PERSON_EXCLUDED } });
  });

  it('refuses a decision dated before the latest decision on record', () => {
    assert.throws(() => assertStatusDecision(subject('CERTIFIED'), 'SUSPEND', { ...decision, date: '2024-01-09' }), {
      code: 'VALIDATION_FAILED',
      details: { field: 'decision.date' },
    });
    expect(assertStatusDecision(subject('CERTIFIED'), 'SUSPEND', { ...decision, date: '2024-01-10' })).toBe('SUSPENDED');
  });

  it('keeps the professional activity in force for registered, certified and restored psychologists, nobody else', () => {
    expect(ALL.filter(activityInForce)).toStrictEqual(['REGISTERED', 'CERTIFIED', 'RESTORED']);
  });
});
