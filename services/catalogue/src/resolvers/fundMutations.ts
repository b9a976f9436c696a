import { assertUuid, requireRole, Role, validationFailed } from '@eq/shared';
import { readSemesterLedger } from '../store/fundLedger';
import { changeFundPartners } from '../store/fundPartners';
import { storeLearningChoiceReport } from '../store/learningChoiceReports';
import { assertSchoolYearBegun, reportingSchoolOf, validateLearningChoices } from '../domain/learningChoices';
import { assertMeasureSchoolYear, planSemesterBudgets, semesterBudgetView } from '../domain/semesterBudgets';
import { recordLearningChoicesReported, recordPartnersChanged, recordSemesterBudgetSet } from '../events/out/fundEvents';
import type { FundPartnersInput, MutationResolvers } from '../generated/resolvers';

/** Most institutions one partners request names (the measure has about 900 partner institutions). */
const MAX_PARTNERS_PER_REQUEST = 2000;

function partnersChange(input: FundPartnersInput): { schoolYear: string; institutionIds: string[] } {
  const schoolYear = assertMeasureSchoolYear(input.schoolYear);
  if (input.institutionIds.length === 0 || input.institutionIds.length > MAX_PARTNERS_PER_REQUEST) {
    throw validationFailed(`Name 1 to ${MAX_PARTNERS_PER_REQUEST} institutions, got ${input.institutionIds.length}`, 'institutionIds');
  }
  return { schoolYear, institutionIds: [...new Set(input.institutionIds.map((id) => assertUuid(id, 'institutionIds')))] };
}

/**
 * `addFundPartners` / `removeFundPartners` (FUND_ADMIN): changes a school year's partners and,
 * when anything changed, announces the year's list in the same transaction.
 */
const partnersMutation =
  (add: boolean): NonNullable<MutationResolvers['addFundPartners']> =>
  async (_parent, { input }, { db, caller }) => {
    requireRole(caller, Role.FUND_ADMIN);
    const change = partnersChange(input);
    const result = await db.transaction(async (manager) => {
      const changed = await changeFundPartners(manager, { ...change, add, recordedBy: caller.subject ?? null });
      if (changed.changed > 0) await recordPartnersChanged(manager, change.schoolYear);
      return changed;
    });
    return { schoolYear: change.schoolYear, ...result };
  };

export const fundMutations: Pick<
  MutationResolvers,
  'setSemesterBudgets' | 'addFundPartners' | 'removeFundPartners' | 'reportLearningChoices'
> = {
  setSemesterBudgets: async (_parent, { input }, { db, caller, options }) => {
    requireRole(caller, Role.FUND_ADMIN);
    const semesters = await db.transaction(async (manager) => {
      // Every semester's row, locked in semester order (the order bookings settle in): no
      // booking takes money from a semester while its budget and the sum are checked.
      const rows = await readSemesterLedger(manager, { lock: true });
      const planned = planSemesterBudgets(
        options.fund,
        rows,
        input.budgets.map((budget) => ({ semester: budget.semester, budgetCents: budget.budgetCents ?? null })),
      );
      await manager.query(
        `INSERT INTO fund_semester_ledger (semester, budget_cents, budget_set_by, budget_set_at)
         SELECT semester, budget, $3, now() FROM unnest($1::text[], $2::bigint[]) AS change (semester, budget)
         ON CONFLICT (semester) DO UPDATE SET budget_cents = EXCLUDED.budget_cents, budget_set_by = EXCLUDED.budget_set_by,
                                              budget_set_at = EXCLUDED.budget_set_at`,
        [planned.map((change) => change.semester), planned.map((change) => change.budgetCents), caller.subject ?? null],
      );
      const after = (await readSemesterLedger(manager)).map((row) => semesterBudgetView(row, options.fund));
      for (const change of planned)
        await recordSemesterBudgetSet(
          manager,
          after.find((row) => row.semester === change.semester)!,
        );
      return after;
    });
    return { semesters };
  },

  addFundPartners: partnersMutation(true),
  removeFundPartners: partnersMutation(false),

  reportLearningChoices: async (_parent, { input }, { db, caller, options }) => {
    const institutionId = reportingSchoolOf(caller);
    const schoolYear = assertMeasureSchoolYear(input.schoolYear);
    assertSchoolYearBegun(schoolYear, options.clock.today());
    const counts = validateLearningChoices(input);
    const report = await db.transaction(async (manager) => {
      const stored = await storeLearningChoiceReport(manager, { ...counts, institutionId, schoolYear, reportedBy: caller.subject ?? null });
      await recordLearningChoicesReported(manager, stored);
      return stored;
    });
    return { report };
  },
};
