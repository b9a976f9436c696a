import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The accreditation process around the decision: applications with their evaluation and
 * decision, programme accreditations by licence (with the read model of licensing's licences
 * that ends them), extensions of a term, and expiry.
 */
export class AccreditationProcess1732300002300 implements MigrationInterface {
  name = 'AccreditationProcess1732300002300';

  async up(q: QueryRunner): Promise<void> {
    // Each licence's full state from its latest applied `licensing.licence.v1` event; the
    // columns accreditation decides on are copied out of it.
    await q.query(`
      CREATE TABLE known_licence (
        id             uuid PRIMARY KEY,
        institution_id uuid NOT NULL,
        programme_code text NOT NULL,
        status         text NOT NULL,
        state          jsonb NOT NULL,
        state_at       timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE accreditation_application (
        id                    uuid PRIMARY KEY,
        kind                  text NOT NULL CHECK (kind IN ('INSTITUTION', 'PROGRAMME')),
        institution_id        uuid NOT NULL,
        licence_id            uuid,
        programme_code        text,
        submitted_on          date NOT NULL,
        implementation_places jsonb NOT NULL,
        status                text NOT NULL CHECK (status IN ('SUBMITTED', 'EVALUATED', 'ACCREDITED', 'REFUSED', 'CLOSED')),
        evaluated_on          date,
        evaluation_results    jsonb,
        evaluators_notes      text,
        decision_outcome      text CHECK (decision_outcome IN ('ACCREDITED', 'REFUSED')),
        decision_number       text,
        decision_date         date,
        refusal_reason        text,
        accreditation_id      uuid,
        closed_on             date,
        close_reason          text,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'PROGRAMME') = (licence_id IS NOT NULL AND programme_code IS NOT NULL)),
        CHECK ((status IN ('ACCREDITED', 'REFUSED')) = (decision_number IS NOT NULL)),
        CHECK ((status = 'CLOSED') = (closed_on IS NOT NULL))
      )`);
    // One open application per institution (or per licence) at a time, even under concurrent requests.
    await q.query(`
      CREATE UNIQUE INDEX accreditation_application_open ON accreditation_application
        (institution_id, kind, coalesce(licence_id, '00000000-0000-0000-0000-000000000000'::uuid))
        WHERE status IN ('SUBMITTED', 'EVALUATED')`);
    await q.query('CREATE INDEX accreditation_application_licence ON accreditation_application (licence_id) WHERE licence_id IS NOT NULL');

    await q.query('ALTER TABLE accreditation ADD COLUMN licence_id uuid, ADD COLUMN programme_code text');
    await q.query('ALTER TABLE accreditation ADD COLUMN application_id uuid REFERENCES accreditation_application (id)');
    await q.query('ALTER TABLE accreditation ADD COLUMN expiring_announced_on date');
    await q.query(
      `ALTER TABLE accreditation ADD CONSTRAINT accreditation_programme_licence CHECK ((kind = 'PROGRAMME') = (licence_id IS NOT NULL))`,
    );
    await q.query('ALTER TABLE accreditation DROP CONSTRAINT accreditation_status_check');
    await q.query(`ALTER TABLE accreditation ADD CONSTRAINT accreditation_status_check CHECK (status IN ('ACTIVE', 'ENDED', 'EXPIRED'))`);
    await q.query('CREATE INDEX accreditation_licence ON accreditation (licence_id) WHERE licence_id IS NOT NULL');
    await q.query(`CREATE INDEX accreditation_active_term_end ON accreditation (term_end) WHERE status = 'ACTIVE'`);

    await q.query(`
      CREATE TABLE accreditation_extension (
        accreditation_id  uuid NOT NULL REFERENCES accreditation (id),
        position          integer NOT NULL,
        reason            text NOT NULL CHECK (reason IN ('REORGANISATION', 'BUILDING_WORKS')),
        decision_number   text NOT NULL,
        decision_date     date NOT NULL,
        previous_term_end date NOT NULL,
        term_end          date NOT NULL,
        PRIMARY KEY (accreditation_id, position),
        CHECK (previous_term_end < term_end)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE accreditation_extension');
    await q.query('DROP INDEX accreditation_active_term_end');
    await q.query('DROP INDEX accreditation_licence');
    await q.query('ALTER TABLE accreditation DROP CONSTRAINT accreditation_status_check');
    await q.query(`ALTER TABLE accreditation ADD CONSTRAINT accreditation_status_check CHECK (status IN ('ACTIVE', 'ENDED'))`);
    await q.query('ALTER TABLE accreditation DROP CONSTRAINT accreditation_programme_licence');
    await q.query(
      'ALTER TABLE accreditation DROP COLUMN expiring_announced_on, DROP COLUMN application_id, DROP COLUMN programme_code, DROP COLUMN licence_id',
    );
    await q.query('DROP TABLE accreditation_application');
    await q.query('DROP TABLE known_licence');
  }
}
