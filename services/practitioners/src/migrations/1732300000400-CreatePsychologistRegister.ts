import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePsychologistRegister1732300000400 implements MigrationInterface {
  name = 'CreatePsychologistRegister1732300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE psychologist (
        id                           uuid PRIMARY KEY,
        registration_number          text NOT NULL UNIQUE,
        name                         text NOT NULL,
        search_name                  text NOT NULL,
        personal_code                text NOT NULL UNIQUE,
        education                    text NOT NULL,
        registration_decision_number text NOT NULL,
        registration_decision_date   date NOT NULL,
        status                       text NOT NULL,
        created_at                   timestamptz NOT NULL DEFAULT now(),
        updated_at                   timestamptz NOT NULL DEFAULT now()
      )`);
    // Listing order and keyset paging are (name, id).
    await q.query('CREATE INDEX psychologist_name_id ON psychologist (name, id)');
    await q.query(`
      CREATE TABLE certificate (
        id                uuid PRIMARY KEY,
        psychologist_id   uuid NOT NULL REFERENCES psychologist (id),
        number            text NOT NULL UNIQUE,
        field_of_practice text NOT NULL,
        valid_from        date NOT NULL,
        valid_until       date NOT NULL,
        decision_number   text NOT NULL,
        decision_date     date NOT NULL,
        recorded_by       text,
        created_at        timestamptz NOT NULL DEFAULT now(),
        -- The domain computes the end from the start; this guards against any other writer.
        CONSTRAINT certificate_period CHECK (valid_until >= valid_from)
      )`);
    await q.query('CREATE INDEX certificate_psychologist ON certificate (psychologist_id, valid_from)');
    await q.query('CREATE INDEX certificate_field ON certificate (field_of_practice, psychologist_id)');
    await q.query(`
      CREATE TABLE status_change (
        seq             bigserial NOT NULL UNIQUE,
        id              uuid PRIMARY KEY,
        psychologist_id uuid NOT NULL REFERENCES psychologist (id),
        status          text NOT NULL,
        decision_number text NOT NULL,
        decision_date   date NOT NULL,
        recorded_by     text
      )`);
    await q.query('CREATE INDEX status_change_psychologist ON status_change (psychologist_id, seq)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE status_change');
    await q.query('DROP TABLE certificate');
    await q.query('DROP TABLE psychologist');
  }
}
