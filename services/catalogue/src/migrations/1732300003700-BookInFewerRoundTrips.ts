import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The booking path's locks and reads against the single fund row (replaced by 1732300003900, whose down restores it). */
export const BOOKING_CONTEXT_V1 = `
      CREATE FUNCTION catalogue_booking_context(p_school uuid, p_session uuid, p_from_semester text, p_from_school_year text) RETURNS jsonb
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_school jsonb;
        v_session jsonb;
        v_terms jsonb;
      BEGIN
        SELECT state INTO v_school FROM registry_institution WHERE id = p_school FOR SHARE;
        SELECT to_jsonb(s), jsonb_build_object('status', a.status, 'gradeBands', a.grade_bands, 'maxGroupSize', a.max_group_size,
                                               'pricePerPupilCents', a.price_per_pupil_cents)
          INTO v_session, v_terms
          FROM activity_session s JOIN activity a ON a.id = s.activity_id WHERE s.id = p_session FOR UPDATE OF s;
        IF v_school IS NULL OR v_session IS NULL THEN
          RETURN jsonb_build_object('school', v_school, 'session', v_session);
        END IF;
        PERFORM pg_advisory_xact_lock(4221, hashtext(p_school::text));
        -- A volatile function's statements each take a fresh snapshot: what follows sees every
        -- booking committed before the lock was granted.
        RETURN jsonb_build_object(
          'school', v_school, 'session', v_session, 'terms', v_terms, 'now', now(),
          'waiting', (SELECT COUNT(*) FROM booking WHERE session_id = p_session AND status = 'WAITING'),
          'fundUsedCents', (SELECT committed_cents + spent_cents FROM fund_ledger WHERE id = 'attendance'))
          || catalogue_school_ledger(p_school, p_from_semester, p_from_school_year);
      END $$`;

/** The single fund row's conditional update (replaced by 1732300003900, whose down restores it). */
export const SETTLE_FUND_V1 = `
      CREATE FUNCTION catalogue_settle_fund(p_committed bigint, p_spent bigint, p_budget bigint, p_raise_when_refused boolean DEFAULT false)
      RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        IF p_committed = 0 AND p_spent = 0 THEN
          RETURN true; -- nothing moves: the hot row is not even locked
        END IF;
        UPDATE fund_ledger SET committed_cents = committed_cents + p_committed, spent_cents = spent_cents + p_spent
         WHERE id = 'attendance' AND (p_committed + p_spent <= 0 OR committed_cents + spent_cents + p_committed + p_spent <= p_budget);
        IF NOT FOUND AND p_raise_when_refused THEN
          -- For a statement sent together with its COMMIT: only an error stops that COMMIT.
          RAISE EXCEPTION 'the fund cannot pay % cents', p_committed + p_spent USING ERRCODE = 'EQ001';
        END IF;
        RETURN FOUND;
      END $$`;

/**
 * A booking in two round trips instead of eleven (bench: 100 concurrent schools). Each round
 * trip costs the subgraph CPU and, worse, stretches how long the booking holds its locks; the
 * fund's row is locked by every confirmed booking until its COMMIT. So the booking path now
 * asks once for everything it decides on, and writes once, COMMIT included
 * (pipelinedTransaction in the shared kit):
 * - `school_semester_usage` and `locked_learner_counts`: a school's funded pupils and money per
 *   semester and grade, and its latest locked learner counts per school year. The booking path
 *   and the waiting-list promotions read these through `catalogue_school_ledger` (the
 *   `SchoolLedger` of domain/bookingFunding.ts), so the sums and their shape exist once.
 * - `catalogue_booking_context(school, session, from_semester, from_school_year)` takes the
 *   booking's locks in the documented order (store/fundLedger.ts: the school's replica row,
 *   the session, the school's funding lock) and then reads, under them, what the decision needs.
 *   It decides nothing: every rule stays in TypeScript (domain/).
 * - `catalogue_settle_fund(committed, spent, budget[, raise])`: the fund's conditional update,
 *   the one place its budget is enforced; true when applied, or (with raise) an error
 *   EQ001 instead of false (FUND_REFUSED_SQLSTATE in store/fundLedger.ts).
 * The funding lock is now per school rather than per school and semester: the booking path
 *   takes it before it knows the semester, and a school rarely books two semesters at once.
 */
export class BookInFewerRoundTrips1732300003700 implements MigrationInterface {
  name = 'BookInFewerRoundTrips1732300003700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW school_semester_usage AS
      SELECT institution_id, semester, grade,
             SUM(CASE status WHEN 'CONFIRMED' THEN pupils WHEN 'ATTENDED' THEN attended_pupils ELSE 0 END)::int AS funded_pupils,
             SUM(committed_cents + cost_cents)::bigint AS used_cents
        FROM booking GROUP BY institution_id, semester, grade`);
    await q.query(`
      CREATE VIEW locked_learner_counts AS
      SELECT DISTINCT ON (institution_id, school_year) institution_id, school_year, counts, total
        FROM learner_count_report WHERE status = 'LOCKED'
       ORDER BY institution_id, school_year, state_at DESC`);
    await q.query(`
      CREATE FUNCTION catalogue_school_ledger(p_school uuid, p_from_semester text, p_from_school_year text) RETURNS jsonb
      LANGUAGE sql STABLE AS $$
        SELECT jsonb_build_object(
          'usage', (SELECT COALESCE(jsonb_agg(u), '[]') FROM (
                      SELECT semester, grade, funded_pupils, used_cents FROM school_semester_usage
                       WHERE institution_id = p_school AND semester >= p_from_semester) u),
          'learnerCounts', (SELECT COALESCE(jsonb_agg(c), '[]') FROM (
                      SELECT school_year, counts, total FROM locked_learner_counts
                       WHERE institution_id = p_school AND school_year >= p_from_school_year) c))
      $$`);
    await q.query(BOOKING_CONTEXT_V1);
    await q.query(SETTLE_FUND_V1);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION catalogue_settle_fund(bigint, bigint, bigint, boolean)');
    await q.query('DROP FUNCTION catalogue_booking_context(uuid, uuid, text, text)');
    await q.query('DROP FUNCTION catalogue_school_ledger(uuid, text, text)');
    await q.query('DROP VIEW locked_learner_counts');
    await q.query('DROP VIEW school_semester_usage');
  }
}
