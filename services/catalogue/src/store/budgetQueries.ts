import type { DataSource } from 'typeorm';
import type { FundPolicy } from '../domain/fundPolicy';
import { semesterAllocationCents } from '../domain/fundQuota';
import type { Semester } from '../domain/semesters';

/** One school's money for one semester, as `SchoolBudget` resolves it. */
export interface SchoolBudgetRow {
  institutionId: string;
  semester: string;
  learners: number;
  allocationCents: number;
  committedCents: number;
  spentCents: number;
  leftCents: number;
}

/**
 * Every school with locked learner counts for the semester's school year, or with bookings in
 * the semester, and its money: allocation (learners × activities × price), held by confirmed
 * bookings, spent on recorded attendance, and left.
 */
export async function schoolBudgets(db: DataSource, policy: FundPolicy, semester: Semester): Promise<SchoolBudgetRow[]> {
  const rows: Array<{ institution_id: string; learners: number | null; committed: string; spent: string }> = await db.query(
    `WITH locked AS (
       SELECT DISTINCT ON (institution_id) institution_id, total FROM learner_count_report
       WHERE school_year = $1 AND status = 'LOCKED' ORDER BY institution_id, state_at DESC
     ), used AS (
       SELECT institution_id, SUM(committed_cents) AS committed, SUM(cost_cents) AS spent FROM booking
       WHERE semester = $2 GROUP BY institution_id
     )
     SELECT COALESCE(l.institution_id, u.institution_id) AS institution_id, l.total AS learners,
            COALESCE(u.committed, 0) AS committed, COALESCE(u.spent, 0) AS spent
     FROM locked l FULL JOIN used u ON u.institution_id = l.institution_id
     ORDER BY 1`,
    [semester.schoolYear, semester.label],
  );
  return rows.map((row) => {
    const learners = row.learners ?? 0;
    const allocationCents = semesterAllocationCents(learners, policy.activitiesPerPupilPerSemester, policy.pricePerPupilCents);
    const committedCents = Number(row.committed);
    const spentCents = Number(row.spent);
    return {
      institutionId: row.institution_id,
      semester: semester.label,
      learners,
      allocationCents,
      committedCents,
      spentCents,
      leftCents: allocationCents - committedCents - spentCents,
    };
  });
}
