import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BOOKING_CONTEXT_V1, SETTLE_FUND_V1 } from './1732300003700-BookInFewerRoundTrips';

/**
 * The measure's period as semesters when this migration was written (domain/semesterBudgets.ts
 * `semestersOfPeriod`, 2025-01-01..2028-12-31, source 003); frozen here, as a migration must be.
 */
export const PERIOD_SEMESTERS = [
  '2024/2025-2',
  '2025/2026-1',
  '2025/2026-2',
  '2026/2027-1',
  '2026/2027-2',
  '2027/2028-1',
  '2027/2028-2',
  '2028/2029-1',
];

const FUND_USED_V1 = `'fundUsedCents', (SELECT committed_cents + spent_cents FROM fund_ledger WHERE id = 'attendance')`;

/** The booking context reads the ledger rows of the semesters from `p_from_semester` on (at most eight). */
const BOOKING_CONTEXT_V2 = BOOKING_CONTEXT_V1.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION').replace(
  FUND_USED_V1,
  `'fund', (SELECT COALESCE(jsonb_agg(f ORDER BY f.semester), '[]') FROM (
                      SELECT semester, budget_cents, committed_cents, spent_cents FROM fund_semester_ledger
                       WHERE semester >= p_from_semester) f)`,
);

/**
 * The fund's one row becomes a row per semester, each with its own budget (issue 15: the €27
 * million attendance budget phased over the period). The guarantees stay those of the single
 * row: every booking settles its money with one conditional UPDATE of its semester's row as
 * its last write (`catalogue_settle_fund`), so two bookings can never both take a semester's
 * last euro, and FUND_ADMIN's budget changes lock the rows they check. `budget_cents` null is
 * the default share (the attendance budget spread evenly over the period's semesters), passed
 * in by the service because the attendance budget is configuration.
 *
 * Existing money moves to its semesters, summed from the bookings (the ledger always equalled
 * their money). A semester outside the period that already holds money (booked before the
 * period rule) gets exactly that as its budget: it keeps what it has and takes nothing more.
 */
export class SplitFundBySemester1732300003900 implements MigrationInterface {
  name = 'SplitFundBySemester1732300003900';

  async up(q: QueryRunner): Promise<void> {
    if (!BOOKING_CONTEXT_V1.includes(FUND_USED_V1)) throw new Error('catalogue_booking_context is not the one this migration replaces');
    await q.query(`
      CREATE TABLE fund_semester_ledger (
        semester        text PRIMARY KEY CHECK (semester ~ '^[0-9]{4}/[0-9]{4}-[12]$'),
        budget_cents    bigint CHECK (budget_cents >= 0),
        committed_cents bigint NOT NULL DEFAULT 0 CHECK (committed_cents >= 0),
        spent_cents     bigint NOT NULL DEFAULT 0 CHECK (spent_cents >= 0),
        budget_set_by   text,
        budget_set_at   timestamptz
      )`);
    await q.query('INSERT INTO fund_semester_ledger (semester) SELECT unnest($1::text[])', [PERIOD_SEMESTERS]);
    await q.query(
      `INSERT INTO fund_semester_ledger (semester, committed_cents, spent_cents, budget_cents)
       SELECT semester, SUM(committed_cents), SUM(cost_cents),
              CASE WHEN semester = ANY($1::text[]) THEN NULL ELSE SUM(committed_cents + cost_cents) END
         FROM booking GROUP BY semester HAVING SUM(committed_cents + cost_cents) > 0 OR semester = ANY($1::text[])
       ON CONFLICT (semester) DO UPDATE SET committed_cents = EXCLUDED.committed_cents, spent_cents = EXCLUDED.spent_cents`,
      [PERIOD_SEMESTERS],
    );
    await q.query('DROP FUNCTION catalogue_settle_fund(bigint, bigint, bigint, boolean)');
    await q.query(BOOKING_CONTEXT_V2);
    await q.query('DROP TABLE fund_ledger');
    await q.query(`
      CREATE FUNCTION catalogue_settle_fund(p_semester text, p_committed bigint, p_spent bigint, p_default_budget bigint,
                                            p_raise_when_refused boolean DEFAULT false)
      RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_budget bigint;
        v_used bigint;
      BEGIN
        IF p_committed = 0 AND p_spent = 0 THEN
          RETURN true; -- nothing moves: the hot row is not even locked
        END IF;
        UPDATE fund_semester_ledger SET committed_cents = committed_cents + p_committed, spent_cents = spent_cents + p_spent
         WHERE semester = p_semester
           AND (p_committed + p_spent <= 0
                OR committed_cents + spent_cents + p_committed + p_spent <= COALESCE(budget_cents, p_default_budget));
        IF NOT FOUND AND p_raise_when_refused THEN
          -- For a statement sent together with its COMMIT: only an error stops that COMMIT. The
          -- error carries the semester's figures, so the refusal needs no second connection
          -- while this transaction, aborted but not yet rolled back, still holds its locks.
          SELECT COALESCE(budget_cents, p_default_budget), committed_cents + spent_cents INTO v_budget, v_used
            FROM fund_semester_ledger WHERE semester = p_semester;
          RAISE EXCEPTION 'the fund cannot pay % cents in %', p_committed + p_spent, p_semester USING
            ERRCODE = 'EQ001',
            DETAIL = jsonb_build_object('semester', p_semester, 'budgetCents', COALESCE(v_budget, 0), 'usedCents', COALESCE(v_used, 0))::text;
        END IF;
        RETURN FOUND;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION catalogue_settle_fund(text, bigint, bigint, bigint, boolean)');
    await q.query(`
      CREATE TABLE fund_ledger (
        id              text PRIMARY KEY,
        committed_cents bigint NOT NULL DEFAULT 0 CHECK (committed_cents >= 0),
        spent_cents     bigint NOT NULL DEFAULT 0 CHECK (spent_cents >= 0)
      )`);
    await q.query(`INSERT INTO fund_ledger (id, committed_cents, spent_cents)
                   SELECT 'attendance', COALESCE(SUM(committed_cents), 0), COALESCE(SUM(spent_cents), 0) FROM fund_semester_ledger`);
    await q.query(BOOKING_CONTEXT_V1.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
    await q.query(SETTLE_FUND_V1);
    await q.query('DROP TABLE fund_semester_ledger');
  }
}
