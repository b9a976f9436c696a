import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startInfrastructure, type Infrastructure } from '../../scripts/stack/infrastructure';
import { DATA_DIR } from '../../scripts/stack/paths';
import { startStack, type RunningStack, type StackOptions } from '../../scripts/stack/stack';
import { GraphQLClient } from './graphqlClient';

export const TEST_JWT_SECRET = 'test-jwt-secret-that-is-long-enough-for-hs256';
export const TEST_GATEWAY_SECRET = 'test-gateway-secret';

export interface TestStack extends RunningStack {
  infrastructure: Infrastructure;
  client: GraphQLClient;
  /** Where the services and the gateway write their log lines (JSON, one per line). */
  logFile: string;
  /** Stops the stack, and the infrastructure when this test started its own. */
  close(): Promise<void>;
}

/**
 * The whole stack for one test file, on real PostgreSQL and Kafka. It uses the servers the
 * test runner started (DATABASE_URL, KAFKA_BROKERS) with databases and consumer groups of its
 * own, or, with `ownInfrastructure` or when run alone, servers of its own.
 */
export async function startTestStack(
  name: string,
  {
    ownInfrastructure = false,
    definitions,
    logLevel,
  }: { ownInfrastructure?: boolean; definitions?: StackOptions['definitions']; logLevel?: string } = {},
): Promise<TestStack> {
  const runId = `${name.replace(/[^a-z0-9]/gi, '').toLowerCase()}_${randomBytes(3).toString('hex')}`;
  const runDir = path.join(DATA_DIR, 'test-runs', runId);
  mkdirSync(runDir, { recursive: true });
  const logFile = path.join(runDir, 'services.log');
  const shared = !ownInfrastructure && process.env.DATABASE_URL && process.env.KAFKA_BROKERS;
  const infrastructure = await startInfrastructure({
    dataDir: runDir,
    databaseUrl: shared ? process.env.DATABASE_URL : undefined,
    kafkaBrokers: shared ? process.env.KAFKA_BROKERS!.split(',') : undefined,
  });
  try {
    const stack = await startStack({
      infrastructure,
      gatewaySecret: TEST_GATEWAY_SECRET,
      jwtSecret: TEST_JWT_SECRET,
      databasePrefix: runId,
      consumerGroupSuffix: runId,
      newConsumerGroupsStart: 'latest',
      logLevel: logLevel ?? process.env.TEST_LOG_LEVEL ?? 'info',
      logDestination: createWriteStream(logFile),
      definitions,
    });
    return {
      ...stack,
      infrastructure,
      client: new GraphQLClient(stack.gatewayUrl, TEST_JWT_SECRET),
      logFile,
      close: async () => {
        await stack.stop();
        await infrastructure.stop();
      },
    };
  } catch (error) {
    await infrastructure.stop();
    throw error;
  }
}
