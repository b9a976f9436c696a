import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the public catalogue page (bench: 10,000 activities, 100,000 sessions), from its
 * query plans:
 * - free-text search is `search_text LIKE '%…%'`, which no b-tree serves: a trigram GIN index
 *   turns the sequential scan into a bitmap scan;
 * - the NEWEST sort pages by (published_at, id) descending: an index in that order lets the
 *   page stop after 21 rows instead of sorting the filtered set;
 * - the date and free-places filter probes scheduled sessions by start; carrying activity,
 *   capacity and booked seats in the index answers it without visiting the session rows.
 *   It replaces the plain start index, which it covers.
 * The fund's row is no longer locked for a whole booking (see store/fundLedger.ts): it is
 * changed by one conditional UPDATE as each transaction's last write. No schema change needed.
 */
export class SpeedUpCatalogueQueries1732300003500 implements MigrationInterface {
  name = 'SpeedUpCatalogueQueries1732300003500';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query(`CREATE INDEX activity_published_search ON activity USING gin (search_text gin_trgm_ops) WHERE status = 'PUBLISHED'`);
    await q.query(`CREATE INDEX activity_published_newest ON activity (published_at DESC, id DESC) WHERE status = 'PUBLISHED'`);
    await q.query(
      `CREATE INDEX activity_session_bookable ON activity_session (starts_at) INCLUDE (activity_id, capacity, booked_pupils) WHERE status = 'SCHEDULED'`,
    );
    await q.query('DROP INDEX activity_session_start');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX activity_session_start ON activity_session (starts_at) WHERE status = 'SCHEDULED'`);
    await q.query('DROP INDEX activity_session_bookable');
    await q.query('DROP INDEX activity_published_newest');
    await q.query('DROP INDEX activity_published_search');
  }
}
