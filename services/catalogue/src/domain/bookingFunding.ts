import { DomainError, ErrorCode } from '@eq/shared/errors';
import { assertSchoolAllocation, assertSemesterBudget, BookingRefusal } from './bookingRules';
import type { FundPolicy } from './fundPolicy';
import { assertCanFundAttendance, semesterAllocationCents } from './fundQuota';
import { learnersInGrade, type LearnerCountsByGroup } from './learnerGroups';
import type { SemesterFund } from './semesterBudgets';

/** What the school has and uses in the semester, as read under its semester lock. */
export interface SchoolFunding {
  /** The latest locked learner-count report of the school year (null: not locked). */
  counts: LearnerCountsByGroup | null;
  learners: number | null;
  /** Pupil-attendances of the grade already funded this semester (confirmed or attended). */
  gradeFunded: number;
  /** Money the school's bookings hold or spent this semester. */
  schoolUsedCents: number;
}

/**
 * A school's bookings summed per semester and grade, and its latest locked learner counts per
 * school year, as the database's `school_semester_usage` and `locked_learner_counts` give them
 * (for the semesters and years a decision may look at).
 */
export interface SchoolLedger {
  usage: Array<{ semester: string; grade: number; funded_pupils: number; used_cents: number | string }>;
  learnerCounts: Array<{ school_year: string; counts: LearnerCountsByGroup; total: number }>;
}

/** What the school has and uses in the ask's semester, from its ledger. */
export function schoolFundingIn(ledger: SchoolLedger, ask: { semester: string; schoolYear: string; grade: number }): SchoolFunding {
  const report = ledger.learnerCounts.find((candidate) => candidate.school_year === ask.schoolYear);
  let gradeFunded = 0;
  let schoolUsedCents = 0;
  for (const row of ledger.usage) {
    if (row.semester !== ask.semester) continue;
    schoolUsedCents += Number(row.used_cents);
    if (row.grade === ask.grade) gradeFunded += row.funded_pupils;
  }
  return { counts: report?.counts ?? null, learners: report?.total ?? null, gradeFunded, schoolUsedCents };
}

export interface FundingAsk {
  schoolYear: string;
  grade: number;
  pupils: number;
  pricePerPupilCents: number;
}

/**
 * Whether the fund may pay for `pupils` more attendances: the school has locked learner counts
 * for the year, the grade's quota (activities × its learners per semester) holds, and the
 * school's semester allocation is not exceeded. With `semesterFund`, the fund's budget for the
 * semester is looked at too; without, the caller leaves it to the statement that takes the money.
 */
export function assertFundingAllows(policy: FundPolicy, funding: SchoolFunding, ask: FundingAsk, semesterFund: SemesterFund | null): void {
  if (!funding.counts || funding.learners === null) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      `The school's learner counts for ${ask.schoolYear} are not locked yet: it has no allocation to book from`,
      {
        reason: BookingRefusal.NO_LEARNER_COUNTS,
      },
    );
  }
  const gradeLearners = learnersInGrade(funding.counts, ask.grade);
  // A group is pupils of one grade: it cannot be larger than the grade the school reported.
  if (ask.pupils > gradeLearners) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `A group of ${ask.pupils} is larger than grade ${ask.grade}, which has ${gradeLearners} learners in the locked counts of ${ask.schoolYear}`,
      { field: 'pupils', reason: BookingRefusal.GROUP_LARGER_THAN_GRADE, gradeLearners },
    );
  }
  assertCanFundAttendance(funding.gradeFunded, ask.pupils, gradeLearners, policy.activitiesPerPupilPerSemester);
  const neededCents = ask.pupils * ask.pricePerPupilCents;
  assertSchoolAllocation({
    neededCents,
    allocationCents: semesterAllocationCents(funding.learners, policy.activitiesPerPupilPerSemester, policy.pricePerPupilCents),
    schoolUsedCents: funding.schoolUsedCents,
  });
  if (semesterFund) {
    assertSemesterBudget({
      neededCents,
      semester: semesterFund.semester,
      semesterBudgetCents: semesterFund.budgetCents,
      semesterUsedCents: semesterFund.usedCents,
    });
  }
}
