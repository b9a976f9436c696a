import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accreditation's own `known_institution` read model gives way to the shared kit's replica,
 * `registry_institution` (CreateRegistryInstitutionReplica1732300000050). Kafka offsets are
 * committed, so the events cannot be read again: the rows move over with the fields
 * accreditation kept (id, name, status, liquidatedOn), which is all it reads, until the
 * institution's next event brings its full state.
 */
export class MoveToRegistryInstitutionReplica1732300000350 implements MigrationInterface {
  name = 'MoveToRegistryInstitutionReplica1732300000350';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO registry_institution (id, state, state_at)
      SELECT id, jsonb_build_object('id', id, 'name', name, 'status', status, 'liquidatedOn', to_char(liquidated_on, 'YYYY-MM-DD')), state_at
      FROM known_institution`);
    await q.query('DROP TABLE known_institution');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE known_institution (
        id            uuid PRIMARY KEY,
        name          text NOT NULL,
        status        text NOT NULL,
        liquidated_on date,
        state_at      timestamptz NOT NULL
      )`);
    await q.query(`
      INSERT INTO known_institution (id, name, status, liquidated_on, state_at)
      SELECT id, state->>'name', state->>'status', (state->>'liquidatedOn')::date, state_at
      FROM registry_institution`);
    await q.query('DELETE FROM registry_institution');
  }
}
