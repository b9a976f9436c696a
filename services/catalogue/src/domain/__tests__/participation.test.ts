import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gradeParticipation, PARTICIPATION_TARGET, summariseParticipation } from '../participation';

describe('gradeParticipation', () => {
  it('ranges from the largest attended group to the pupil-attendances, capped at the learners', () => {
    assert.deepEqual(gradeParticipation({ learners: 30, attendedGroups: [12, 15] }), { learners: 30, atLeast: 15, atMost: 27 });
    assert.deepEqual(gradeParticipation({ learners: 20, attendedGroups: [18, 18, 18] }), { learners: 20, atLeast: 18, atMost: 20 });
    assert.deepEqual(gradeParticipation({ learners: 20, attendedGroups: [] }), { learners: 20, atLeast: 0, atMost: 0 });
  });
});

describe('summariseParticipation', () => {
  it('meets the 85% target only when the lower bound does', () => {
    assert.equal(PARTICIPATION_TARGET, 0.85);
    const met = summariseParticipation([{ learners: 100, atLeast: 85, atMost: 100 }]);
    assert.deepEqual([met.rateAtLeast, met.rateAtMost, met.targetMet], [0.85, 1, true]);
    const unsure = summariseParticipation([{ learners: 60, atLeast: 50, atMost: 60 }, { learners: 40, atLeast: 30, atMost: 40 }]);
    assert.deepEqual([unsure.learners, unsure.atLeast, unsure.rateAtLeast, unsure.targetMet], [100, 80, 0.8, false]);
    assert.equal(summariseParticipation([]).targetMet, false);
  });
});
