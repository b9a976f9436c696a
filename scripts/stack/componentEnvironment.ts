import type { Infrastructure } from './infrastructure';

/** How a stack names what several stacks on one PostgreSQL server or broker must not share. */
export interface StackNaming {
  /** Prefix of every database name, so several stacks can share one PostgreSQL server. */
  databasePrefix?: string;
  /** Suffix of every consumer group, so several stacks can share one broker. */
  consumerGroupSuffix?: string;
  /** Where the services' new consumer groups start (tests: `latest`, so they skip earlier runs' events). */
  newConsumerGroupsStart?: 'earliest' | 'latest';
}

/**
 * The variables a stack sets for one subgraph, whether it runs in this process or as a child;
 * undefined means "leave it to the rest of the environment or the default".
 */
export function serviceEnvironment(
  name: string,
  options: StackNaming & { infrastructure: Infrastructure; gatewaySecret: string; logLevel: string; port: number },
): Record<string, string | undefined> {
  return {
    DATABASE_URL: options.infrastructure.databaseUrl,
    DATABASE_NAME: options.databasePrefix ? `${options.databasePrefix}_${name}` : undefined,
    KAFKA_BROKERS: options.infrastructure.kafkaBrokers.join(','),
    KAFKA_CONSUMER_GROUP: options.consumerGroupSuffix ? `${name}-${options.consumerGroupSuffix}` : undefined,
    KAFKA_NEW_GROUP_START: options.newConsumerGroupsStart,
    PORT: String(options.port),
    GATEWAY_SECRET: options.gatewaySecret,
    LOG_LEVEL: options.logLevel,
  };
}

/** The variables a stack sets for the gateway in front of its subgraphs (`urls` by subgraph name). */
export function gatewayEnvironment(options: {
  port: number;
  jwtSecret: string;
  gatewaySecret: string;
  logLevel: string;
  urls: Record<string, string>;
}): Record<string, string> {
  return {
    PORT: String(options.port),
    JWT_SECRET: options.jwtSecret,
    GATEWAY_SECRET: options.gatewaySecret,
    LOG_LEVEL: options.logLevel,
    ...Object.fromEntries(Object.entries(options.urls).map(([name, url]) => [`SUBGRAPH_${name.toUpperCase()}_URL`, url])),
  };
}

/**
 * The variables a stack sets for the catalogue site, which reaches the data only through the
 * gateway; the JWT secret turns on its development sign-in (a demo school's token minted by the site).
 */
export function siteEnvironment(options: {
  port: number;
  logLevel: string;
  gatewayUrl: string;
  jwtSecret: string;
}): Record<string, string> {
  return { PORT: String(options.port), LOG_LEVEL: options.logLevel, GATEWAY_URL: options.gatewayUrl, JWT_SECRET: options.jwtSecret };
}
