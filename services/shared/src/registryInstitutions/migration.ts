import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The replica of the registry's institutions a subscribing service keeps: each institution's
 * full state from its latest applied `registry.institution.v1` event, and that event's `time`
 * (older events never overwrite newer state). A service that reads the topic lists this class
 * in its own `migrations`; its timestamp puts it before every service's own migrations.
 */
export class CreateRegistryInstitutionReplica1732300000050 implements MigrationInterface {
  name = 'CreateRegistryInstitutionReplica1732300000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registry_institution (
        id       uuid PRIMARY KEY,
        state    jsonb NOT NULL,
        state_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE registry_institution');
  }
}
