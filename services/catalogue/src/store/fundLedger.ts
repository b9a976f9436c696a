import { DomainError, ErrorCode } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { schoolFundingIn, type FundingAsk, type SchoolFunding, type SchoolLedger } from '../domain/bookingFunding';
import { assertSemesterBudget, BookingRefusal } from '../domain/bookingRules';
import type { FundPolicy } from '../domain/fundPolicy';
import { defaultSemesterBudgetCents, semesterFundOf, type SemesterFund, type SemesterLedgerRow } from '../domain/semesterBudgets';

/*
 * Money and quota, decided without one lock for everything. Lock order, everywhere: the
 * school's replica row (bookings only), the session row(s) in id order, the booking rows, the
 * schools' funding locks in key order, and the fund's semester rows last, in semester order. Nothing takes an earlier
 * kind of lock while holding a later one, so these paths never deadlock one another.
 */

/** Money one transaction moves in one semester's row of the fund. */
export interface FundMove {
  committedCents: number;
  spentCents: number;
}

/** Money one transaction moves, per semester; `settleFund` applies it as its last writes. */
export type FundMoves = Map<string, FundMove>;

/** What `catalogue_settle_fund(…, true)` raises on a refusal (migration 1732300003900). */
export const FUND_REFUSED_SQLSTATE = 'EQ001';

export const noFundMoves = (): FundMoves => new Map();

/** Adds money to what the transaction moves in `semester` (negative numbers give it back). */
export function addFundMove(moves: FundMoves, semester: string, committedCents: number, spentCents = 0): void {
  const move = moves.get(semester) ?? { committedCents: 0, spentCents: 0 };
  moves.set(semester, { committedCents: move.committedCents + committedCents, spentCents: move.spentCents + spentCents });
}

/** Net money the transaction has moved in `semester` so far. */
export function movedIn(moves: FundMoves, semester: string): number {
  const move = moves.get(semester);
  return move ? move.committedCents + move.spentCents : 0;
}

/** A row of `fund_semester_ledger` as the database gives it (bigints as text, also inside JSON). */
export interface SemesterLedgerJson {
  semester: string;
  budget_cents: string | number | null;
  committed_cents: string | number;
  spent_cents: string | number;
}

export function semesterLedgerRow(row: SemesterLedgerJson): SemesterLedgerRow {
  return {
    semester: row.semester,
    budgetCents: row.budget_cents === null ? null : Number(row.budget_cents),
    committedCents: Number(row.committed_cents),
    spentCents: Number(row.spent_cents),
  };
}

/**
 * Every semester's row of the fund, in semester order. Without `lock`, as committed so far
 * (reports, and a first look before a decision); with it, locked until the transaction ends,
 * in the same order `settleFund` locks them, for FUND_ADMIN's budget changes.
 */
export async function readSemesterLedger(manager: EntityManager, { lock = false } = {}): Promise<SemesterLedgerRow[]> {
  const rows: SemesterLedgerJson[] = await manager.query(
    `SELECT semester, budget_cents, committed_cents, spent_cents FROM fund_semester_ledger ORDER BY semester${lock ? ' FOR UPDATE' : ''}`,
  );
  return rows.map(semesterLedgerRow);
}

/**
 * Applies a transaction's money moves to the fund's semester rows, each in one conditional
 * UPDATE (the database's `catalogue_settle_fund`), in semester order, or refuses with
 * SEMESTER_BUDGET_EXCEEDED (and the caller's transaction rolls back). Why this shape: every
 * booking touches its semester's row. Locking it at the start serialised all bookings end to
 * end; here the row is locked only from this statement to the commit, and the check and the
 * write are one statement, so two bookings can never both take a semester's last euro. A move
 * that gives money back (net ≤ 0) always passes.
 */
export async function settleFund(manager: EntityManager, policy: FundPolicy, moves: FundMoves): Promise<void> {
  for (const semester of [...moves.keys()].sort()) {
    const move = moves.get(semester)!;
    if (move.committedCents === 0 && move.spentCents === 0) continue;
    const [{ settled }] = (await manager.query('SELECT catalogue_settle_fund($1, $2, $3, $4) AS settled', [
      semester,
      move.committedCents,
      move.spentCents,
      defaultSemesterBudgetCents(policy),
    ])) as [{ settled: boolean }];
    if (!settled)
      refuseFundMove(semesterFundOf(await readSemesterLedger(manager), semester, policy), move.committedCents + move.spentCents);
  }
}

/**
 * After `catalogue_settle_fund` said no: the refusal, with the reason as the semester's figures
 * show them now (read in the caller's transaction, or carried by the function's error).
 */
export function refuseFundMove(fund: SemesterFund, neededCents: number): never {
  assertSemesterBudget({ neededCents, semester: fund.semester, semesterBudgetCents: fund.budgetCents, semesterUsedCents: fund.usedCents });
  // Refused a moment ago, affordable now (money came back meanwhile): the caller may retry.
  throw new DomainError(ErrorCode.CONFLICT, "The fund's budget changed while this was decided; please try again", {
    reason: BookingRefusal.SEMESTER_BUDGET,
  });
}

/** The semester's figures `catalogue_settle_fund(…, true)` put in its refusal (the error's DETAIL). */
export function refusedSemesterFund(error: unknown): SemesterFund | null {
  const { code, detail } = error as { code?: string; detail?: string };
  if (code !== FUND_REFUSED_SQLSTATE || !detail) return null;
  return JSON.parse(detail) as SemesterFund;
}

/** Advisory-lock namespace of the schools' funding locks (the measure's number). */
const SCHOOL_FUNDING_LOCK_SPACE = 4221;

/**
 * Takes schools' funding locks until the transaction ends, in one fixed order. Every write
 * that adds to a school's usage (a booking, a promotion from a waiting list) holds its lock
 * while it sums the school's bookings and decides, so the grade quota and the allocation are
 * checked on committed numbers; other schools are never held up. One lock per school, not per
 * semester: the booking path takes it (in `catalogue_booking_context`, with the same key)
 * before it knows the session's semester. A transaction advisory lock rather than a row:
 * nothing to create, nothing to clean up, and a hash collision only makes two schools wait
 * for each other.
 */
export async function lockSchoolFunding(manager: EntityManager, institutionIds: string[]): Promise<void> {
  if (institutionIds.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock($1, key) FROM (SELECT DISTINCT hashtext(id) AS key FROM unnest($2::text[]) AS id) keys ORDER BY key`,
    [SCHOOL_FUNDING_LOCK_SPACE, [...new Set(institutionIds)]],
  );
}

export interface FundingRequest extends FundingAsk {
  institutionId: string;
  semester: string;
}

/** What a decision to fund more pupils reads once it holds the school's funding lock. */
export interface FundingPosition extends SchoolFunding {
  /** The fund's budget for the request's semester and its money, as committed so far (no lock). */
  semesterFund: SemesterFund;
}

/** The school's usage from the semester on and its locked learner counts from its school year on (no lock: a view, not a decision). */
export async function readSchoolLedger(
  manager: EntityManager,
  institutionId: string,
  semester: string,
  schoolYear: string,
): Promise<SchoolLedger> {
  const [row]: Array<{ ledger: SchoolLedger }> = await manager.query(`SELECT catalogue_school_ledger($1, $2, $3) AS ledger`, [
    institutionId,
    semester,
    schoolYear,
  ]);
  return row!.ledger;
}

/**
 * Reads, in one statement, the school's usage and locked learner counts for the request's
 * semester and school year, and the fund's row of that semester. The caller holds the school's
 * funding lock, so the first two cannot move until it commits.
 */
export async function readFundingPosition(manager: EntityManager, policy: FundPolicy, request: FundingRequest): Promise<FundingPosition> {
  const [row]: Array<{ ledger: SchoolLedger; fund: SemesterLedgerJson | null }> = await manager.query(
    `SELECT catalogue_school_ledger($1, $2, $3) AS ledger,
            (SELECT to_jsonb(f) FROM (SELECT semester, budget_cents, committed_cents, spent_cents FROM fund_semester_ledger WHERE semester = $2) f) AS fund`,
    [request.institutionId, request.semester, request.schoolYear],
  );
  const fund = row!.fund ? [semesterLedgerRow(row!.fund)] : [];
  return { ...schoolFundingIn(row!.ledger, request), semesterFund: semesterFundOf(fund, request.semester, policy) };
}
