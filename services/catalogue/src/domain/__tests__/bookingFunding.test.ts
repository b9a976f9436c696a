import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@eq/shared/errors';
import { assertFundingAllows, schoolFundingIn, type SchoolFunding } from '../bookingFunding';
import { MEASURE_4221_POLICY } from '../fundPolicy';

const policy = { ...MEASURE_4221_POLICY, attendanceBudgetCents: 1_000_000 };
const semesterFund = (usedCents: number) => ({ semester: '2025/2026-2', budgetCents: 1_000_000, usedCents });
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
    assertFundingAllows(policy, funding, ask, semesterFund(990_000));
  });

  it("refuses with the reason a school can act on: counts, quota, allocation, the semester's budget", () => {
    expect(reasonOf(() => assertFundingAllows(policy, { ...funding, counts: null, learners: null }, ask, null))).toBe(
      'NO_LOCKED_LEARNER_COUNTS',
    );
    expect(reasonOf(() => assertFundingAllows(policy, { ...funding, gradeFunded: 31 }, ask, null))).toBe('PUPIL_QUOTA_EXCEEDED');
    expect(reasonOf(() => assertFundingAllows(policy, { ...funding, schoolUsedCents: 110_001 }, ask, null))).toBe(
      'SCHOOL_ALLOCATION_EXCEEDED',
    );
    expect(reasonOf(() => assertFundingAllows(policy, funding, ask, semesterFund(990_001)))).toBe('SEMESTER_BUDGET_EXCEEDED');
  });

  it('refuses a group larger than its grade in the locked counts, and takes the whole grade', () => {
    const grade8 = { ...ask, grade: 8 };
    const fresh = { ...funding, gradeFunded: 0, schoolUsedCents: 0 };
    expect(reasonOf(() => assertFundingAllows(policy, fresh, { ...grade8, pupils: 21 }, null))).toBe('GROUP_LARGER_THAN_GRADE');
    assertFundingAllows(policy, fresh, { ...grade8, pupils: 20 }, null);
    // A grade the school did not report has no learners: any group is larger than it.
    expect(reasonOf(() => assertFundingAllows(policy, fresh, { ...ask, grade: 3, pupils: 1 }, null))).toBe('GROUP_LARGER_THAN_GRADE');
  });
});

describe('schoolFundingIn', () => {
  const ledger = {
    usage: [
      { semester: '2025/2026-2', grade: 7, funded_pupils: 12, used_cents: '12000' },
      { semester: '2025/2026-2', grade: 8, funded_pupils: 5, used_cents: 7000 },
      { semester: '2026/2027-1', grade: 7, funded_pupils: 30, used_cents: 30000 },
    ],
    learnerCounts: [
      { school_year: '2025/2026', counts: { grade7: 10 }, total: 10 },
      { school_year: '2026/2027', counts: { grade7: 11 }, total: 11 },
    ],
  };

  it("sums the grade's funded pupils and all the school's money in the ask's semester only", () => {
    expect(schoolFundingIn(ledger, { semester: '2025/2026-2', schoolYear: '2025/2026', grade: 7 })).toStrictEqual({
      counts: { grade7: 10 },
      learners: 10,
      gradeFunded: 12,
      schoolUsedCents: 19_000,
    });
    expect(schoolFundingIn(ledger, { semester: '2026/2027-1', schoolYear: '2026/2027', grade: 8 })).toStrictEqual({
      counts: { grade7: 11 },
      learners: 11,
      gradeFunded: 0,
      schoolUsedCents: 30_000,
    });
  });

  it('has no counts for a school year whose learner counts are not locked', () => {
    const funding = schoolFundingIn(ledger, { semester: '2027/2028-1', schoolYear: '2027/2028', grade: 7 });
    expect(funding.counts).toBe(null);
    expect(funding.learners).toBe(null);
    expect(funding.schoolUsedCents).toBe(0);
  });
});
