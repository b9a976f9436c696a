import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from '@eq/shared';
import { startInfrastructure, type Infrastructure } from '../../scripts/stack/infrastructure';
import { DATA_DIR } from '../../scripts/stack/paths';
import { startProcessStack, type ProcessStack } from '../../scripts/stack/processStack';
import { GraphQLClient } from './graphqlClient';
import { TEST_GATEWAY_SECRET, TEST_JWT_SECRET } from './testStack';

export interface ProcessTestStack extends ProcessStack {
  infrastructure: Infrastructure;
  client: GraphQLClient;
  /** Where the components' logs are (`<name>.log`, and `stack.log` for all). */
  logDir: string;
  /** A connection pool on a subgraph's own database, for reading its tables. */
  database(service: string): pg.Pool;
  /** `GET /readyz` of a component: its status and body. */
  readiness(name: string): Promise<{ status: number; body: string }>;
  /** Stops the stack, closes the pools, and stops the infrastructure when this stack started its own. */
  close(): Promise<void>;
}

/**
 * The whole stack with every subgraph and the gateway a supervised process of its own, as `npm
 * start` runs it, so a test can kill a component by pid. Shares the test runner's servers with
 * databases and consumer groups of its own, or with `ownInfrastructure` (or when run alone)
 * starts its own, which a test that stops or freezes a server needs.
 */
export async function startProcessTestStack(
  name: string,
  {
    ownInfrastructure = false,
    env = {},
    built = false,
    site = false,
  }: {
    ownInfrastructure?: boolean;
    env?: Record<string, string>;
    /** Run the production bundles (`npm run build`) on plain node instead of the sources under tsx. */
    built?: boolean;
    /** Start the catalogue site too, as `npm start` does. */
    site?: boolean;
  } = {},
): Promise<ProcessTestStack> {
  const runId = `${name.replace(/[^a-z0-9]/gi, '').toLowerCase()}_${randomBytes(3).toString('hex')}`;
  const runDir = path.join(DATA_DIR, 'test-runs', runId);
  mkdirSync(runDir, { recursive: true });
  const shared = !ownInfrastructure && process.env.DATABASE_URL && process.env.KAFKA_BROKERS;
  const infrastructure = await startInfrastructure({
    dataDir: runDir,
    databaseUrl: shared ? process.env.DATABASE_URL : undefined,
    kafkaBrokers: shared ? process.env.KAFKA_BROKERS!.split(',') : undefined,
  });
  const logDir = path.join(runDir, 'logs');
  try {
    // On a shared broker, names and `latest` keep other files' events out; on our own, the
    // stack runs exactly as `npm start` does.
    const naming = shared ? { databasePrefix: runId, consumerGroupSuffix: runId, newConsumerGroupsStart: 'latest' as const } : {};
    const stack = await startProcessStack({
      infrastructure,
      gatewaySecret: TEST_GATEWAY_SECRET,
      jwtSecret: TEST_JWT_SECRET,
      logLevel: process.env.TEST_LOG_LEVEL ?? 'info',
      logDir,
      combinedLog: path.join(logDir, 'stack.log'),
      // Only what a component needs from outside: the test runner's variables are not theirs.
      env: { PATH: process.env.PATH, OUTBOX_POLL_MS: '500', ...env },
      // Restarts quickly, so a killed component is back within a test's patience.
      backoff: { initialMs: 200, maxMs: 2_000 },
      built,
      // Most of these tests are about the graph's processes: the site only when asked for.
      site,
      ...naming,
    });
    const pools = new Map<string, pg.Pool>();
    return {
      ...stack,
      infrastructure,
      client: new GraphQLClient(stack.gatewayUrl, TEST_JWT_SECRET),
      logDir,
      database: (service) => {
        const database = naming.databasePrefix ? `${naming.databasePrefix}_${service}` : `eq_${service}`;
        if (!pools.has(service)) {
          const pool = new pg.Pool({ connectionString: withDatabase(infrastructure.databaseUrl, database), max: 2 });
          // A restarted server drops idle clients; the pool replaces them at the next query.
          pool.on('error', () => undefined);
          pools.set(service, pool);
        }
        return pools.get(service)!;
      },
      readiness: async (component) => {
        const response = await fetch(`${stack.components[component]!.baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
        return { status: response.status, body: await response.text() };
      },
      close: async () => {
        await Promise.all([...pools.values()].map((pool) => pool.end()));
        await stack.stop();
        await infrastructure.stop();
      },
    };
  } catch (error) {
    await infrastructure.stop();
    throw error;
  }
}
