import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Learner-count reports (one per institution and school year, counts per grade as of
 * 1 September) and the school years the ministry has locked.
 */
export class CreateLearnerCountReports1732300001100 implements MigrationInterface {
  name = 'CreateLearnerCountReports1732300001100';

  async up(q: QueryRunner): Promise<void> {
    // The CHECKs repeat the domain rules so that no path (a script, a bug) can store a
    // negative count, a malformed year or an unknown status.
    await q.query(`
      CREATE TABLE learner_count_report (
        id              uuid PRIMARY KEY,
        institution_id  uuid NOT NULL REFERENCES institution (id),
        school_year     text NOT NULL CHECK (school_year ~ '^[0-9]{4}/[0-9]{4}$'),
        status          text NOT NULL CHECK (status IN ('DRAFT', 'CONFIRMED', 'APPROVED', 'LOCKED')),
        preschool_age_5 integer NOT NULL CHECK (preschool_age_5 >= 0),
        preschool_age_6 integer NOT NULL CHECK (preschool_age_6 >= 0),
        grade_1         integer NOT NULL CHECK (grade_1 >= 0),
        grade_2         integer NOT NULL CHECK (grade_2 >= 0),
        grade_3         integer NOT NULL CHECK (grade_3 >= 0),
        grade_4         integer NOT NULL CHECK (grade_4 >= 0),
        grade_5         integer NOT NULL CHECK (grade_5 >= 0),
        grade_6         integer NOT NULL CHECK (grade_6 >= 0),
        grade_7         integer NOT NULL CHECK (grade_7 >= 0),
        grade_8         integer NOT NULL CHECK (grade_8 >= 0),
        grade_9         integer NOT NULL CHECK (grade_9 >= 0),
        grade_10        integer NOT NULL CHECK (grade_10 >= 0),
        grade_11        integer NOT NULL CHECK (grade_11 >= 0),
        grade_12        integer NOT NULL CHECK (grade_12 >= 0),
        confirmed_at    timestamptz,
        approved_at     timestamptz,
        locked_at       timestamptz,
        prepared_by     text,
        confirmed_by    text,
        approved_by     text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT learner_count_report_one_per_year UNIQUE (institution_id, school_year)
      )`);
    // Locking takes a whole school year at once.
    await q.query('CREATE INDEX learner_count_report_school_year ON learner_count_report (school_year)');
    await q.query(`
      CREATE TABLE learner_count_year_lock (
        school_year  text PRIMARY KEY,
        locked_at    timestamptz NOT NULL,
        locked_by    text,
        report_count integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE learner_count_year_lock');
    await q.query('DROP TABLE learner_count_report');
  }
}
