import type pg from 'pg';
import type { ProcessedEvent, ProcessedEventStore } from './processedEventStore';

export interface PostgresProcessedEventStoreOptions {
  /** The table that records processed events; default `processed_event`. */
  table?: string;
}

/**
 * A ProcessedEventStore in the subscriber's own PostgreSQL database. The handler receives the
 * transaction's client: its writes and the processed-event row commit or roll back together.
 */
export class PostgresProcessedEventStore implements ProcessedEventStore<pg.PoolClient> {
  readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    options: PostgresProcessedEventStoreOptions = {},
  ) {
    this.table = options.table ?? 'processed_event';
    if (!/^[a-z_][a-z0-9_]*$/.test(this.table)) throw new Error(`table must be a lower-case SQL identifier, got "${this.table}"`);
  }

  /** Creates the table if it is missing (call once at start, or put the DDL in your migrations). */
  async ensureTable(): Promise<void> {
    await this.pool.query(`
      CREATE TABLE IF NOT EXISTS ${this.table} (
        event_id     text PRIMARY KEY,
        topic        text NOT NULL,
        type         text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async processOnce(event: ProcessedEvent, work: (tx: pg.PoolClient) => Promise<void>): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // A concurrent duplicate waits here for the first one's commit, then inserts nothing.
      const inserted = await client.query(
        `INSERT INTO ${this.table} (event_id, topic, type) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING`,
        [event.id, event.topic, event.type],
      );
      if (inserted.rowCount === 0) {
        await client.query('ROLLBACK');
        return false;
      }
      await work(client);
      await client.query('COMMIT');
      return true;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
