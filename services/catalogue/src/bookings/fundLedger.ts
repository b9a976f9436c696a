import { DomainError, ErrorCode } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { FundingAsk, SchoolFunding } from '../domain/bookingFunding';
import { assertFundBudget, BookingRefusal } from '../domain/bookingRules';
import type { FundPolicy } from '../domain/fundPolicy';
import type { LearnerCountsByGroup } from '../domain/learnerGroups';

/*
 * Money and quota, decided without one lock for everything. Lock order, everywhere: the
 * school's replica row (bookings only), the session row(s) in id order, the booking rows, the
 * schools' semester locks in key order, and the fund's row last. Nothing takes an earlier
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

export const noFundMoves = (): FundMoves => ({ committedCents: 0, spentCents: 0 });

/** The fund's totals as committed so far (no lock: reports, and a first look before a promotion). */
export async function readFundTotals(manager: EntityManager): Promise<FundTotals> {
  const rows: Array<{ committed_cents: string; spent_cents: string }> = await manager.query(`SELECT committed_cents, spent_cents FROM fund_ledger WHERE id = 'attendance'`);
  return { committedCents: Number(rows[0]!.committed_cents), spentCents: Number(rows[0]!.spent_cents) };
}

/**
 * Applies a transaction's money moves to the fund's row in one conditional UPDATE, or refuses
 * with FUND_BUDGET_EXCEEDED (and the caller's transaction rolls back). Why this shape: every
 * booking touches this one row. Locking it at the start serialised all bookings end to end;
 * here the row is locked only from this statement to the commit, and the check and the write
 * are one statement, so two bookings can never both take the last euro. A move that gives
 * money back (net ≤ 0) always passes.
 */
export async function settleFund(manager: EntityManager, policy: FundPolicy, moves: FundMoves): Promise<void> {
  if (moves.committedCents === 0 && moves.spentCents === 0) return;
  const [, updated]: [unknown, number] = await manager.query(
    `UPDATE fund_ledger SET committed_cents = committed_cents + $1, spent_cents = spent_cents + $2
     WHERE id = 'attendance' AND ($1::bigint + $2::bigint <= 0 OR committed_cents + spent_cents + $1 + $2 <= $3)`,
    [moves.committedCents, moves.spentCents, policy.attendanceBudgetCents],
  );
  if (updated === 1) return;
  const totals = await readFundTotals(manager);
  assertFundBudget({ neededCents: moves.committedCents + moves.spentCents, fundBudgetCents: policy.attendanceBudgetCents, fundUsedCents: totals.committedCents + totals.spentCents });
  // Refused a moment ago, affordable now (money came back meanwhile): the caller may retry.
  throw new DomainError(ErrorCode.CONFLICT, "The fund's budget changed while this was decided; please try again", { reason: BookingRefusal.FUND_BUDGET });
}

/** A school's semester, the scope of its allocation and its grades' quota. */
export interface SchoolSemester {
  institutionId: string;
  semester: string;
}

/** Advisory-lock namespace of the schools' semester locks (the measure's number). */
const SCHOOL_SEMESTER_LOCK_SPACE = 4221;

/**
 * Locks schools' semesters until the transaction ends, in one fixed order. Every write that
 * adds to a school's usage in a semester (a booking, a promotion from a waiting list) holds
 * its lock while it sums the school's bookings and decides, so the grade quota and the
 * allocation are checked on committed numbers; other schools are never held up. A transaction
 * advisory lock rather than a row: nothing to create when the first booking of a semester
 * comes, nothing to clean up, and a hash collision only makes two schools wait for each other.
 */
export async function lockSchoolSemesters(manager: EntityManager, scopes: SchoolSemester[]): Promise<void> {
  if (scopes.length === 0) return;
  const names = [...new Set(scopes.map((scope) => `${scope.institutionId}/${scope.semester}`))];
  await manager.query(
    `SELECT pg_advisory_xact_lock($1, key) FROM (SELECT DISTINCT hashtext(name) AS key FROM unnest($2::text[]) AS name) keys ORDER BY key`,
    [SCHOOL_SEMESTER_LOCK_SPACE, names],
  );
}

export interface FundingRequest extends FundingAsk {
  institutionId: string;
  semester: string;
}

/** What a decision on a booking reads once it holds the session's and the school's locks. */
export interface FundingPosition extends SchoolFunding {
  /** Bookings on the session's waiting list (0 without a session). */
  waiting: number;
  /** The fund's committed and spent money, as committed so far (no lock). */
  fundUsedCents: number;
}

/**
 * Reads, in one statement, the school's locked learner counts (latest report), what its
 * bookings already use in the semester, the session's waiting list and the fund's totals. The
 * caller holds the school's semester lock, so the first two cannot move until it commits.
 */
export async function readFundingPosition(manager: EntityManager, request: FundingRequest, sessionId: string | null): Promise<FundingPosition> {
  const [row]: Array<{ counts: LearnerCountsByGroup | null; total: number | null; grade_funded: string; school_used: string; waiting: number; fund_used: string }> =
    await manager.query(
      `SELECT r.counts, r.total, u.grade_funded, u.school_used,
              (SELECT COUNT(*)::int FROM booking w WHERE w.session_id = $5 AND w.status = 'WAITING') AS waiting,
              (SELECT committed_cents + spent_cents FROM fund_ledger WHERE id = 'attendance') AS fund_used
       FROM (SELECT COALESCE(SUM(CASE WHEN grade = $3 THEN
                      CASE status WHEN 'CONFIRMED' THEN pupils WHEN 'ATTENDED' THEN attended_pupils ELSE 0 END
                    ELSE 0 END), 0) AS grade_funded,
                    COALESCE(SUM(committed_cents + cost_cents), 0) AS school_used
             FROM booking WHERE institution_id = $1 AND semester = $2) u
       LEFT JOIN LATERAL (SELECT counts, total FROM learner_count_report WHERE institution_id = $1 AND school_year = $4 AND status = 'LOCKED'
                          ORDER BY state_at DESC LIMIT 1) r ON true`,
      [request.institutionId, request.semester, request.grade, request.schoolYear, sessionId],
    );
  return {
    counts: row!.counts,
    learners: row!.total,
    gradeFunded: Number(row!.grade_funded),
    schoolUsedCents: Number(row!.school_used),
    waiting: row!.waiting,
    fundUsedCents: Number(row!.fund_used),
  };
}
