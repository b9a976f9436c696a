import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLicences1732300000200 implements MigrationInterface {
  name = 'CreateLicences1732300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE known_institution (
        id       uuid PRIMARY KEY,
        name     text NOT NULL,
        status   text NOT NULL,
        places   jsonb NOT NULL,
        state_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE licence (
        id                           uuid PRIMARY KEY,
        institution_id               uuid NOT NULL,
        programme_code               text NOT NULL,
        programme_name               text NOT NULL,
        level                        text NOT NULL,
        implementation_place_id      uuid NOT NULL,
        implementation_place_address text NOT NULL,
        status                       text NOT NULL,
        issued_on                    date NOT NULL,
        decision_number              text NOT NULL,
        lapsed_on                    date,
        created_at                   timestamptz NOT NULL DEFAULT now(),
        updated_at                   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX licence_institution ON licence (institution_id, status)');
    // One active licence per programme and place: issuing it twice is a conflict, not a copy.
    await q.query(
      `CREATE UNIQUE INDEX licence_active_programme_place ON licence (implementation_place_id, programme_code) WHERE status = 'ACTIVE'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE licence');
    await q.query('DROP TABLE known_institution');
  }
}
