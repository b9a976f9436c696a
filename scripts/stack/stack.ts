import { createLogger, loadServiceConfig, startService, type RequestContext, type RunningService, type SubgraphDefinition } from '@eq/shared';
import { loadGatewayConfig, startGatewayServer } from '@eq/gateway';
import type { Infrastructure } from './infrastructure';
import { SERVICES } from './services';

export interface StackOptions {
  infrastructure: Infrastructure;
  gatewaySecret: string;
  jwtSecret: string;
  /** Prefix of every database name, so several stacks can share one PostgreSQL server. */
  databasePrefix?: string;
  /** Suffix of every consumer group, so several stacks can share one broker. */
  consumerGroupSuffix?: string;
  gatewayPort?: number;
  /** Fixed subgraph ports by service name; others get free ports. */
  servicePorts?: Record<string, number>;
  logLevel?: string;
  /** Where service logs go; defaults to stdout. */
  logDestination?: NodeJS.WritableStream;
  /** Where the services' new consumer groups start (tests: `latest`, so they skip earlier runs' events). */
  newConsumerGroupsStart?: 'earliest' | 'latest';
  /** Replaces services by name (tests run the registry with a clock of their own). */
  definitions?: Record<string, SubgraphDefinition<RequestContext>>;
}

export interface RunningStack {
  gatewayUrl: string;
  services: Record<string, RunningService>;
  stop(): Promise<void>;
}

/** Starts the five subgraphs (in this process) and the gateway in front of them. */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { infrastructure } = options;
  const logLevel = options.logLevel ?? 'info';
  const services: Record<string, RunningService> = {};
  // Services share nothing but the broker and the database server: they stop side by side.
  const stopAll = async () => {
    await Promise.all(Object.values(services).map((service) => service.stop()));
  };
  try {
    for (const standard of SERVICES) {
      const definition = options.definitions?.[standard.name] ?? standard;
      const config = loadServiceConfig(definition.name, {
        DATABASE_URL: infrastructure.databaseUrl,
        DATABASE_NAME: options.databasePrefix ? `${options.databasePrefix}_${definition.name}` : undefined,
        KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
        KAFKA_CONSUMER_GROUP: options.consumerGroupSuffix ? `${definition.name}-${options.consumerGroupSuffix}` : undefined,
        PORT: String(options.servicePorts?.[definition.name] ?? 0),
        GATEWAY_SECRET: options.gatewaySecret,
        LOG_LEVEL: logLevel,
        OUTBOX_POLL_MS: '500',
        KAFKA_NEW_GROUP_START: options.newConsumerGroupsStart,
      });
      services[definition.name] = await startService(definition, config, createLogger(definition.name, logLevel, options.logDestination));
    }
    const gatewayConfig = loadGatewayConfig({
      PORT: String(options.gatewayPort ?? 0),
      JWT_SECRET: options.jwtSecret,
      GATEWAY_SECRET: options.gatewaySecret,
      LOG_LEVEL: logLevel,
      ...Object.fromEntries(Object.values(services).map((s) => [`SUBGRAPH_${s.name.toUpperCase()}_URL`, s.url])),
    });
    const gateway = await startGatewayServer(gatewayConfig, createLogger('gateway', logLevel, options.logDestination));
    return {
      gatewayUrl: `${gateway.url}/graphql`,
      services,
      stop: async () => {
        await gateway.close();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
