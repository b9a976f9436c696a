import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Licence kinds and their attributes, the places a licence covers (one or more, each added and
 * removed by a decision), the decision log, links between a licence and the one continuing it
 * (re-licensing, transfer to a reorganised institution's successor), and interest-education
 * programmes. Existing licences get the default kind of their level (GENERAL, or VOCATIONAL_INITIAL),
 * their one place and their issue decision.
 */
export class LicenceKindsLifecycleAndInterestProgrammes1732300002200 implements MigrationInterface {
  name = 'LicenceKindsLifecycleAndInterestProgrammes1732300002200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE licence
        ADD COLUMN kind                          text NOT NULL DEFAULT 'GENERAL',
        ADD COLUMN special_needs_category        text,
        ADD COLUMN international_programme       text,
        ADD COLUMN latvian_studies_permit        jsonb,
        ADD COLUMN accreditation_proof           jsonb,
        ADD COLUMN professional_orientation_field text,
        ADD COLUMN derived_from_id               uuid REFERENCES licence (id),
        ADD COLUMN continues_id                  uuid REFERENCES licence (id),
        ADD COLUMN continued_by_id               uuid REFERENCES licence (id),
        ADD COLUMN ended_on                      date`);
    // The kind a licence issued without one gets today (licenceKinds.defaultKind).
    await q.query(`UPDATE licence SET kind = 'VOCATIONAL_INITIAL' WHERE level = 'VOCATIONAL'`);
    await q.query(`UPDATE licence SET ended_on = lapsed_on WHERE status = 'LAPSED'`);
    // A transfer or re-licensing is applied once: a licence is continued by at most one other.
    await q.query('CREATE UNIQUE INDEX licence_continues ON licence (continues_id) WHERE continues_id IS NOT NULL');
    await q.query(`
      CREATE TABLE licence_place (
        licence_id uuid NOT NULL REFERENCES licence (id),
        place_id   uuid NOT NULL,
        address    text NOT NULL,
        added_on   date NOT NULL,
        removed_on date,
        PRIMARY KEY (licence_id, place_id)
      )`);
    await q.query('CREATE INDEX licence_place_place ON licence_place (place_id) WHERE removed_on IS NULL');
    await q.query(`
      INSERT INTO licence_place (licence_id, place_id, address, added_on)
      SELECT id, implementation_place_id, implementation_place_address, issued_on FROM licence`);
    await q.query(`
      CREATE TABLE licence_decision (
        seq            bigserial PRIMARY KEY,
        licence_id     uuid NOT NULL REFERENCES licence (id),
        kind           text NOT NULL,
        number         text,
        date           date NOT NULL,
        changed_fields jsonb NOT NULL,
        reason         text,
        recorded_by    text,
        recorded_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX licence_decision_licence ON licence_decision (licence_id, seq)');
    await q.query(`
      INSERT INTO licence_decision (licence_id, kind, number, date, changed_fields)
      SELECT id, 'ISSUED', decision_number, issued_on, '[]'::jsonb FROM licence`);
    await q.query(`
      INSERT INTO licence_decision (licence_id, kind, date, changed_fields, reason)
      SELECT id, 'LAPSED', lapsed_on, '["status","lapsedOn"]'::jsonb, 'The institution was liquidated' FROM licence WHERE status = 'LAPSED'`);
    await q.query(`
      CREATE TABLE interest_programme (
        id                            uuid PRIMARY KEY,
        institution_id                uuid NOT NULL,
        municipality                  text NOT NULL,
        name                          text NOT NULL,
        classifier_code               text NOT NULL,
        area_code                     text,
        starts_on                     date NOT NULL,
        ends_on                       date,
        annual_targeted_subsidy_cents integer NOT NULL CHECK (annual_targeted_subsidy_cents >= 0),
        registered_by                 text,
        created_at                    timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    await q.query('CREATE INDEX interest_programme_institution ON interest_programme (institution_id)');
    await q.query('CREATE INDEX interest_programme_municipality ON interest_programme (municipality, starts_on)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE interest_programme');
    await q.query('DROP TABLE licence_decision');
    await q.query('DROP TABLE licence_place');
    await q.query('DROP INDEX licence_continues');
    await q.query(`
      ALTER TABLE licence
        DROP COLUMN kind, DROP COLUMN special_needs_category, DROP COLUMN international_programme,
        DROP COLUMN latvian_studies_permit, DROP COLUMN accreditation_proof, DROP COLUMN professional_orientation_field,
        DROP COLUMN derived_from_id, DROP COLUMN continues_id, DROP COLUMN continued_by_id, DROP COLUMN ended_on`);
  }
}
