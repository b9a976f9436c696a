import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createLogger, openDatabase, type SubgraphDefinition } from '@eq/shared';
import type { DataSource, EntitySchema } from 'typeorm';
import { startInfrastructure, type Infrastructure } from '../../scripts/stack/infrastructure';
import { DATA_DIR } from '../../scripts/stack/paths';

/**
 * A database of its own for a migration test: open it with the migrations up to some point, write
 * rows as they were then, close it, and open it again with every migration to see them carried over.
 * Uses the servers the test runner started, or its own when run alone.
 */
export interface MigrationDatabase {
  open(migrations: SubgraphDefinition<any>['migrations']): Promise<DataSource>;
  stop(): Promise<void>;
}

export async function startMigrationDatabase(definition: SubgraphDefinition<any>, prefix: string): Promise<MigrationDatabase> {
  const name = `${prefix}_${randomBytes(3).toString('hex')}`;
  const shared = Boolean(process.env.DATABASE_URL && process.env.KAFKA_BROKERS);
  const infrastructure: Infrastructure = await startInfrastructure({
    dataDir: path.join(DATA_DIR, 'test-runs', name),
    databaseUrl: shared ? process.env.DATABASE_URL : undefined,
    kafkaBrokers: shared ? process.env.KAFKA_BROKERS!.split(',') : undefined,
  });
  return {
    open: (migrations) =>
      openDatabase({
        serverUrl: infrastructure.databaseUrl,
        name,
        entities: definition.entities as EntitySchema[],
        migrations,
        logger: createLogger(definition.name, 'silent'),
      }),
    stop: () => infrastructure.stop(),
  };
}
