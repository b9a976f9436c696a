import { DomainError, ErrorCode, validationFailed } from '@eq/shared/errors';
import { MEASURE_4221_PERIOD, type FundPeriod, type FundPolicy } from './fundPolicy';
import { parseSemesterLabel, semesterOf } from './semesters';

/*
 * The attendance budget (€27 million, source 003) in per-semester budgets. Source 003 gives one
 * sum for 2025–2028; at learners × 4 × €10 a semester a single first-come pot would be gone in
 * about three semesters (issue 15), so FUND_ADMIN phases it. Until FUND_ADMIN sets a semester's
 * budget, it is the default share: the attendance budget spread evenly over the period's
 * semesters (rounded down to the cent), so the stack books out of the box and the defaults
 * never add up to more than the attendance budget.
 */

/** Reasons in `extensions.reason` when a semester budget is refused. */
export const SemesterBudgetRefusal = {
  OUTSIDE_PERIOD: 'OUTSIDE_FUND_PERIOD',
  BELOW_USED: 'BUDGET_BELOW_COMMITTED',
  ABOVE_ATTENDANCE_BUDGET: 'SEMESTER_BUDGETS_ABOVE_ATTENDANCE_BUDGET',
} as const;

/** The semester after `label` (`2025/2026-1` → `2025/2026-2` → `2026/2027-1`). */
export function nextSemesterLabel(label: string): string {
  const start = Number(label.slice(0, 4));
  return label.endsWith('-1') ? `${start}/${start + 1}-2` : `${start + 1}/${start + 2}-1`;
}

/**
 * The semesters the period's days fall in, in order. For 2025–2028: from 2024/2025-2 (January
 * 2025) to 2028/2029-1 (to December 2028), eight semesters.
 */
export function semestersOfPeriod(period: FundPeriod = MEASURE_4221_PERIOD): string[] {
  const last = semesterOf(period.to).label;
  const labels: string[] = [];
  for (let label = semesterOf(period.from).label; label <= last; label = nextSemesterLabel(label)) labels.push(label);
  return labels;
}

/** A semester's budget until FUND_ADMIN sets one: the attendance budget spread evenly, rounded down. */
export function defaultSemesterBudgetCents(policy: Pick<FundPolicy, 'attendanceBudgetCents'>, period = MEASURE_4221_PERIOD): number {
  return Math.floor(policy.attendanceBudgetCents / semestersOfPeriod(period).length);
}

/** One semester's row of the fund's ledger: its budget (null: the default share) and its money. */
export interface SemesterLedgerRow {
  semester: string;
  budgetCents: number | null;
  committedCents: number;
  spentCents: number;
}

/** A semester's budget as it applies, and the money its bookings hold or spent. */
export interface SemesterFund {
  semester: string;
  budgetCents: number;
  usedCents: number;
}

/** The budget that applies to a ledger row. */
export function effectiveBudgetCents(
  row: Pick<SemesterLedgerRow, 'budgetCents'>,
  policy: Pick<FundPolicy, 'attendanceBudgetCents'>,
): number {
  return row.budgetCents ?? defaultSemesterBudgetCents(policy);
}

/** The semester's fund from the ledger's rows; a semester without a row (outside the period) has no budget. */
export function semesterFundOf(rows: readonly SemesterLedgerRow[], semester: string, policy: FundPolicy): SemesterFund {
  const row = rows.find((candidate) => candidate.semester === semester);
  if (!row) return { semester, budgetCents: 0, usedCents: 0 };
  return { semester, budgetCents: effectiveBudgetCents(row, policy), usedCents: row.committedCents + row.spentCents };
}

/** A semester's budget to set: whole cents, or null for the default share. */
export interface SemesterBudgetChange {
  semester: string;
  budgetCents: number | null;
}

/** Most budgets one request sets: every semester of the period, with room to spare. */
const MAX_CHANGES = 20;

/**
 * Checks FUND_ADMIN's new semester budgets against the ledger as locked (`rows`: every row):
 * each semester is one of the period's, each budget is whole cents from zero to the attendance
 * budget and not below what the semester's bookings already hold or spent, and all semesters'
 * budgets together stay within the attendance budget. Several budgets are set at once so that
 * money can move from one semester to another in one step.
 */
export function planSemesterBudgets(
  policy: FundPolicy,
  rows: readonly SemesterLedgerRow[],
  changes: readonly SemesterBudgetChange[],
  period: FundPeriod = MEASURE_4221_PERIOD,
): SemesterBudgetChange[] {
  if (changes.length === 0 || changes.length > MAX_CHANGES) {
    throw validationFailed(`Give 1 to ${MAX_CHANGES} semester budgets, got ${changes.length}`, 'budgets');
  }
  const semesters = semestersOfPeriod(period);
  const planned = new Map<string, number | null>();
  for (const change of changes) {
    const label = parseSemesterLabel(change.semester)?.label;
    if (!label) throw validationFailed('A semester is written "2025/2026-1" (autumn) or "2025/2026-2" (spring)', 'semester');
    if (!semesters.includes(label)) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `The measure's semesters are ${semesters[0]} to ${semesters.at(-1)}; ${label} is not one`,
        {
          field: 'semester',
          reason: SemesterBudgetRefusal.OUTSIDE_PERIOD,
        },
      );
    }
    if (planned.has(label)) throw validationFailed(`${label} is given twice`, 'semester');
    const budget = change.budgetCents;
    if (budget !== null && (!Number.isSafeInteger(budget) || budget < 0 || budget > policy.attendanceBudgetCents)) {
      throw validationFailed(
        `A semester's budget is whole cents from 0 to the attendance budget (${policy.attendanceBudgetCents}), got ${budget}`,
        'budgetCents',
      );
    }
    planned.set(label, budget);
  }
  const byLabel = new Map(rows.map((row) => [row.semester, row]));
  let totalCents = 0;
  for (const row of [...rows, ...semesters.filter((label) => !byLabel.has(label)).map((label) => emptyRow(label))]) {
    const budgetCents = effectiveBudgetCents(
      { budgetCents: planned.has(row.semester) ? planned.get(row.semester)! : row.budgetCents },
      policy,
    );
    const usedCents = row.committedCents + row.spentCents;
    if (planned.has(row.semester) && budgetCents < usedCents) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `Bookings of ${row.semester} already hold or spent ${usedCents / 100} €: its budget cannot be ${budgetCents / 100} €`,
        { field: 'budgetCents', reason: SemesterBudgetRefusal.BELOW_USED, semester: row.semester, usedCents },
      );
    }
    totalCents += budgetCents;
  }
  if (totalCents > policy.attendanceBudgetCents) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `The semesters' budgets would add up to ${totalCents / 100} €, above the attendance budget of ${policy.attendanceBudgetCents / 100} €`,
      {
        field: 'budgetCents',
        reason: SemesterBudgetRefusal.ABOVE_ATTENDANCE_BUDGET,
        totalCents,
        attendanceBudgetCents: policy.attendanceBudgetCents,
      },
    );
  }
  return [...planned.entries()].map(([semester, budgetCents]) => ({ semester, budgetCents }));
}

const emptyRow = (semester: string): SemesterLedgerRow => ({ semester, budgetCents: null, committedCents: 0, spentCents: 0 });

/** The school years the period's semesters belong to (2024/2025 to 2028/2029 for 2025–2028). */
export function schoolYearsOfPeriod(period: FundPeriod = MEASURE_4221_PERIOD): string[] {
  return [...new Set(semestersOfPeriod(period).map((label) => label.slice(0, 9)))];
}

/** A school year as the API takes it (`2025/2026`), one the measure's period touches. */
export function assertMeasureSchoolYear(value: string, period: FundPeriod = MEASURE_4221_PERIOD): string {
  const schoolYear = value.trim();
  const years = schoolYearsOfPeriod(period);
  if (!parseSemesterLabel(`${schoolYear}-1`)) throw validationFailed('A school year is written "2025/2026"', 'schoolYear');
  if (!years.includes(schoolYear)) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `The measure's school years are ${years[0]} to ${years.at(-1)}; ${schoolYear} is not one`,
      {
        field: 'schoolYear',
        reason: SemesterBudgetRefusal.OUTSIDE_PERIOD,
      },
    );
  }
  return schoolYear;
}

/** A semester's budget as FUND_ADMIN reads it: what applies, whether it is the default share, and what is left. */
export function semesterBudgetView(row: SemesterLedgerRow, policy: FundPolicy) {
  const budgetCents = effectiveBudgetCents(row, policy);
  return {
    semester: row.semester,
    budgetCents,
    isDefault: row.budgetCents === null,
    committedCents: row.committedCents,
    spentCents: row.spentCents,
    leftCents: budgetCents - row.committedCents - row.spentCents,
  };
}
