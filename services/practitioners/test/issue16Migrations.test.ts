import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startMigrationDatabase, type MigrationDatabase } from '../../../test/support/migrationDatabase';
import { createPractitioners } from '../src/definition';

/** Data recorded before issue 16 is carried over to certificate statuses, real person statuses and coded reasons. */
describe('the migrations of issue 16 (certificate decisions, supervision, reason codes)', () => {
  const definition = createPractitioners();
  let database: MigrationDatabase;
  const open = (migrations: typeof definition.migrations) => database.open(migrations);

  beforeAll(async () => {
    database = await startMigrationDatabase(definition, 'practitioners_issue16');
  });
  afterAll(async () => {
    await database?.stop();
  });

  it('turns a cancelled registration into a terminated activity, keeps certificates ACTIVE and codes old reasons as OTHER', async () => {
    const before = await open(definition.migrations.slice(0, -2));
    const [psychologist, certificate, provider] = [randomUUID(), randomUUID(), randomUUID()];
    await before.query(
      `INSERT INTO psychologist (id, registration_number, name, search_name, personal_code, education, registration_decision_number, registration_decision_date, status)
       VALUES ($1, '4242', 'Anna Bērziņa', 'anna berzina', '01018012345', 'LU', 'R-1', '2020-01-10', 'CANCELLED')`,
      [psychologist],
    );
    await before.query(
      `INSERT INTO status_change (id, psychologist_id, status, decision_number, decision_date)
       VALUES ($2, $1, 'REGISTERED', 'R-1', '2020-01-10'), ($3, $1, 'CANCELLED', 'A-1', '2021-05-01')`,
      [psychologist, randomUUID(), randomUUID()],
    );
    await before.query(
      `INSERT INTO certificate (id, psychologist_id, number, field_of_practice, valid_from, valid_until, decision_number, decision_date)
       VALUES ($1, $2, 'K-4242', 'LEGAL', '2020-02-01', '2027-01-31', 'S-1', '2020-02-01')`,
      [certificate, psychologist],
    );
    await before.query(
      `INSERT INTO foreign_qualification (id, psychologist_id, country, qualification, decision_number, decision_date)
       VALUES ($1, $2, 'DE', 'Diplom-Psychologin', 'AK-1', '2020-01-05')`,
      [randomUUID(), psychologist],
    );
    await before.query(
      `INSERT INTO childcare_provider (id, registration_number, kind, name, search_name, company_number, home_address, home_address_public,
         service_address, municipality, search_municipality, status, decision_number, decision_date, exclusion_decision_number,
         exclusion_decision_date, exclusion_reason)
       VALUES ($1, 'BU-4242', 'LEGAL_PERSON', 'SIA Auklītes', 'sia auklites', '40001234567', 'Rīga', true, 'Rīga', 'Rīga', 'riga',
         'EXCLUDED', 'BU-1', '2020-01-01', 'BU-X', '2021-01-01', 'Dibinātājs likvidēts')`,
      [provider],
    );
    await before.destroy();

    const after = await open(definition.migrations);
    try {
      expect(await after.query('SELECT status FROM psychologist WHERE id = $1', [psychologist])).toStrictEqual([{ status: 'TERMINATED' }]);
      expect(
        await after.query(`SELECT status, decision_number AS number FROM status_change WHERE psychologist_id = $1 ORDER BY decision_date`, [
          psychologist,
        ]),
      ).toStrictEqual([
        { status: 'REGISTERED', number: 'R-1' },
        { status: 'TERMINATED', number: 'A-1' },
      ]);
      expect(await after.query('SELECT status FROM certificate WHERE id = $1', [certificate])).toStrictEqual([{ status: 'ACTIVE' }]);
      expect(
        await after.query('SELECT certificate_number, certificate_date FROM foreign_qualification WHERE psychologist_id = $1', [
          psychologist,
        ]),
      ).toStrictEqual([{ certificate_number: null, certificate_date: null }]);
      expect(
        await after.query(
          'SELECT exclusion_reason_code AS code, exclusion_reason AS text, refusal_reason_code FROM childcare_provider WHERE id = $1',
          [provider],
        ),
      ).toStrictEqual([{ code: 'OTHER', text: 'Dibinātājs likvidēts', refusal_reason_code: null }]);
    } finally {
      await after.destroy();
    }
  });
});
