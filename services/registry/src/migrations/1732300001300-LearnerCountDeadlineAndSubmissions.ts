import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The learner-count deadline closes years by itself and an OFFICER may reopen one: a year's row
 * now also records a reopening, and is unlocked (locked_at null) while it is in force. Existing
 * rows stay as they were: locked, never reopened. Municipalities' submissions to the ministry
 * get a table of their own (one per municipality and school year).
 */
export class LearnerCountDeadlineAndSubmissions1732300001300 implements MigrationInterface {
  name = 'LearnerCountDeadlineAndSubmissions1732300001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE learner_count_year_lock
        ALTER COLUMN locked_at DROP NOT NULL,
        ADD COLUMN reopened_until timestamptz,
        ADD COLUMN reopened_at    timestamptz,
        ADD COLUMN reopened_by    text,
        ADD COLUMN reopen_reason  text,
        ADD CONSTRAINT learner_count_year_lock_reopening CHECK ((reopened_until IS NULL) = (reopened_at IS NULL))`);
    await q.query(`
      CREATE TABLE learner_count_submission (
        id            uuid PRIMARY KEY,
        municipality  text NOT NULL,
        school_year   text NOT NULL CHECK (school_year ~ '^[0-9]{4}/[0-9]{4}$'),
        status        text NOT NULL CHECK (status IN ('SENT', 'ACCEPTED', 'RETURNED')),
        report_count  integer NOT NULL CHECK (report_count >= 0),
        total         integer NOT NULL CHECK (total >= 0),
        sent_at       timestamptz NOT NULL,
        sent_by       text,
        decided_at    timestamptz,
        decided_by    text,
        return_reason text,
        CONSTRAINT learner_count_submission_one_per_year UNIQUE (municipality, school_year),
        CONSTRAINT learner_count_submission_returned_with_reason CHECK ((status = 'RETURNED') = (return_reason IS NOT NULL))
      )`);
    // The overview finds a founder's institutions by municipality.
    await q.query(
      'CREATE INDEX institution_founder_municipality ON institution (founder_municipality) WHERE founder_municipality IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX institution_founder_municipality');
    await q.query('DROP TABLE learner_count_submission');
    await q.query('DELETE FROM learner_count_year_lock WHERE locked_at IS NULL');
    await q.query(`
      ALTER TABLE learner_count_year_lock
        DROP CONSTRAINT learner_count_year_lock_reopening,
        DROP COLUMN reopen_reason,
        DROP COLUMN reopened_by,
        DROP COLUMN reopened_at,
        DROP COLUMN reopened_until,
        ALTER COLUMN locked_at SET NOT NULL`);
  }
}
