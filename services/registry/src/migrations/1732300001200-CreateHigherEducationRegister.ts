import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateHigherEducationRegister1732300001200 implements MigrationInterface {
  name = 'CreateHigherEducationRegister1732300001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE higher_education_institution (
        id                           uuid PRIMARY KEY,
        registration_number          text NOT NULL UNIQUE,
        name                         text NOT NULL,
        search_name                  text NOT NULL,
        kind                         text NOT NULL,
        founder_kind                 text NOT NULL,
        founder_name                 text NOT NULL,
        status                       text NOT NULL,
        registration_decision_number text NOT NULL,
        registration_decision_date   date NOT NULL,
        recorded_by                  text,
        created_at                   timestamptz NOT NULL DEFAULT now(),
        updated_at                   timestamptz NOT NULL DEFAULT now()
      )`);
    // Listing order and keyset paging are (name, id).
    await q.query('CREATE INDEX higher_education_institution_name_id ON higher_education_institution (name, id)');
    await q.query(`
      CREATE TABLE higher_education_branch (
        seq                      bigserial NOT NULL UNIQUE,
        id                       uuid PRIMARY KEY,
        institution_id           uuid NOT NULL REFERENCES higher_education_institution (id),
        address                  text NOT NULL,
        municipality             text NOT NULL,
        planning_region          text NOT NULL,
        status                   text NOT NULL,
        opened_decision_number   text NOT NULL,
        opened_decision_date     date NOT NULL,
        excluded_decision_number text,
        excluded_decision_date   date,
        excluded_reason          text,
        opened_by                text,
        excluded_by              text,
        -- An excluded branch has its whole exclusion decision, an open one none of it.
        CONSTRAINT higher_education_branch_exclusion CHECK (
          (status = 'OPEN' AND excluded_decision_number IS NULL AND excluded_decision_date IS NULL AND excluded_reason IS NULL)
          OR (status = 'EXCLUDED' AND excluded_decision_number IS NOT NULL AND excluded_decision_date >= opened_decision_date AND excluded_reason IS NOT NULL)
        )
      )`);
    await q.query(
      'CREATE INDEX higher_education_branch_institution ON higher_education_branch (institution_id, opened_decision_date, seq)',
    );
    // The planning-region filter looks for an open branch in the region.
    await q.query(
      `CREATE INDEX higher_education_branch_open_region ON higher_education_branch (planning_region, institution_id) WHERE status = 'OPEN'`,
    );
    await q.query(`
      CREATE TABLE higher_education_amendment (
        seq             bigserial NOT NULL UNIQUE,
        id              uuid PRIMARY KEY,
        institution_id  uuid NOT NULL REFERENCES higher_education_institution (id),
        field           text NOT NULL,
        old_value       text NOT NULL,
        new_value       text NOT NULL,
        decision_number text NOT NULL,
        decision_date   date NOT NULL,
        recorded_by     text,
        recorded_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX higher_education_amendment_institution ON higher_education_amendment (institution_id, seq)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE higher_education_amendment');
    await q.query('DROP TABLE higher_education_branch');
    await q.query('DROP TABLE higher_education_institution');
  }
}
