import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The municipality where a psychologist practises: public (a place of work, not a home), so the
 * register can be searched by it. Optional, because earlier registrations did not record it.
 */
export class PsychologistPracticeMunicipality1732300003400 implements MigrationInterface {
  name = 'PsychologistPracticeMunicipality1732300003400';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE psychologist ADD COLUMN practice_municipality text, ADD COLUMN search_practice_municipality text');
    await q.query('CREATE INDEX psychologist_search_practice_municipality ON psychologist (search_practice_municipality)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE psychologist DROP COLUMN search_practice_municipality, DROP COLUMN practice_municipality');
  }
}
