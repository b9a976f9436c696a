import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  CALLER_HEADER,
  createLogger,
  encodeCaller,
  GATEWAY_SECRET_HEADER,
  loadServiceConfig,
  PUBLIC_CALLER,
  startService,
  type Caller,
  type RequestContext,
  type RunningService,
  type SubgraphDefinition,
} from '@eq/shared';
import { startInfrastructure, type Infrastructure } from '../../scripts/stack/infrastructure';
import { DATA_DIR } from '../../scripts/stack/paths';
import type { GraphQLResponse } from './graphqlClient';
import { TEST_GATEWAY_SECRET } from './testStack';

export interface ServiceHarness {
  service: RunningService;
  infrastructure: Infrastructure;
  /** Calls the subgraph directly, as the gateway would (with its secret), as `caller`. */
  request<T = any>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * One subgraph on real PostgreSQL and Kafka, for a service's integration tests: the runner's
 * servers when DATABASE_URL and KAFKA_BROKERS are set, else servers of its own. The database
 * and consumer group are unique to this harness.
 */
export async function startServiceHarness<T extends RequestContext>(definition: SubgraphDefinition<T>): Promise<ServiceHarness> {
  const runId = `${definition.name}_${randomBytes(3).toString('hex')}`;
  const runDir = path.join(DATA_DIR, 'test-runs', runId);
  mkdirSync(runDir, { recursive: true });
  const shared = Boolean(process.env.DATABASE_URL && process.env.KAFKA_BROKERS);
  const infrastructure = await startInfrastructure({
    dataDir: runDir,
    databaseUrl: shared ? process.env.DATABASE_URL : undefined,
    kafkaBrokers: shared ? process.env.KAFKA_BROKERS!.split(',') : undefined,
  });
  const config = loadServiceConfig(definition.name, {
    DATABASE_URL: infrastructure.databaseUrl,
    DATABASE_NAME: runId,
    KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
    KAFKA_CONSUMER_GROUP: runId,
    GATEWAY_SECRET: TEST_GATEWAY_SECRET,
    OUTBOX_POLL_MS: '500',
    // A fresh group reads only what this test produces, not every earlier run's events on the shared broker.
    KAFKA_NEW_GROUP_START: 'latest',
  });
  const logger = createLogger(definition.name, process.env.TEST_LOG_LEVEL ?? 'info', createWriteStream(path.join(runDir, 'service.log')));
  const service = await startService(definition, config, logger).catch(async (error) => {
    await infrastructure.stop();
    throw error;
  });
  return {
    service,
    infrastructure,
    request: (query, variables = {}, caller = PUBLIC_CALLER) => requestSubgraph(service.url, query, variables, caller),
    close: async () => {
      await service.stop();
      await infrastructure.stop();
    },
  };
}

/** The headers the gateway sends a subgraph: its secret and the caller. */
export const subgraphHeaders = (caller: Caller): Record<string, string> => ({
  'content-type': 'application/json',
  [GATEWAY_SECRET_HEADER]: TEST_GATEWAY_SECRET,
  [CALLER_HEADER]: encodeCaller(caller),
});

/** Posts to a subgraph as the gateway does: with the gateway's secret and the caller header. */
export async function requestSubgraph<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: subgraphHeaders(caller),
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}
