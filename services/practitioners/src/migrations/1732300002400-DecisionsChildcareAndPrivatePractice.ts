import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Status decisions need nothing new (status_change holds them); this adds the expiry mark on
 * certificates, supervisor rights, foreign-qualification recognitions, the register of
 * child-supervision service providers and teachers' private-practice certificates.
 */
export class DecisionsChildcareAndPrivatePractice1732300002400 implements MigrationInterface {
  name = 'DecisionsChildcareAndPrivatePractice1732300002400';

  async up(q: QueryRunner): Promise<void> {
    // The day the expiry job recorded the end of validity; the job finds work where it is null.
    await q.query('ALTER TABLE certificate ADD COLUMN expired_on date');
    await q.query('CREATE INDEX certificate_unexpired ON certificate (valid_until) WHERE expired_on IS NULL');
    await q.query(`
      CREATE TABLE supervisor_right (
        id                uuid PRIMARY KEY,
        psychologist_id   uuid NOT NULL REFERENCES psychologist (id),
        certificate_id    uuid NOT NULL REFERENCES certificate (id),
        field_of_practice text NOT NULL,
        valid_from        date NOT NULL,
        valid_until       date NOT NULL,
        decision_number   text NOT NULL,
        decision_date     date NOT NULL,
        expired_on        date,
        recorded_by       text,
        created_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT supervisor_right_period CHECK (valid_until >= valid_from)
      )`);
    await q.query('CREATE INDEX supervisor_right_psychologist ON supervisor_right (psychologist_id, valid_from)');
    await q.query('CREATE INDEX supervisor_right_unexpired ON supervisor_right (valid_until) WHERE expired_on IS NULL');
    await q.query(`
      CREATE TABLE foreign_qualification (
        seq             bigserial NOT NULL UNIQUE,
        id              uuid PRIMARY KEY,
        psychologist_id uuid NOT NULL REFERENCES psychologist (id),
        country         text NOT NULL,
        qualification   text NOT NULL,
        decision_number text NOT NULL,
        decision_date   date NOT NULL,
        recorded_by     text
      )`);
    await q.query('CREATE INDEX foreign_qualification_psychologist ON foreign_qualification (psychologist_id, seq)');
    await q.query('CREATE INDEX status_change_year ON status_change (status, decision_date)');

    await q.query(`
      CREATE TABLE childcare_provider (
        id                        uuid PRIMARY KEY,
        registration_number       text NOT NULL UNIQUE,
        kind                      text NOT NULL CHECK (kind IN ('NATURAL_PERSON', 'LEGAL_PERSON')),
        name                      text NOT NULL,
        search_name               text NOT NULL,
        personal_code             text,
        company_number            text,
        home_address              text NOT NULL,
        home_address_public       boolean NOT NULL,
        service_address           text NOT NULL,
        municipality              text NOT NULL,
        search_municipality       text NOT NULL,
        status                    text NOT NULL,
        decision_number           text NOT NULL,
        decision_date             date NOT NULL,
        refusal_reason            text,
        exclusion_decision_number text,
        exclusion_decision_date   date,
        exclusion_reason          text,
        recorded_by               text,
        created_at                timestamptz NOT NULL DEFAULT now(),
        updated_at                timestamptz NOT NULL DEFAULT now(),
        -- A natural person has a personal code, a legal person a company number; never both.
        CONSTRAINT childcare_provider_identity CHECK (
          (kind = 'NATURAL_PERSON' AND personal_code IS NOT NULL AND company_number IS NULL)
          OR (kind = 'LEGAL_PERSON' AND company_number IS NOT NULL AND personal_code IS NULL))
      )`);
    await q.query('CREATE INDEX childcare_provider_name_id ON childcare_provider (name, id)');
    await q.query(`
      CREATE TABLE childcare_amendment (
        seq             bigserial NOT NULL UNIQUE,
        id              uuid PRIMARY KEY,
        provider_id     uuid NOT NULL REFERENCES childcare_provider (id),
        changed_fields  text[] NOT NULL,
        decision_number text NOT NULL,
        decision_date   date NOT NULL,
        recorded_by     text
      )`);
    await q.query('CREATE INDEX childcare_amendment_provider ON childcare_amendment (provider_id, seq)');

    await q.query(`
      CREATE TABLE private_practice_certificate (
        id                         uuid PRIMARY KEY,
        number                     text NOT NULL UNIQUE,
        teacher_name               text NOT NULL,
        search_name                text NOT NULL,
        personal_code              text NOT NULL,
        programme_kind             text NOT NULL,
        programme_name             text NOT NULL,
        municipality               text NOT NULL,
        search_municipality        text NOT NULL,
        valid_from                 date NOT NULL,
        valid_until                date NOT NULL,
        status                     text NOT NULL,
        decision_number            text NOT NULL,
        decision_date              date NOT NULL,
        revocation_decision_number text,
        revocation_decision_date   date,
        revocation_reason          text,
        recorded_by                text,
        created_at                 timestamptz NOT NULL DEFAULT now(),
        updated_at                 timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT private_practice_period CHECK (valid_until >= valid_from)
      )`);
    await q.query('CREATE INDEX private_practice_name_id ON private_practice_certificate (teacher_name, id)');
    await q.query(`
      CREATE TABLE private_practice_extension (
        seq             bigserial NOT NULL UNIQUE,
        id              uuid PRIMARY KEY,
        certificate_id  uuid NOT NULL REFERENCES private_practice_certificate (id),
        valid_until     date NOT NULL,
        decision_number text NOT NULL,
        decision_date   date NOT NULL,
        recorded_by     text
      )`);
    await q.query('CREATE INDEX private_practice_extension_certificate ON private_practice_extension (certificate_id, seq)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE private_practice_extension');
    await q.query('DROP TABLE private_practice_certificate');
    await q.query('DROP TABLE childcare_amendment');
    await q.query('DROP TABLE childcare_provider');
    await q.query('DROP INDEX status_change_year');
    await q.query('DROP TABLE foreign_qualification');
    await q.query('DROP TABLE supervisor_right');
    await q.query('DROP INDEX certificate_unexpired');
    await q.query('ALTER TABLE certificate DROP COLUMN expired_on');
  }
}
