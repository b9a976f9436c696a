import pg from 'pg';
import { DataSource, type EntitySchema, type MigrationInterface } from 'typeorm';
import type { Logger } from './logger';
import { CreateEventTables1732300000000, CreateOutboxEnqueueFunction1732300003600 } from './eventTablesMigration';
import { OutboxCommitSubscriber } from './outbox';
import { StatementCounter } from './statementCounter';

type MigrationClass = new () => MigrationInterface;

export interface DatabaseOptions {
  serverUrl: string;
  name: string;
  entities: EntitySchema[];
  /** The service's own migrations, oldest first; the outbox and inbox tables come before them. */
  migrations: MigrationClass[];
  logger: Logger;
  poolSize?: number;
}

/** Returns `url` with its database path replaced by `name`. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * Creates the service's database on the server when it is missing. Two instances starting at
 * once may race; PostgreSQL's duplicate_database error (42P04) means the other one won.
 */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

/**
 * Opens the service's own database and brings its schema up to date with migrations, each in
 * its own transaction. `synchronize` stays off: every schema change is a reviewed migration.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  await ensureDatabase(options.serverUrl, options.name);
  const dataSource = new DataSource({
    type: 'postgres',
    url: withDatabase(options.serverUrl, options.name),
    entities: options.entities,
    migrations: [CreateEventTables1732300000000, CreateOutboxEnqueueFunction1732300003600, ...options.migrations],
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    logger: new StatementCounter(),
    extra: { max: options.poolSize ?? 10 },
  });
  await dataSource.initialize();
  // An instance, not the class in `subscribers`: TypeORM keeps only classes registered with its
  // @EventSubscriber decorator from that list, and silently drops the rest.
  dataSource.subscribers.push(new OutboxCommitSubscriber());
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length > 0) {
    options.logger.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
  }
  return dataSource;
}

/** The statement counter of a DataSource opened by `openDatabase` (used by N+1 tests). */
export function statementCounterOf(dataSource: DataSource): StatementCounter {
  return dataSource.logger as StatementCounter;
}
