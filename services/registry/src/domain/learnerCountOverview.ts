import { LEARNER_COUNT_STATUSES, type LearnerCountStatus } from './learnerCounts';

/**
 * The institution types that report learners as of 1 September: general education (grades
 * 1-12) and pre-school (ages 5 and 6), the groups a report counts. Interest-education,
 * professional-orientation and vocational institutions have no such grades, so a founder is
 * not asked for their reports (one they filed anyway still shows).
 */
export const REPORTING_INSTITUTION_TYPES: readonly string[] = [
  'PRESCHOOL',
  'PRIMARY_SCHOOL',
  'BASIC_SCHOOL',
  'SECONDARY_SCHOOL',
  'GYMNASIUM',
  'STATE_GYMNASIUM',
  'SPECIAL_SCHOOL',
  'INTERNATIONAL_SCHOOL',
  'EVENING_OR_DISTANCE_SCHOOL',
];

/** Where an institution stands in the overview: its report's status, or MISSING (none yet). */
export type OverviewStatus = LearnerCountStatus | 'MISSING';
export const OVERVIEW_STATUSES: readonly OverviewStatus[] = ['MISSING', ...LEARNER_COUNT_STATUSES];

export interface OverviewInstitution {
  id: string;
  name: string;
  type: string;
  status: string;
}

export interface OverviewReport {
  institutionId: string;
  status: LearnerCountStatus;
  total: number;
}

export interface OverviewLine<I extends OverviewInstitution, R extends OverviewReport> {
  institution: I;
  status: OverviewStatus;
  report: R | null;
}

export interface Overview<I extends OverviewInstitution, R extends OverviewReport> {
  lines: Array<OverviewLine<I, R>>;
  countsByStatus: Record<OverviewStatus, number>;
  /** Learners in all reports, whatever their status. */
  reportedTotal: number;
  /** Learners in approved and locked reports: what the founder vouches for. */
  approvedTotal: number;
}

/**
 * A founder's institutions for one school year: each active institution of a reporting type,
 * and any other that filed a report, with its status (MISSING where there is no report), in
 * name order; counts per status and totals.
 */
export function municipalityOverview<I extends OverviewInstitution, R extends OverviewReport>(
  institutions: readonly I[],
  reports: readonly R[],
): Overview<I, R> {
  const byInstitution = new Map(reports.map((report) => [report.institutionId, report]));
  const lines = institutions
    .filter(
      (institution) =>
        byInstitution.has(institution.id) || (institution.status === 'ACTIVE' && REPORTING_INSTITUTION_TYPES.includes(institution.type)),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'lv') || a.id.localeCompare(b.id))
    .map((institution) => {
      const report = byInstitution.get(institution.id) ?? null;
      return { institution, status: report?.status ?? ('MISSING' as const), report };
    });
  const countsByStatus = Object.fromEntries(OVERVIEW_STATUSES.map((status) => [status, 0])) as Record<OverviewStatus, number>;
  let reportedTotal = 0;
  let approvedTotal = 0;
  for (const line of lines) {
    countsByStatus[line.status] += 1;
    reportedTotal += line.report?.total ?? 0;
    if (line.status === 'APPROVED' || line.status === 'LOCKED') approvedTotal += line.report?.total ?? 0;
  }
  return { lines, countsByStatus, reportedTotal, approvedTotal };
}
