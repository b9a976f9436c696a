import { describe, expect, it } from '@jest/globals';
import { assertFundingAllows, schoolFundingIn, type SchoolLedger } from '../bookingFunding';
import { MEASURE_4221_POLICY } from '../fundPolicy';
import { schoolSemesterFunding } from '../schoolSemesterFunding';

const policy = { ...MEASURE_4221_POLICY, activitiesPerPupilPerSemester: 4, pricePerPupilCents: 1000 };
const spring = { label: '2025/2026-2', schoolYear: '2025/2026' };
// 10 pupils in grade 7, 20 in grade 8, 3 + 2 pre-school: 35 learners, €1,400 a semester at 4 × €10.
const ledger: SchoolLedger = {
  learnerCounts: [{ school_year: '2025/2026', counts: { preschoolAge5: 3, preschoolAge6: 2, grade7: 10, grade8: 20 }, total: 35 }],
  usage: [
    { semester: '2025/2026-2', grade: 7, funded_pupils: 30, used_cents: '30000' },
    { semester: '2025/2026-2', grade: 3, funded_pupils: 2, used_cents: 2000 },
    { semester: '2025/2026-1', grade: 8, funded_pupils: 80, used_cents: 80000 },
  ],
};

describe('schoolSemesterFunding: what a school may still book in a semester', () => {
  it("gives the allocation less the money used, and per grade the funded attendances left of the semester's quota", () => {
    expect(schoolSemesterFunding(policy, ledger, spring)).toEqual({
      semester: '2025/2026-2',
      allocationCents: 140_000,
      usedCents: 32_000,
      leftCents: 108_000,
      grades: [
        { grade: 0, learners: 5, fundedPupils: 0, remaining: 20 },
        { grade: 3, learners: 0, fundedPupils: 2, remaining: 0 },
        { grade: 7, learners: 10, fundedPupils: 30, remaining: 10 },
        { grade: 8, learners: 20, fundedPupils: 0, remaining: 80 },
      ],
    });
  });

  it('agrees with the booking decision: the remaining count of a grade is funded, one more is not', () => {
    const remaining = schoolSemesterFunding(policy, ledger, spring)!.grades.find((row) => row.grade === 7)!.remaining;
    const funding = schoolFundingIn(ledger, { semester: spring.label, schoolYear: spring.schoolYear, grade: 7 });
    const ask = { schoolYear: spring.schoolYear, grade: 7, pricePerPupilCents: policy.pricePerPupilCents };
    expect(() => assertFundingAllows(policy, funding, { ...ask, pupils: remaining }, null)).not.toThrow();
    expect(() => assertFundingAllows(policy, funding, { ...ask, pupils: remaining + 1 }, null)).toThrow();
  });

  it('is null without locked learner counts for the semester’s school year', () => {
    expect(schoolSemesterFunding(policy, ledger, { label: '2026/2027-1', schoolYear: '2026/2027' })).toBeNull();
  });
});
