import { Partitioners } from 'kafkajs';
import { ConsumerLagMonitor, RecoveringProducer, type SupervisedConsumer } from '@eq/subscriber-kit';
import type { buildSubgraphSchema } from '@apollo/subgraph';
import type { DocumentNode } from 'graphql';
import type { DataSource, EntitySchema, MigrationInterface } from 'typeorm';
import type { ServiceConfig } from './config';
import type { EventHandlers } from './consumer';
import { startConsumer } from './consumer';
import { openDatabase } from './database';
import { EventMetrics, eventReadinessChecks, type EventFlow } from './eventHealth';
import { createKafka, ensureTopics } from './kafka';
import { createLogger, type Logger } from './logger';
import { OutboxRelay } from './outboxRelay';
import { startPeriodicJob, type PeriodicJob } from './periodicJob';
import { startSubgraphServer, type RequestContext } from './subgraphServer';
import { deadLetterTopic } from './topics';

/**
 * A subgraph's resolvers as Apollo's `buildSubgraphSchema` takes them; each service passes its
 * codegen `Resolvers` type, checked against its SDL, which fits this map.
 */
export type SubgraphResolvers = NonNullable<SchemaModule['resolvers']>;
/** Apollo's `GraphQLSchemaModule`, which its package does not export by name. */
type SchemaModule = Extract<Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number], { typeDefs: unknown }>;

/** What a service gives the kit: its schema, resolvers, tables, topics and event handlers. */
export interface SubgraphDefinition<TContext extends RequestContext = RequestContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: SubgraphResolvers;
  entities: EntitySchema[];
  migrations: Array<new () => MigrationInterface>;
  /** Topics this service owns and publishes to. */
  publishes: string[];
  /** Topics this service reads, with a handler per event type. */
  consumes?: { topics: string[]; handlers: EventHandlers };
  buildContext: (base: RequestContext, deps: { db: DataSource }) => TContext;
  /** Background jobs, started after the consumers and stopped before the database closes. */
  jobs?: PeriodicJob[];
}

/** A started service: what tests and the stack need to reach into it and stop it. */
export interface RunningService {
  name: string;
  /** GraphQL endpoint, e.g. `http://127.0.0.1:41234/graphql`. */
  url: string;
  db: DataSource;
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * Starts one subgraph: database and migrations, Kafka topics, outbox relay, consumers, and the
 * GraphQL server, in the order that makes the service ready when this resolves. `stop` tears
 * down in reverse so that no handler runs against a closed database.
 */
export async function startService<TContext extends RequestContext>(
  definition: SubgraphDefinition<TContext>,
  config: ServiceConfig,
  logger: Logger = createLogger(definition.name, config.logLevel),
): Promise<RunningService> {
  const db = await openDatabase({
    serverUrl: config.database.serverUrl,
    name: config.database.name,
    entities: definition.entities,
    migrations: definition.migrations,
    logger,
  });

  const kafka = createKafka(`eq-${definition.name}`, config.kafka.brokers, logger);
  const consumed = definition.consumes?.topics ?? [];
  const deadLetters = consumed.length > 0 ? [deadLetterTopic(config.kafka.consumerGroup)] : [];
  await ensureTopics(kafka, [...definition.publishes, ...consumed, ...deadLetters], config.kafka);

  // Assigned once, below; the metrics read it through a closure before then.
  // eslint-disable-next-line prefer-const
  let flow: EventFlow | undefined;
  const metrics = new EventMetrics(() => flow, consumed.length > 0, { service: definition.name });

  // Idempotent producer with acks=all (the relay's sends): a retried send after a lost ack is not
  // written twice. It replaces itself after a failed send, so publishing resumes after an outage.
  const producer = new RecoveringProducer(kafka, {
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // Java-compatible murmur2 partitioning, so subscribers in any language agree on key → partition.
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();

  const relay = new OutboxRelay({
    dataSource: db,
    producer,
    logger,
    pollMs: config.outboxPollMs,
    retentionMs: config.outboxRetentionHours * 60 * 60 * 1000,
    observer: metrics.outboxObserver,
  });
  await relay.start();

  let consumer: SupervisedConsumer | undefined;
  let lag: ConsumerLagMonitor | undefined;
  if (definition.consumes) {
    consumer = await startConsumer({
      kafka,
      producer,
      dataSource: db,
      groupId: config.kafka.consumerGroup,
      topics: definition.consumes.topics,
      handlers: definition.consumes.handlers,
      logger,
      newGroupStart: config.kafka.newGroupStart,
      consumer: { sessionTimeout: config.kafka.sessionTimeoutMs },
      supervision: {
        backoff: { initialMs: 500, maxMs: config.consumerSupervision.maxBackoffMs },
        stallTimeoutMs: config.consumerSupervision.stallTimeoutMs,
      },
      observer: metrics.consumerObserver,
    });
    lag = new ConsumerLagMonitor(kafka, config.kafka.consumerGroup, definition.consumes.topics, { maxLag: config.readiness.maxLag });
    lag.start();
  }
  flow = { db, relay, consumer, lag };

  const jobs = (definition.jobs ?? []).map((job) => startPeriodicJob(job, { db, logger }));

  const server = await startSubgraphServer({
    name: definition.name,
    typeDefs: definition.typeDefs,
    resolvers: definition.resolvers,
    host: config.server.host,
    port: config.server.port,
    drainMs: config.server.drainMs,
    gatewaySecret: config.gatewaySecret,
    logger,
    readiness: [
      { name: 'database', check: async () => void (await db.query('SELECT 1')) },
      ...eventReadinessChecks(flow, config.readiness),
    ],
    metricsRegistries: [metrics.registry],
    buildContext: (base) => definition.buildContext(base, { db }),
  });
  logger.info({ url: `${server.url}/graphql` }, `${definition.name} subgraph ready`);

  return {
    name: definition.name,
    url: `${server.url}/graphql`,
    db,
    logger,
    stop: async () => {
      await server.close();
      await Promise.all([consumer?.stop(), lag?.stop()]);
      await Promise.all(jobs.map((job) => job.stop()));
      await relay.stop();
      await producer.disconnect();
      await db.destroy();
    },
  };
}
