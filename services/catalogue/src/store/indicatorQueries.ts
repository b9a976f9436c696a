import type { RegistryInstitutionState } from '@eq/shared';
import type { DataSource } from 'typeorm';
import { learnersInGrade, type LearnerCountsByGroup } from '../domain/learnerGroups';
import { gradeParticipation, summariseParticipation, type ParticipationRange, type ParticipationSummary } from '../domain/participation';
import type { FundPolicy } from '../domain/fundPolicy';
import type { Semester } from '../domain/semesters';
import { summariseChoices, type LearningChoiceCounts } from '../domain/learningChoices';
import { schoolBudgets } from './budgetQueries';
import { listLearningChoiceReports } from './learningChoiceReports';

export type AreaLevel = 'SCHOOL' | 'MUNICIPALITY' | 'PLANNING_REGION' | 'COUNTRY';

const GRADES = Array.from({ length: 13 }, (_, grade) => grade);

/** Where a school counts: its first implementation place's municipality (else its founder's), and its region. */
async function areasOf(db: DataSource, institutionIds: string[]): Promise<Map<string, { municipality: string; region: string }>> {
  if (institutionIds.length === 0) return new Map();
  const rows: Array<{ id: string; state: RegistryInstitutionState }> = await db.query(
    'SELECT id, state FROM registry_institution WHERE id = ANY($1)',
    [institutionIds],
  );
  return new Map(
    rows.map(({ id, state }) => [
      id,
      {
        municipality: state.implementationPlaces?.[0]?.municipality || state.founder?.municipality || 'unknown',
        region: state.planningRegion ?? 'unknown',
      },
    ]),
  );
}

function keyOf(level: AreaLevel, institutionId: string, areas: Map<string, { municipality: string; region: string }>): string {
  if (level === 'SCHOOL') return institutionId;
  if (level === 'COUNTRY') return 'LV';
  const area = areas.get(institutionId);
  return (level === 'MUNICIPALITY' ? area?.municipality : area?.region) ?? 'unknown';
}

export interface ParticipationRowValue extends ParticipationSummary, ReturnType<typeof summariseChoices> {
  key: string;
  institutionId: string | null;
  schools: number;
  participatingSchools: number;
}

/**
 * The measure's three indicators per school, municipality, region or country for a school
 * year (both semesters). The base is the year's partner institutions (source 003: pupils "mērķa
 * grupas izglītības iestādēs", "projektā iesaistītajās … iestādēs"): their locked learner counts
 * for participation (a partner without locked counts adds no learners) and their reports for
 * the two choice indicators.
 */
export async function participationBy(db: DataSource, schoolYear: string, level: AreaLevel): Promise<ParticipationRowValue[]> {
  const locked: Array<{ institution_id: string; counts: LearnerCountsByGroup }> = await db.query(
    `SELECT p.institution_id, COALESCE(l.counts, '{}') AS counts FROM fund_partner p
       LEFT JOIN locked_learner_counts l ON l.institution_id = p.institution_id AND l.school_year = p.school_year
      WHERE p.school_year = $1 ORDER BY p.institution_id`,
    [schoolYear],
  );
  const reports = (await listLearningChoiceReports(db, schoolYear)).filter((report) => report.partner);
  const attended: Array<{ institution_id: string; grade: number; groups: number[] }> = await db.query(
    `SELECT institution_id, grade, array_agg(attended_pupils) AS groups FROM booking
     WHERE semester IN ($1 || '-1', $1 || '-2') AND status = 'ATTENDED' GROUP BY institution_id, grade`,
    [schoolYear],
  );
  const areas = await areasOf(
    db,
    locked.map((row) => row.institution_id),
  );
  const groups = new Map<
    string,
    { ranges: ParticipationRange[]; reports: LearningChoiceCounts[]; schools: number; participating: number; institutionId: string | null }
  >();
  for (const school of locked) {
    const ranges = GRADES.map((grade) =>
      gradeParticipation({
        learners: learnersInGrade(school.counts, grade),
        attendedGroups: attended.find((row) => row.institution_id === school.institution_id && row.grade === grade)?.groups ?? [],
      }),
    );
    const key = keyOf(level, school.institution_id, areas);
    const group = groups.get(key) ?? {
      ranges: [],
      reports: [],
      schools: 0,
      participating: 0,
      institutionId: level === 'SCHOOL' ? school.institution_id : null,
    };
    group.ranges.push(...ranges);
    group.reports.push(...reports.filter((report) => report.institutionId === school.institution_id));
    group.schools += 1;
    if (ranges.some((range) => range.atMost > 0)) group.participating += 1;
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([key, group]) => ({
      key,
      institutionId: group.institutionId,
      schools: group.schools,
      participatingSchools: group.participating,
      ...summariseParticipation(group.ranges),
      ...summariseChoices(group.reports),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

export interface AreaBudgetValue {
  key: string;
  institutionId: string | null;
  semester: string;
  allocationCents: number;
  committedCents: number;
  spentCents: number;
  leftCents: number;
}

/** The semester's school budgets summed per school, municipality or region. */
export async function budgetBy(db: DataSource, policy: FundPolicy, semester: Semester, level: AreaLevel): Promise<AreaBudgetValue[]> {
  const schools = await schoolBudgets(db, policy, semester);
  const areas = await areasOf(
    db,
    schools.map((row) => row.institutionId),
  );
  const sums = new Map<string, AreaBudgetValue>();
  for (const row of schools) {
    const key = keyOf(level, row.institutionId, areas);
    const sum = sums.get(key) ?? {
      key,
      institutionId: level === 'SCHOOL' ? row.institutionId : null,
      semester: semester.label,
      allocationCents: 0,
      committedCents: 0,
      spentCents: 0,
      leftCents: 0,
    };
    sum.allocationCents += row.allocationCents;
    sum.committedCents += row.committedCents;
    sum.spentCents += row.spentCents;
    sum.leftCents += row.leftCents;
    sums.set(key, sum);
  }
  return [...sums.values()].sort((a, b) => a.key.localeCompare(b.key));
}
