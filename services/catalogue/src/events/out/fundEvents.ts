import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { LearningChoiceReportRow } from '../../store/learningChoiceReports';
import type { semesterBudgetView } from '../../domain/semesterBudgets';

/*
 * `catalogue.fund.v1`: what FUND_ADMIN sets and schools report for the fund, for subscribers
 * that follow the measure (reports, open data). Counts and budgets only, no personal data.
 */

type FundEventType = 'catalogue.fund.semester-budget-set' | 'catalogue.fund.partners-changed' | 'catalogue.fund.learning-choices-reported';

async function recordFundEvent<S>(manager: EntityManager, type: FundEventType, subject: string, state: S, changedFields: string[]) {
  const data: StateChange<S> = { state, changedFields };
  await enqueueEvent(manager, Topics.catalogueFund, makeCloudEvent({ source: '/catalogue', type, subject, data }));
}

/** A semester's budget after FUND_ADMIN set it; subject (and key) = the semester. */
export const recordSemesterBudgetSet = (manager: EntityManager, budget: ReturnType<typeof semesterBudgetView>) =>
  recordFundEvent(manager, 'catalogue.fund.semester-budget-set', budget.semester, budget, ['budgetCents', 'isDefault']);

/** A school year's partners after a change, all of them; subject (and key) = the school year. */
export async function recordPartnersChanged(manager: EntityManager, schoolYear: string): Promise<void> {
  const rows: Array<{ institution_id: string }> = await manager.query(
    'SELECT institution_id FROM fund_partner WHERE school_year = $1 ORDER BY institution_id',
    [schoolYear],
  );
  const state = { schoolYear, institutionIds: rows.map((row) => row.institution_id) };
  await recordFundEvent(manager, 'catalogue.fund.partners-changed', schoolYear, state, ['institutionIds']);
}

/** A school's report as stored; subject (and key) = `<institution id>/<school year>`. */
export function recordLearningChoicesReported(manager: EntityManager, report: LearningChoiceReportRow): Promise<void> {
  const state = {
    institutionId: report.institutionId,
    schoolYear: report.schoolYear,
    secondaryPupils: report.secondaryPupils,
    projectWorkInfluenced: report.projectWorkInfluenced,
    pupils: report.pupils,
    furtherLearningInfluenced: report.furtherLearningInfluenced,
    reportedAt: report.reportedAt.toISOString(),
  };
  const changedFields = ['secondaryPupils', 'projectWorkInfluenced', 'pupils', 'furtherLearningInfluenced'];
  return recordFundEvent(
    manager,
    'catalogue.fund.learning-choices-reported',
    `${report.institutionId}/${report.schoolYear}`,
    state,
    changedFields,
  );
}
