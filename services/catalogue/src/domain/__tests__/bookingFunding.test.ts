import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@eq/shared/errors';
import { assertFundingAllows, type SchoolFunding } from '../bookingFunding';
import { MEASURE_4221_POLICY } from '../fundPolicy';

const policy = { ...MEASURE_4221_POLICY, attendanceBudgetCents: 1_000_000 };
// 10 pupils in grade 7, 20 in grade 8: grade 7 may have 40 funded attendances, the school €1,200.
const funding: SchoolFunding = { counts: { grade7: 10, grade8: 20 }, learners: 30, gradeFunded: 30, schoolUsedCents: 30_000 };
const ask = { schoolYear: '2025/2026', grade: 7, pupils: 10, pricePerPupilCents: 1000 };

function reasonOf(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DomainError);
    return error.details?.reason;
  }
  assert.fail('expected a refusal');
}

describe('assertFundingAllows', () => {
  it("funds a grade's quota and the school's allocation to the last pupil and cent", () => {
    assertFundingAllows(policy, funding, ask, null);
    assertFundingAllows(policy, funding, ask, 990_000);
  });

  it('refuses with the reason a school can act on: counts, quota, allocation, fund', () => {
    assert.equal(reasonOf(() => assertFundingAllows(policy, { ...funding, counts: null, learners: null }, ask, null)), 'NO_LOCKED_LEARNER_COUNTS');
    assert.equal(reasonOf(() => assertFundingAllows(policy, { ...funding, gradeFunded: 31 }, ask, null)), 'PUPIL_QUOTA_EXCEEDED');
    assert.equal(reasonOf(() => assertFundingAllows(policy, { ...funding, schoolUsedCents: 110_001 }, ask, null)), 'SCHOOL_ALLOCATION_EXCEEDED');
    assert.equal(reasonOf(() => assertFundingAllows(policy, funding, ask, 990_001)), 'FUND_BUDGET_EXCEEDED');
  });
});
