import { DomainError, ErrorCode } from '@eq/shared/errors';
import { assertFundBudget, assertSchoolAllocation, BookingRefusal } from './bookingRules';
import type { FundPolicy } from './fundPolicy';
import { assertCanFundAttendance, semesterAllocationCents } from './fundQuota';
import { learnersInGrade, type LearnerCountsByGroup } from './learnerGroups';

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

export interface FundingAsk {
  schoolYear: string;
  grade: number;
  pupils: number;
  pricePerPupilCents: number;
}

/**
 * Whether the fund may pay for `pupils` more attendances: the school has locked learner counts
 * for the year, the grade's quota (activities × its learners per semester) holds, and the
 * school's semester allocation is not exceeded. With `fundUsedCents`, the fund's budget is
 * looked at too; without, the caller leaves it to the statement that takes the money.
 */
export function assertFundingAllows(policy: FundPolicy, funding: SchoolFunding, ask: FundingAsk, fundUsedCents: number | null): void {
  if (!funding.counts || funding.learners === null) {
    throw new DomainError(ErrorCode.CONFLICT, `The school's learner counts for ${ask.schoolYear} are not locked yet: it has no allocation to book from`, {
      reason: BookingRefusal.NO_LEARNER_COUNTS,
    });
  }
  assertCanFundAttendance(funding.gradeFunded, ask.pupils, learnersInGrade(funding.counts, ask.grade), policy.activitiesPerPupilPerSemester);
  const neededCents = ask.pupils * ask.pricePerPupilCents;
  assertSchoolAllocation({
    neededCents,
    allocationCents: semesterAllocationCents(funding.learners, policy.activitiesPerPupilPerSemester, policy.pricePerPupilCents),
    schoolUsedCents: funding.schoolUsedCents,
  });
  if (fundUsedCents !== null) assertFundBudget({ neededCents, fundBudgetCents: policy.attendanceBudgetCents, fundUsedCents });
}
