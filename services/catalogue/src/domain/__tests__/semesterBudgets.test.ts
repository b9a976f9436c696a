import { describe, expect, it } from '@jest/globals';
import { MEASURE_4221_POLICY } from '../fundPolicy';
import {
  assertMeasureSchoolYear,
  defaultSemesterBudgetCents,
  planSemesterBudgets,
  schoolYearsOfPeriod,
  semesterBudgetView,
  semesterFundOf,
  semestersOfPeriod,
  type SemesterLedgerRow,
} from '../semesterBudgets';
import { PERIOD_SEMESTERS } from '../../migrations/1732300003900-SplitFundBySemester';
import { refusal } from './domainRefusal';

const policy = MEASURE_4221_POLICY;
const SHARE = 337_500_000; // €27,000,000 / 8 semesters
const ledger = (): SemesterLedgerRow[] =>
  semestersOfPeriod().map((semester) => ({ semester, budgetCents: null, committedCents: 0, spentCents: 0 }));

describe('semestersOfPeriod', () => {
  it('lists the eight semesters 2025-2028 touches, from spring 2025 to autumn 2028', () => {
    expect(semestersOfPeriod()).toHaveLength(8);
    expect([semestersOfPeriod()[0], semestersOfPeriod().at(-1)]).toStrictEqual(['2024/2025-2', '2028/2029-1']);
    // The migration that gave each semester its ledger row froze the same list.
    expect(semestersOfPeriod()).toStrictEqual(PERIOD_SEMESTERS);
    expect(semestersOfPeriod({ from: '2025-09-01', to: '2025-12-31' })).toStrictEqual(['2025/2026-1']);
    expect(schoolYearsOfPeriod()).toStrictEqual(['2024/2025', '2025/2026', '2026/2027', '2027/2028', '2028/2029']);
  });
});

describe('default semester budgets', () => {
  it('spread the €27 million evenly, rounded down, so they never add up to more than the attendance budget', () => {
    expect(defaultSemesterBudgetCents(policy)).toBe(SHARE);
    expect(defaultSemesterBudgetCents({ attendanceBudgetCents: 1_000_007 })).toBe(125_000);
    expect(semesterFundOf(ledger(), '2026/2027-1', policy)).toStrictEqual({ semester: '2026/2027-1', budgetCents: SHARE, usedCents: 0 });
  });

  it('give a semester outside the period no budget, and show what is left of a set one', () => {
    expect(semesterFundOf(ledger(), '2029/2030-1', policy)).toStrictEqual({ semester: '2029/2030-1', budgetCents: 0, usedCents: 0 });
    const row = { semester: '2026/2027-1', budgetCents: 50_000, committedCents: 20_000, spentCents: 10_000 };
    expect(semesterFundOf([row], row.semester, policy)).toStrictEqual({ semester: row.semester, budgetCents: 50_000, usedCents: 30_000 });
    expect(semesterBudgetView(row, policy)).toStrictEqual({ ...row, isDefault: false, leftCents: 20_000 });
  });
});

describe('planSemesterBudgets', () => {
  it('moves money between semesters in one step, and back to the default share with null', () => {
    expect(
      planSemesterBudgets(policy, ledger(), [
        { semester: '2026/2027-1', budgetCents: SHARE + 1_000 },
        { semester: '2026/2027-2', budgetCents: SHARE - 1_000 },
      ]),
    ).toStrictEqual([
      { semester: '2026/2027-1', budgetCents: SHARE + 1_000 },
      { semester: '2026/2027-2', budgetCents: SHARE - 1_000 },
    ]);
    const rows = ledger().map((row) => (row.semester === '2026/2027-2' ? { ...row, budgetCents: 0 } : row));
    expect(planSemesterBudgets(policy, rows, [{ semester: '2026/2027-2', budgetCents: null }])).toStrictEqual([
      { semester: '2026/2027-2', budgetCents: null },
    ]);
  });

  it('refuses semesters that would add up to more than the attendance budget', () => {
    const refused = refusal(() => planSemesterBudgets(policy, ledger(), [{ semester: '2026/2027-1', budgetCents: SHARE + 1 }]));
    expect([refused.code, refused.details.reason, refused.details.totalCents]).toStrictEqual([
      'VALIDATION_FAILED',
      'SEMESTER_BUDGETS_ABOVE_ATTENDANCE_BUDGET',
      2_700_000_001,
    ]);
  });

  it('refuses a budget below what the semester already holds or spent, and allows exactly that', () => {
    const rows = ledger().map((row) => (row.semester === '2025/2026-2' ? { ...row, committedCents: 30_000, spentCents: 12_000 } : row));
    const refused = refusal(() => planSemesterBudgets(policy, rows, [{ semester: '2025/2026-2', budgetCents: 41_999 }]));
    expect([refused.code, refused.details.reason, refused.details.usedCents]).toStrictEqual(['CONFLICT', 'BUDGET_BELOW_COMMITTED', 42_000]);
    expect(planSemesterBudgets(policy, rows, [{ semester: '2025/2026-2', budgetCents: 42_000 }])).toHaveLength(1);
  });

  it('refuses semesters outside the period, bad labels, repeats, bad amounts and empty requests', () => {
    expect(refusal(() => planSemesterBudgets(policy, ledger(), [{ semester: '2028/2029-2', budgetCents: 0 }])).details.reason).toBe(
      'OUTSIDE_FUND_PERIOD',
    );
    for (const changes of [
      [],
      [{ semester: 'autumn', budgetCents: 0 }],
      [
        { semester: '2026/2027-1', budgetCents: 0 },
        { semester: '2026/2027-1', budgetCents: 1 },
      ],
      [{ semester: '2026/2027-1', budgetCents: -1 }],
      [{ semester: '2026/2027-1', budgetCents: 10.5 }],
      [{ semester: '2026/2027-1', budgetCents: 2_700_000_001 }],
    ]) {
      expect(refusal(() => planSemesterBudgets(policy, ledger(), changes)).code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('assertMeasureSchoolYear', () => {
  it("takes the measure's school years only", () => {
    expect(assertMeasureSchoolYear(' 2026/2027 ')).toBe('2026/2027');
    expect(refusal(() => assertMeasureSchoolYear('2026-2027')).code).toBe('VALIDATION_FAILED');
    expect(refusal(() => assertMeasureSchoolYear('2029/2030')).details.reason).toBe('OUTSIDE_FUND_PERIOD');
  });
});
