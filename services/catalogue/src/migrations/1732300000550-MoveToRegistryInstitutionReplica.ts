import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue's own `known_institution` read model gives way to the shared kit's replica,
 * `registry_institution` (CreateRegistryInstitutionReplica1732300000050). Kafka offsets are
 * committed, so the events cannot be read again: the rows move over with the fields the
 * catalogue kept (id, name, type, status, planningRegion), which is all it reads, until the
 * institution's next event brings its full state.
 */
export class MoveToRegistryInstitutionReplica1732300000550 implements MigrationInterface {
  name = 'MoveToRegistryInstitutionReplica1732300000550';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO registry_institution (id, state, state_at)
      SELECT id, jsonb_build_object('id', id, 'name', name, 'type', type, 'status', status, 'planningRegion', planning_region), state_at
      FROM known_institution`);
    await q.query('DROP TABLE known_institution');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE known_institution (
        id              uuid PRIMARY KEY,
        name            text NOT NULL,
        type            text NOT NULL,
        status          text NOT NULL,
        planning_region text NOT NULL,
        state_at        timestamptz NOT NULL
      )`);
    await q.query(`
      INSERT INTO known_institution (id, name, type, status, planning_region, state_at)
      SELECT id, state->>'name', state->>'type', state->>'status', state->>'planningRegion', state_at
      FROM registry_institution`);
    await q.query('DELETE FROM registry_institution');
  }
}
