import { DomainError, ErrorCode } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { schoolFundingIn, type FundingAsk, type SchoolFunding, type SchoolLedger } from '../domain/bookingFunding';
import { assertFundBudget, BookingRefusal } from '../domain/bookingRules';
import type { FundPolicy } from '../domain/fundPolicy';

/*
 * Money and quota, decided without one lock for everything. Lock order, everywhere: the
 * school's replica row (bookings only), the session row(s) in id order, the booking rows, the
 * schools' funding locks in key order, and the fund's row last. Nothing takes an earlier
 * kind of lock while holding a later one, so these paths never deadlock one another.
 */

export interface FundTotals {
  committedCents: number;
  spentCents: number;
}

/** Money one transaction moves in the fund's totals; `settleFund` applies it as its last write. */
export interface FundMoves {
  committedCents: number;
  spentCents: number;
}

/** What `catalogue_settle_fund(…, true)` raises on a refusal (migration 1732300003700). */
export const FUND_REFUSED_SQLSTATE = 'EQ001';

export const noFundMoves = (): FundMoves => ({ committedCents: 0, spentCents: 0 });

/** The fund's totals as committed so far (no lock: reports, and a first look before a promotion). */
export async function readFundTotals(manager: EntityManager): Promise<FundTotals> {
  const rows: Array<{ committed_cents: string; spent_cents: string }> = await manager.query(
    `SELECT committed_cents, spent_cents FROM fund_ledger WHERE id = 'attendance'`,
  );
  return { committedCents: Number(rows[0]!.committed_cents), spentCents: Number(rows[0]!.spent_cents) };
}

/**
 * Applies a transaction's money moves to the fund's row in one conditional UPDATE (the
 * database's `catalogue_settle_fund`), or refuses with FUND_BUDGET_EXCEEDED (and the caller's
 * transaction rolls back). Why this shape: every booking touches this one row. Locking it at
 * the start serialised all bookings end to end; here the row is locked only from this
 * statement to the commit, and the check and the write are one statement, so two bookings can
 * never both take the last euro. A move that gives money back (net ≤ 0) always passes.
 */
export async function settleFund(manager: EntityManager, policy: FundPolicy, moves: FundMoves): Promise<void> {
  if (moves.committedCents === 0 && moves.spentCents === 0) return;
  const [{ settled }] = (await manager.query('SELECT catalogue_settle_fund($1, $2, $3) AS settled', [
    moves.committedCents,
    moves.spentCents,
    policy.attendanceBudgetCents,
  ])) as [{ settled: boolean }];
  if (!settled) await refuseFundMoves(manager, policy, moves);
}

/** After `catalogue_settle_fund` said no: the refusal, with the reason as the totals show it now. */
export async function refuseFundMoves(manager: EntityManager, policy: FundPolicy, moves: FundMoves): Promise<never> {
  const totals = await readFundTotals(manager);
  assertFundBudget({
    neededCents: moves.committedCents + moves.spentCents,
    fundBudgetCents: policy.attendanceBudgetCents,
    fundUsedCents: totals.committedCents + totals.spentCents,
  });
  // Refused a moment ago, affordable now (money came back meanwhile): the caller may retry.
  throw new DomainError(ErrorCode.CONFLICT, "The fund's budget changed while this was decided; please try again", {
    reason: BookingRefusal.FUND_BUDGET,
  });
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
  /** The fund's committed and spent money, as committed so far (no lock). */
  fundUsedCents: number;
}

/**
 * Reads, in one statement, the school's usage and locked learner counts for the request's
 * semester and school year, and the fund's totals. The caller holds the school's funding
 * lock, so the first two cannot move until it commits.
 */
export async function readFundingPosition(manager: EntityManager, request: FundingRequest): Promise<FundingPosition> {
  const [row]: Array<{ ledger: SchoolLedger; fund_used: string }> = await manager.query(
    `SELECT catalogue_school_ledger($1, $2, $3) AS ledger,
            (SELECT committed_cents + spent_cents FROM fund_ledger WHERE id = 'attendance') AS fund_used`,
    [request.institutionId, request.semester, request.schoolYear],
  );
  return { ...schoolFundingIn(row!.ledger, request), fundUsedCents: Number(row!.fund_used) };
}
