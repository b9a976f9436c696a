import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateActivityCatalogue1732300000500 implements MigrationInterface {
  name = 'CreateActivityCatalogue1732300000500';

  async up(q: QueryRunner): Promise<void> {
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
      CREATE TABLE activity_provider (
        id             uuid PRIMARY KEY,
        name           text NOT NULL,
        kind           text NOT NULL,
        institution_id uuid,
        registered_by  text,
        registered_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT activity_provider_institution_kind CHECK ((kind = 'INSTITUTION') = (institution_id IS NOT NULL))
      )`);
    // An institution is one provider: registering it twice is a conflict, not a second provider.
    await q.query(
      'CREATE UNIQUE INDEX activity_provider_institution ON activity_provider (institution_id) WHERE institution_id IS NOT NULL',
    );
    await q.query(`
      CREATE TABLE activity (
        id                    uuid PRIMARY KEY,
        provider_id           uuid NOT NULL REFERENCES activity_provider (id),
        title                 text NOT NULL,
        description           text NOT NULL,
        search_text           text NOT NULL,
        fields                text[] NOT NULL CHECK (cardinality(fields) > 0),
        grade_bands           text[] NOT NULL CHECK (cardinality(grade_bands) > 0),
        curriculum_link       text,
        format                text NOT NULL,
        duration_minutes      integer NOT NULL CHECK (duration_minutes > 0),
        language              text NOT NULL,
        municipality          text,
        municipality_key      text,
        planning_region       text,
        max_group_size        integer NOT NULL CHECK (max_group_size > 0),
        accessibility         text,
        price_per_pupil_cents integer NOT NULL CHECK (price_per_pupil_cents > 0),
        status                text NOT NULL,
        status_reason         text,
        published_at          timestamptz,
        created_by            text,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now()
      )`);
    // The public catalogue reads only published rows, in (title, id) order for keyset paging;
    // field and grade-band filters are array overlaps, which GIN indexes serve.
    await q.query(`CREATE INDEX activity_published_title ON activity (title, id) WHERE status = 'PUBLISHED'`);
    await q.query(`CREATE INDEX activity_published_fields ON activity USING gin (fields) WHERE status = 'PUBLISHED'`);
    await q.query(`CREATE INDEX activity_published_grade_bands ON activity USING gin (grade_bands) WHERE status = 'PUBLISHED'`);
    await q.query('CREATE INDEX activity_provider_status ON activity (provider_id, status)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE activity');
    await q.query('DROP TABLE activity_provider');
    await q.query('DROP TABLE known_institution');
  }
}
