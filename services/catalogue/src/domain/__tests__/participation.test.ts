import { describe, expect, it } from '@jest/globals';
import { gradeParticipation, PARTICIPATION_TARGET, summariseParticipation } from '../participation';

describe('gradeParticipation', () => {
  it('ranges from the largest attended group to the pupil-attendances, capped at the learners', () => {
    expect(gradeParticipation({ learners: 30, attendedGroups: [12, 15] })).toStrictEqual({ learners: 30, atLeast: 15, atMost: 27 });
    expect(gradeParticipation({ learners: 20, attendedGroups: [18, 18, 18] })).toStrictEqual({ learners: 20, atLeast: 18, atMost: 20 });
    expect(gradeParticipation({ learners: 20, attendedGroups: [] })).toStrictEqual({ learners: 20, atLeast: 0, atMost: 0 });
  });
});

describe('summariseParticipation', () => {
  it('meets the 85% target only when the lower bound does', () => {
    expect(PARTICIPATION_TARGET).toBe(0.85);
    const met = summariseParticipation([{ learners: 100, atLeast: 85, atMost: 100 }]);
    expect([met.rateAtLeast, met.rateAtMost, met.targetMet]).toStrictEqual([0.85, 1, true]);
    const unsure = summariseParticipation([
      { learners: 60, atLeast: 50, atMost: 60 },
      { learners: 40, atLeast: 30, atMost: 40 },
    ]);
    expect([unsure.learners, unsure.atLeast, unsure.rateAtLeast, unsure.targetMet]).toStrictEqual([100, 80, 0.8, false]);
    expect(summariseParticipation([]).targetMet).toBe(false);
  });
});
