import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startMigrationDatabase, type MigrationDatabase } from '../../../test/support/migrationDatabase';
import { createLicensing } from '../src/definition';

/** Programmes registered before the history existed get their registration decision and one version. */
describe('the migration that gives interest-education programmes a history', () => {
  const definition = createLicensing();
  let database: MigrationDatabase;
  const open = (migrations: typeof definition.migrations) => database.open(migrations);

  beforeAll(async () => {
    database = await startMigrationDatabase(definition, 'licensing_history');
  });
  afterAll(async () => {
    await database?.stop();
  });

  it('carries an existing programme over as its registration and one version over its whole run', async () => {
    const before = await open(definition.migrations.slice(0, -1));
    const id = randomUUID();
    await before.query(
      `INSERT INTO interest_programme
         (id, institution_id, municipality, name, classifier_code, area_code, starts_on, ends_on, annual_targeted_subsidy_cents, registered_by, created_at)
       VALUES ($1, $2, 'Cēsu novads', 'Datorgrafika', 'AK_VISUAL_ARTS', 'AK', '2023-09-01', '2026-05-31', 30000, 'cesis-1', '2024-02-10T22:30:00Z')`,
      [id, randomUUID()],
    );
    await before.destroy();

    const after = await open(definition.migrations);
    try {
      const decisions = await after.query(
        `SELECT kind, number, to_char(date, 'YYYY-MM-DD') AS date, to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", changed_fields AS "changedFields", recorded_by AS "recordedBy"
           FROM interest_programme_decision WHERE programme_id = $1`,
        [id],
      );
      // Registered at 00:30 Riga time on 11 February.
      expect(decisions).toStrictEqual([
        { kind: 'REGISTERED', number: null, date: '2024-02-11', effectiveFrom: '2023-09-01', changedFields: [], recordedBy: 'cesis-1' },
      ]);
      const versions = await after.query(
        `SELECT to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo", name, classifier_code AS "classifierCode",
                area_code AS "areaCode", annual_targeted_subsidy_cents AS cents
           FROM interest_programme_version WHERE programme_id = $1`,
        [id],
      );
      expect(versions).toStrictEqual([
        {
          validFrom: '2023-09-01',
          validTo: '2026-05-31',
          name: 'Datorgrafika',
          classifierCode: 'AK_VISUAL_ARTS',
          areaCode: 'AK',
          cents: 30000,
        },
      ]);
    } finally {
      await after.destroy();
    }
  });
});
