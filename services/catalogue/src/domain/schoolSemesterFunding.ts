import type { SchoolLedger } from './bookingFunding';
import type { FundPolicy } from './fundPolicy';
import { remainingFundedAttendances, semesterAllocationCents } from './fundQuota';
import { learnersInGrade } from './learnerGroups';
import type { Semester } from './semesters';

export interface GradeFundingView {
  grade: number;
  learners: number;
  fundedPupils: number;
  remaining: number;
}

export interface SchoolSemesterFundingView {
  semester: string;
  allocationCents: number;
  usedCents: number;
  leftCents: number;
  grades: GradeFundingView[];
}

/** Grade 0 (pre-school, ages 5 and 6 together) and grades 1–12. */
const GRADES = Array.from({ length: 13 }, (_, grade) => grade);

/**
 * What a school may still book in a semester, by the same rules a booking is decided by
 * (`assertFundingAllows`): its allocation less the money its bookings hold or spent, and per
 * grade the funded pupil-attendances left of learners × activities. Null without locked counts
 * for the semester's school year (no allocation: every booking would be refused).
 */
export function schoolSemesterFunding(policy: FundPolicy, ledger: SchoolLedger, semester: Semester): SchoolSemesterFundingView | null {
  const report = ledger.learnerCounts.find((candidate) => candidate.school_year === semester.schoolYear);
  if (!report) return null;
  const usage = ledger.usage.filter((row) => row.semester === semester.label);
  const allocationCents = semesterAllocationCents(report.total, policy.activitiesPerPupilPerSemester, policy.pricePerPupilCents);
  const usedCents = usage.reduce((sum, row) => sum + Number(row.used_cents), 0);
  const grades = GRADES.map((grade) => {
    const learners = learnersInGrade(report.counts, grade);
    const fundedPupils = usage.filter((row) => row.grade === grade).reduce((sum, row) => sum + row.funded_pupils, 0);
    return {
      grade,
      learners,
      fundedPupils,
      remaining: remainingFundedAttendances(fundedPupils, learners, policy.activitiesPerPupilPerSemester),
    };
  }).filter((row) => row.learners > 0 || row.fundedPupils > 0);
  return { semester: semester.label, allocationCents, usedCents, leftCents: allocationCents - usedCents, grades };
}
