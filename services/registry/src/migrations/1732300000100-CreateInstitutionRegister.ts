import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInstitutionRegister1732300000100 implements MigrationInterface {
  name = 'CreateInstitutionRegister1732300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE institution (
        id                   uuid PRIMARY KEY,
        registration_number  text NOT NULL UNIQUE,
        name                 text NOT NULL,
        search_name          text NOT NULL,
        type                 text NOT NULL,
        status               text NOT NULL,
        founder_kind         text NOT NULL,
        founder_name         text NOT NULL,
        founder_municipality text,
        planning_region      text NOT NULL,
        registered_on        date NOT NULL,
        liquidated_on        date,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now()
      )`);
    // Listing order and keyset paging are (name, id).
    await q.query('CREATE INDEX institution_name_id ON institution (name, id)');
    await q.query(`
      CREATE TABLE implementation_place (
        id              uuid PRIMARY KEY,
        institution_id  uuid NOT NULL REFERENCES institution (id),
        address         text NOT NULL,
        municipality    text NOT NULL,
        planning_region text NOT NULL,
        position        integer NOT NULL
      )`);
    await q.query('CREATE INDEX implementation_place_institution ON implementation_place (institution_id, position)');
    await q.query(`
      CREATE TABLE decision (
        id             uuid PRIMARY KEY,
        institution_id uuid NOT NULL REFERENCES institution (id),
        kind           text NOT NULL,
        number         text NOT NULL,
        date           date NOT NULL,
        effective_date date NOT NULL,
        reason         text,
        recorded_by    text,
        recorded_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX decision_institution ON decision (institution_id, recorded_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE decision');
    await q.query('DROP TABLE implementation_place');
    await q.query('DROP TABLE institution');
  }
}
