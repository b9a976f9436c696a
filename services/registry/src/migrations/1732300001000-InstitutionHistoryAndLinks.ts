import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Field-level history (every change with its decision and effective date, future ones pending
 * until their date), predecessor/successor links of reorganisations, and the institution fields
 * the full register needs: head, contacts, state-significance status, the restricted
 * natural-person founder's personal code and internal notes.
 */
export class InstitutionHistoryAndLinks1732300001000 implements MigrationInterface {
  name = 'InstitutionHistoryAndLinks1732300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE institution
        ADD COLUMN head_name             text,
        ADD COLUMN contact_email         text,
        ADD COLUMN contact_phone         text,
        ADD COLUMN state_significance    boolean NOT NULL DEFAULT false,
        ADD COLUMN liquidation_kind      text,
        ADD COLUMN founder_personal_code text,
        ADD COLUMN internal_notes        text`);
    await q.query('CREATE INDEX institution_updated_at ON institution (updated_at, id)');
    await q.query(`
      CREATE TABLE institution_change (
        seq            bigserial PRIMARY KEY,
        institution_id uuid NOT NULL REFERENCES institution (id),
        decision_id    uuid NOT NULL REFERENCES decision (id),
        field          text NOT NULL,
        old_value      jsonb,
        new_value      jsonb,
        effective_date date NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        applied_at     timestamptz
      )`);
    // asOf reads fold one institution's changes up to a date; the scheduler scans pending ones.
    await q.query('CREATE INDEX institution_change_fold ON institution_change (institution_id, effective_date, seq)');
    await q.query('CREATE INDEX institution_change_pending ON institution_change (effective_date) WHERE applied_at IS NULL');
    // Institutions registered before history existed: their registration becomes their first change.
    await q.query(`
      INSERT INTO institution_change (institution_id, decision_id, field, old_value, new_value, effective_date, recorded_at, applied_at)
      SELECT i.id, d.id, f.field, NULL, f.value, i.registered_on, i.created_at, i.created_at
        FROM institution i
        JOIN decision d ON d.institution_id = i.id AND d.kind = 'REGISTRATION'
        CROSS JOIN LATERAL (VALUES
          ('name', to_jsonb(i.name)), ('type', to_jsonb(i.type)), ('status', to_jsonb('ACTIVE'::text)),
          ('founder', jsonb_build_object('kind', i.founder_kind, 'name', i.founder_name, 'municipality', i.founder_municipality)),
          ('planningRegion', to_jsonb(i.planning_region)),
          ('implementationPlaces', (SELECT jsonb_agg(jsonb_build_object('id', p.id, 'address', p.address, 'municipality', p.municipality, 'planningRegion', p.planning_region) ORDER BY p.position)
                                     FROM implementation_place p WHERE p.institution_id = i.id))
        ) AS f(field, value)`);
    await q.query(`
      CREATE TABLE institution_link (
        predecessor_id uuid NOT NULL REFERENCES institution (id),
        successor_id   uuid NOT NULL REFERENCES institution (id),
        kind           text NOT NULL,
        decision_id    uuid NOT NULL REFERENCES decision (id),
        effective_date date NOT NULL,
        PRIMARY KEY (predecessor_id, successor_id),
        CHECK (predecessor_id <> successor_id)
      )`);
    await q.query('CREATE INDEX institution_link_successor ON institution_link (successor_id)');
    await q.query('ALTER TABLE implementation_place ADD COLUMN removed boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE implementation_place DROP COLUMN removed');
    await q.query('DROP TABLE institution_link');
    await q.query('DROP TABLE institution_change');
    await q.query('DROP INDEX institution_updated_at');
    await q.query(`
      ALTER TABLE institution
        DROP COLUMN head_name, DROP COLUMN contact_email, DROP COLUMN contact_phone, DROP COLUMN state_significance,
        DROP COLUMN liquidation_kind, DROP COLUMN founder_personal_code, DROP COLUMN internal_notes`);
  }
}
