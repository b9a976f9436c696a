import path from 'node:path';
import { startInfrastructure, type Infrastructure } from '../../../scripts/stack/infrastructure';
import { DATA_DIR } from '../../../scripts/stack/paths';

declare global {
  var testInfrastructure: Infrastructure | undefined;
}

/**
 * One embedded PostgreSQL and one Kafka broker for the whole run, unless DATABASE_URL and
 * KAFKA_BROKERS name servers to use. Test files take their own databases and consumer groups on
 * them (see testStack.ts), so they stay isolated. Workers inherit the two variables.
 * Both server projects name this module; the second call finds the variables set and returns.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL && process.env.KAFKA_BROKERS) return;
  const started = Date.now();
  const infrastructure = await startInfrastructure({
    dataDir: path.join(DATA_DIR, 'test-runs', `infrastructure-${process.pid}`),
    databaseUrl: process.env.DATABASE_URL,
    kafkaBrokers: process.env.KAFKA_BROKERS?.split(','),
  });
  globalThis.testInfrastructure = infrastructure;
  process.env.DATABASE_URL = infrastructure.databaseUrl;
  process.env.KAFKA_BROKERS = infrastructure.kafkaBrokers.join(',');
  console.log(`\ninfrastructure ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
