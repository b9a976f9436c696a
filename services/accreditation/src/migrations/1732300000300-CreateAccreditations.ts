import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccreditations1732300000300 implements MigrationInterface {
  name = 'CreateAccreditations1732300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE known_institution (
        id            uuid PRIMARY KEY,
        name          text NOT NULL,
        status        text NOT NULL,
        liquidated_on date,
        state_at      timestamptz NOT NULL
      )`);
    // The CHECKs restate the regulation's ceiling and the status invariants as a last line of
    // defence: the domain rules refuse such rows first, with an error a person can act on.
    await q.query(`
      CREATE TABLE accreditation (
        id                 uuid PRIMARY KEY,
        kind               text NOT NULL CHECK (kind IN ('INSTITUTION', 'PROGRAMME')),
        institution_id     uuid NOT NULL,
        decision_number    text NOT NULL,
        decision_date      date NOT NULL,
        term_years         integer NOT NULL CHECK (term_years BETWEEN 1 AND 6),
        term_start         date NOT NULL,
        term_end           date NOT NULL,
        application_due_by date NOT NULL,
        status             text NOT NULL CHECK (status IN ('ACTIVE', 'ENDED')),
        ended_on           date,
        end_reason         text,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CHECK (term_start <= term_end AND application_due_by < term_end),
        CHECK ((status = 'ENDED') = (ended_on IS NOT NULL AND end_reason IS NOT NULL))
      )`);
    await q.query('CREATE INDEX accreditation_institution ON accreditation (institution_id, term_start DESC)');
    await q.query(`
      CREATE TABLE accreditation_result (
        accreditation_id uuid NOT NULL REFERENCES accreditation (id),
        category         text NOT NULL CHECK (category IN ('FITNESS_FOR_PURPOSE', 'QUALITY_TEACHING', 'INCLUSIVE_ENVIRONMENT', 'GOOD_GOVERNANCE')),
        level            text NOT NULL CHECK (level IN ('INSUFFICIENT', 'NEEDS_IMPROVEMENT', 'GOOD', 'VERY_GOOD', 'EXCELLENT')),
        position         integer NOT NULL,
        PRIMARY KEY (accreditation_id, category)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE accreditation_result');
    await q.query('DROP TABLE accreditation');
    await q.query('DROP TABLE known_institution');
  }
}
