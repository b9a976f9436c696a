import type { DataSource, EntityManager } from 'typeorm';
import type { LearningChoiceCounts } from '../domain/learningChoices';

/** A school's learning-choice report, as `LearningChoiceReport` resolves it. */
export interface LearningChoiceReportRow extends LearningChoiceCounts {
  institutionId: string;
  schoolYear: string;
  partner: boolean;
  reportedAt: Date;
}

interface ReportSqlRow {
  institution_id: string;
  school_year: string;
  secondary_pupils: number;
  project_work_influenced: number;
  pupils: number;
  further_learning_influenced: number;
  partner: boolean;
  reported_at: Date;
}

const SELECT_REPORTS = `
  SELECT r.institution_id, r.school_year, r.secondary_pupils, r.project_work_influenced, r.pupils, r.further_learning_influenced,
         r.reported_at, EXISTS (SELECT 1 FROM fund_partner p WHERE p.school_year = r.school_year AND p.institution_id = r.institution_id) AS partner
    FROM learning_choice_report r`;

const reportOf = (row: ReportSqlRow): LearningChoiceReportRow => ({
  institutionId: row.institution_id,
  schoolYear: row.school_year,
  secondaryPupils: row.secondary_pupils,
  projectWorkInfluenced: row.project_work_influenced,
  pupils: row.pupils,
  furtherLearningInfluenced: row.further_learning_influenced,
  partner: row.partner,
  reportedAt: row.reported_at,
});

/** The school year's reports (of one institution when given), by institution id. */
export async function listLearningChoiceReports(
  db: DataSource | EntityManager,
  schoolYear: string,
  institutionId: string | null = null,
): Promise<LearningChoiceReportRow[]> {
  const rows: ReportSqlRow[] = await db.query(
    `${SELECT_REPORTS} WHERE r.school_year = $1 AND ($2::uuid IS NULL OR r.institution_id = $2) ORDER BY r.institution_id`,
    [schoolYear, institutionId],
  );
  return rows.map(reportOf);
}

/** Stores the school's report for the year, replacing an earlier one, and reads it back. */
export async function storeLearningChoiceReport(
  manager: EntityManager,
  report: LearningChoiceCounts & { institutionId: string; schoolYear: string; reportedBy: string | null },
): Promise<LearningChoiceReportRow> {
  await manager.query(
    `INSERT INTO learning_choice_report (institution_id, school_year, secondary_pupils, project_work_influenced, pupils,
                                         further_learning_influenced, reported_by, reported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now())
     ON CONFLICT (institution_id, school_year) DO UPDATE SET
       secondary_pupils = EXCLUDED.secondary_pupils, project_work_influenced = EXCLUDED.project_work_influenced,
       pupils = EXCLUDED.pupils, further_learning_influenced = EXCLUDED.further_learning_influenced,
       reported_by = EXCLUDED.reported_by, reported_at = EXCLUDED.reported_at`,
    [
      report.institutionId,
      report.schoolYear,
      report.secondaryPupils,
      report.projectWorkInfluenced,
      report.pupils,
      report.furtherLearningInfluenced,
      report.reportedBy,
    ],
  );
  const [stored] = await listLearningChoiceReports(manager, report.schoolYear, report.institutionId);
  return stored!;
}
