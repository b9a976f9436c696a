import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Interest-education programmes get a history: a decision log (registration, amendment,
 * reclassification, end) and versions (name, classification and subsidy from one decision to the
 * next), and learner numbers per school year. Each existing programme gets its registration
 * decision (no number, dated the day it was registered, as the API took it) and one version
 * covering its whole run with its current terms.
 */
export class InterestProgrammeHistoryAndLearners1732300004250 implements MigrationInterface {
  name = 'InterestProgrammeHistoryAndLearners1732300004250';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE interest_programme_decision (
        seq            bigserial PRIMARY KEY,
        programme_id   uuid NOT NULL REFERENCES interest_programme (id),
        kind           text NOT NULL,
        number         text,
        date           date NOT NULL,
        effective_from date NOT NULL,
        changed_fields jsonb NOT NULL,
        reason         text,
        recorded_by    text,
        recorded_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX interest_programme_decision_programme ON interest_programme_decision (programme_id, seq)');
    await q.query(`
      CREATE TABLE interest_programme_version (
        programme_id                  uuid NOT NULL REFERENCES interest_programme (id),
        valid_from                    date NOT NULL,
        valid_to                      date,
        name                          text NOT NULL,
        classifier_code               text NOT NULL,
        area_code                     text,
        annual_targeted_subsidy_cents integer NOT NULL CHECK (annual_targeted_subsidy_cents >= 0),
        decision_seq                  bigint NOT NULL REFERENCES interest_programme_decision (seq),
        PRIMARY KEY (programme_id, valid_from),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await q.query(`
      CREATE TABLE interest_programme_learner_count (
        programme_id uuid NOT NULL REFERENCES interest_programme (id),
        school_year  text NOT NULL CHECK (school_year ~ '^[0-9]{4}/[0-9]{4}$'),
        learners     integer NOT NULL CHECK (learners >= 0),
        reported_by  text,
        reported_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (programme_id, school_year)
      )`);
    await q.query(`
      INSERT INTO interest_programme_decision (programme_id, kind, date, effective_from, changed_fields, recorded_by, recorded_at)
      SELECT id, 'REGISTERED', (created_at AT TIME ZONE 'Europe/Riga')::date, starts_on, '[]'::jsonb, registered_by, created_at
        FROM interest_programme ORDER BY created_at, id`);
    await q.query(`
      INSERT INTO interest_programme_version
        (programme_id, valid_from, valid_to, name, classifier_code, area_code, annual_targeted_subsidy_cents, decision_seq)
      SELECT p.id, p.starts_on, p.ends_on, p.name, p.classifier_code, p.area_code, p.annual_targeted_subsidy_cents, d.seq
        FROM interest_programme p JOIN interest_programme_decision d ON d.programme_id = p.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE interest_programme_learner_count');
    await q.query('DROP TABLE interest_programme_version');
    await q.query('DROP TABLE interest_programme_decision');
  }
}
