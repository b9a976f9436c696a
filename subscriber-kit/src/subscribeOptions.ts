import type { ConsumerConfig, KafkaConfig } from 'kafkajs';
import { z } from 'zod';
import type { CloudEvent } from './cloudEvent';
import type { ProcessedEventStore } from './processedEventStore';
import type { ReplayFrom } from './replay';
import type { SupervisionOptions } from './runtime/supervisedConsumer';
import { TOPIC_CONTRACTS, type EventDataOf, type EventTypeOf, type TopicName } from './topicContracts';

/** An event of `topic` with type `K`, its `data` validated against that type's schema. */
export type TopicEvent<T extends TopicName, K extends EventTypeOf<T> = EventTypeOf<T>> = CloudEvent<EventDataOf<T, K>, K>;

/** Handles one event inside the store's transaction `tx`; throwing rolls it back and retries. */
export type TopicEventHandler<T extends TopicName, K extends EventTypeOf<T>, Tx> = (event: TopicEvent<T, K>, tx: Tx) => Promise<void>;

/** Handlers by event type. Types without a handler are acknowledged and skipped. */
export type TopicHandlers<T extends TopicName, Tx> = { [K in EventTypeOf<T>]?: TopicEventHandler<T, K, Tx> };

/** Minimal structured logger (pino-compatible). */
export interface SubscriberLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface SubscribeOptions<T extends TopicName, Tx> {
  brokers: string[];
  /** The consumer group: its committed offsets are where the subscription resumes. */
  groupId: string;
  /** The topic whose contract (event types, schemas) applies. */
  topic: T;
  /** The Kafka topic to read when it differs from `topic` (an environment that prefixes or mirrors topics). */
  address?: string;
  handlers: TopicHandlers<T, Tx>;
  /** Records processed event ids in the handler's transaction (e.g. PostgresProcessedEventStore). */
  store: ProcessedEventStore<Tx>;
  /** Start from the topic's beginning or a timestamp instead of the committed offsets (this start only). */
  replay?: ReplayFrom;
  /** Failed handler attempts before a message is dead-lettered; default 5. Database outages do not count. */
  maxAttempts?: number;
  clientId?: string;
  /** Extra kafkajs client settings (ssl, sasl, logLevel, ...). */
  kafka?: Omit<KafkaConfig, 'brokers' | 'clientId'>;
  logger?: SubscriberLogger;
  /** kafkajs consumer settings, e.g. `sessionTimeout` (how long the broker waits before it drops a silent member). */
  consumer?: Omit<ConsumerConfig, 'groupId' | 'retry' | 'allowAutoTopicCreation'>;
  /** How a lost consumer is replaced: backoff, stall timeout (defaults in DEFAULT_SUPERVISION). */
  supervision?: Partial<SupervisionOptions>;
}

const optionsSchema = z.object({
  brokers: z.array(z.string().min(1)).min(1),
  groupId: z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" and "-" (it names the dead-letter topic)'),
  topic: z.enum(Object.keys(TOPIC_CONTRACTS) as [TopicName, ...TopicName[]]),
  replay: z
    .discriminatedUnion('from', [z.object({ from: z.literal('beginning') }), z.object({ from: z.literal('timestamp'), at: z.date() })])
    .optional(),
  address: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .optional(),
  maxAttempts: z.number().int().min(1).default(5),
  clientId: z.string().min(1).optional(),
});

export type ValidatedSubscribeOptions<T extends TopicName, Tx> = SubscribeOptions<T, Tx> & {
  address: string;
  maxAttempts: number;
  clientId: string;
  logger: SubscriberLogger;
};

const consoleLogger: SubscriberLogger = {
  info: () => undefined,
  warn: (fields, message) => console.warn(message, fields),
  error: (fields, message) => console.error(message, fields),
};

/** Validates the options once, at start, and fills in the documented defaults. */
export function validateSubscribeOptions<T extends TopicName, Tx>(options: SubscribeOptions<T, Tx>): ValidatedSubscribeOptions<T, Tx> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new Error(`invalid subscribe options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return {
    ...options,
    address: options.address ?? options.topic,
    maxAttempts: parsed.data.maxAttempts,
    clientId: options.clientId ?? options.groupId,
    logger: options.logger ?? consoleLogger,
  };
}
