import { DomainError, ErrorCode } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { assertCanFundAttendance } from '../domain/fundQuota';
import { assertMoneyAvailable, BookingRefusal } from '../domain/bookingRules';
import { learnersInGrade, type LearnerCountsByGroup } from '../domain/learnerGroups';
import { semesterAllocationCents } from '../domain/fundQuota';
import type { FundPolicy } from '../domain/fundPolicy';

export interface FundTotals {
  committedCents: number;
  spentCents: number;
}

/**
 * Locks the fund's ledger row (FOR UPDATE) and returns its totals. Every write that moves money
 * or seats takes this lock first, so decisions on the budget, a school's allocation, a grade's
 * quota and a session's seats are made one at a time and always on committed numbers.
 */
export async function lockFund(manager: EntityManager): Promise<FundTotals> {
  const rows: Array<{ committed_cents: string; spent_cents: string }> = await manager.query(
    `SELECT committed_cents, spent_cents FROM fund_ledger WHERE id = 'attendance' FOR UPDATE`,
  );
  return { committedCents: Number(rows[0]!.committed_cents), spentCents: Number(rows[0]!.spent_cents) };
}

/** Moves the fund's totals (the caller holds the lock). */
export async function adjustFund(manager: EntityManager, committedDelta: number, spentDelta: number): Promise<void> {
  if (committedDelta === 0 && spentDelta === 0) return;
  await manager.query(`UPDATE fund_ledger SET committed_cents = committed_cents + $1, spent_cents = spent_cents + $2 WHERE id = 'attendance'`, [
    committedDelta,
    spentDelta,
  ]);
}

export interface LockedLearnerCounts {
  counts: LearnerCountsByGroup;
  total: number;
}

/** The school's learner counts for a school year once the ministry has locked them. */
export async function lockedLearnerCounts(manager: EntityManager, institutionId: string, schoolYear: string): Promise<LockedLearnerCounts | null> {
  const rows: Array<{ counts: LearnerCountsByGroup; total: number }> = await manager.query(
    `SELECT counts, total FROM learner_count_report WHERE institution_id = $1 AND school_year = $2 AND status = 'LOCKED'
     ORDER BY state_at DESC LIMIT 1`,
    [institutionId, schoolYear],
  );
  return rows[0] ?? null;
}

export interface FundingRequest {
  institutionId: string;
  schoolYear: string;
  semester: string;
  grade: number;
  pupils: number;
  pricePerPupilCents: number;
}

/**
 * Whether the fund may pay for `pupils` more attendances: the school has locked learner counts
 * for the year, the grade's quota (4 × its learners per semester) holds, and neither the
 * school's semester allocation nor the fund's budget is exceeded. Throws the refusal.
 */
export async function assertFundable(manager: EntityManager, policy: FundPolicy, fund: FundTotals, request: FundingRequest): Promise<void> {
  const learners = await lockedLearnerCounts(manager, request.institutionId, request.schoolYear);
  if (!learners) {
    throw new DomainError(ErrorCode.CONFLICT, `The school's learner counts for ${request.schoolYear} are not locked yet: it has no allocation to book from`, {
      reason: BookingRefusal.NO_LEARNER_COUNTS,
    });
  }
  const [usage]: Array<{ grade_funded: string; school_used: string }> = await manager.query(
    `SELECT COALESCE(SUM(CASE WHEN grade = $3 THEN
               CASE status WHEN 'CONFIRMED' THEN pupils WHEN 'ATTENDED' THEN attended_pupils ELSE 0 END
             ELSE 0 END), 0) AS grade_funded,
            COALESCE(SUM(committed_cents + cost_cents), 0) AS school_used
     FROM booking WHERE institution_id = $1 AND semester = $2`,
    [request.institutionId, request.semester, request.grade],
  );
  assertCanFundAttendance(Number(usage!.grade_funded), request.pupils, learnersInGrade(learners.counts, request.grade), policy.activitiesPerPupilPerSemester);
  assertMoneyAvailable({
    neededCents: request.pupils * request.pricePerPupilCents,
    allocationCents: semesterAllocationCents(learners.total, policy.activitiesPerPupilPerSemester, policy.pricePerPupilCents),
    schoolUsedCents: Number(usage!.school_used),
    fundBudgetCents: policy.attendanceBudgetCents,
    fundUsedCents: fund.committedCents + fund.spentCents,
  });
}
