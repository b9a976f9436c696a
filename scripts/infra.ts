/**
 * `npm run infra`: only the embedded PostgreSQL and Kafka, kept running until Ctrl-C, for
 * developers who run test files or benches again and again. It prints the two variables that
 * make `npm test -- <filter>` and the benches use these servers instead of starting their own.
 */
import path from 'node:path';
import { onShutdownSignal } from '@eq/shared';
import { startInfrastructure } from './stack/infrastructure';
import { DATA_DIR } from './stack/paths';

const infrastructure = await startInfrastructure({ dataDir: path.join(DATA_DIR, 'infra') });
console.log(`export DATABASE_URL=${infrastructure.databaseUrl} KAFKA_BROKERS=${infrastructure.kafkaBrokers.join(',')}`);
onShutdownSignal(() => infrastructure.stop());
