import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The measure's indicators (source 003) count pupils of the participating (partner)
 * institutions, and two of them count choices only schools can report:
 * - `fund_partner`: which institutions FUND_ADMIN records as the measure's partners, per school
 *   year. Until now every school with locked learner counts was the base of the participation
 *   indicator; those schools become the partners of those years, so the indicator reads the same
 *   after this migration until FUND_ADMIN changes the list.
 * - `learning_choice_report`: a school's own counts per school year (secondary pupils and those
 *   whose "Projekta darbs" choice the activities influenced; pupils of basic and secondary
 *   education and those whose further-learning choice they influenced). The CHECKs repeat the
 *   rules of domain/learningChoices.ts as the last guard.
 */
export class RecordFundPartnersAndChoices1732300003950 implements MigrationInterface {
  name = 'RecordFundPartnersAndChoices1732300003950';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fund_partner (
        school_year    text NOT NULL CHECK (school_year ~ '^[0-9]{4}/[0-9]{4}$'),
        institution_id uuid NOT NULL,
        recorded_by    text,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_year, institution_id)
      )`);
    await q.query(`
      INSERT INTO fund_partner (school_year, institution_id, recorded_by)
      SELECT DISTINCT school_year, institution_id, 'migration 1732300003950' FROM learner_count_report WHERE status = 'LOCKED'`);
    await q.query(`
      CREATE TABLE learning_choice_report (
        institution_id              uuid NOT NULL,
        school_year                 text NOT NULL CHECK (school_year ~ '^[0-9]{4}/[0-9]{4}$'),
        secondary_pupils            integer NOT NULL CHECK (secondary_pupils >= 0),
        project_work_influenced     integer NOT NULL CHECK (project_work_influenced BETWEEN 0 AND secondary_pupils),
        pupils                      integer NOT NULL CHECK (pupils >= secondary_pupils),
        further_learning_influenced integer NOT NULL CHECK (further_learning_influenced BETWEEN 0 AND pupils),
        reported_by                 text,
        reported_at                 timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (institution_id, school_year)
      )`);
    await q.query('CREATE INDEX learning_choice_report_school_year ON learning_choice_report (school_year)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE learning_choice_report');
    await q.query('DROP TABLE fund_partner');
  }
}
