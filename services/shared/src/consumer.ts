import type { ConsumerConfig, Kafka, KafkaMessage } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import {
  createMessageProcessor,
  decodeEnvelope,
  InvalidMessageError,
  SupervisedConsumer,
  type ConsumerObserver,
  type ProcessOutcome,
  type Publisher,
  type SkipDecision,
  type SupervisionOptions,
} from '@eq/subscriber-kit';
import type { CloudEvent } from './cloudEvent';
import type { Logger } from './logger';

/** Handles one event inside the consumer's transaction; throw PoisonMessageError for bad data. */
export type EventHandler = (event: CloudEvent, manager: EntityManager) => Promise<void>;

/** Handlers by CloudEvent `type`. Types without a handler are acknowledged and skipped. */
export type EventHandlers = Record<string, EventHandler>;

/** A message whose data can never succeed (it fails its schema): it goes to the dead-letter topic. */
export class PoisonMessageError extends InvalidMessageError {
  override name = 'PoisonMessageError';

  constructor(message: string) {
    super('invalid-data', message);
  }
}

/** Validates an event's data against its schema; a mismatch is a poison message, not a retry. */
export function parseEventData<S extends z.ZodType>(schema: S, event: CloudEvent): z.infer<S> {
  const result = schema.safeParse(event.data);
  if (!result.success) {
    throw new PoisonMessageError(
      `${event.type} ${event.id} has invalid data: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return result.data;
}

export interface ConsumerOptions {
  kafka: Kafka;
  /** Dead letters are published with it. */
  producer: Publisher;
  dataSource: DataSource;
  groupId: string;
  topics: string[];
  handlers: EventHandlers;
  logger: Logger;
  /** Failed attempts of one message before it is dead-lettered (transient errors retry until then). */
  maxAttempts?: number;
  /**
   * Where a group with no committed offsets starts. `earliest` (the default) is what a service
   * needs: its read models are built from the whole history. `latest` is for short-lived test
   * stacks sharing one broker, which would otherwise replay every earlier run's events.
   */
  newGroupStart?: 'earliest' | 'latest';
  /** kafkajs consumer settings (e.g. sessionTimeout). */
  consumer?: Omit<ConsumerConfig, 'groupId' | 'retry' | 'allowAutoTopicCreation'>;
  supervision?: Partial<SupervisionOptions>;
  observer?: ConsumerObserver;
}

/**
 * Runs a supervised consumer group whose handlers write to the service's database (the runtime
 * is the subscriber kit's, shared with internal subscribers).
 *
 * Exactly-once effect on our side: the event id goes into `processed_event` in the same
 * transaction as the handler's writes, so a redelivered event is a no-op. The offset is
 * committed only after that transaction commits. Poison messages are dead-lettered with the
 * error in headers and the offset moves on. A consumer that crashes or loses its group
 * membership is replaced, for as long as the service runs.
 */
export async function startConsumer(options: ConsumerOptions): Promise<SupervisedConsumer> {
  const { kafka, dataSource, groupId, logger } = options;
  const skipBelow =
    options.newGroupStart === 'latest' ? await endOffsetsOfNewPartitions(kafka, groupId, options.topics) : new Map<string, bigint>();

  const apply = async (message: KafkaMessage, topic: string): Promise<ProcessOutcome> => {
    const event = decodeEnvelope(message);
    const handler = options.handlers[event.type];
    return dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        'INSERT INTO processed_event (event_id, topic) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
        [event.id, topic],
      );
      if (inserted.length === 0) {
        logger.debug({ eventId: event.id }, 'event already processed; skipping');
        return 'duplicate';
      }
      if (!handler) return 'ignored';
      await handler(event, manager);
      return 'processed';
    });
  };

  const consumer = new SupervisedConsumer({
    kafka,
    groupId,
    topics: options.topics,
    fromBeginning: true,
    logger,
    consumer: options.consumer,
    supervision: options.supervision,
    observer: options.observer,
    eachMessage: createMessageProcessor({
      groupId,
      deadLetters: options.producer,
      logger,
      maxAttempts: options.maxAttempts ?? 5,
      apply,
      skip: (topic, partition, offset) => skipDecision(skipBelow.get(`${topic}/${partition}`), offset),
      observer: options.observer,
    }),
  });
  await consumer.start();
  return consumer;
}

/**
 * Messages produced before a group that starts at `latest` existed are not its own. Committing
 * only past the last of them keeps the skip cheap and lets a restart resume after it.
 */
function skipDecision(start: bigint | undefined, offset: bigint): SkipDecision {
  if (start === undefined || offset >= start) return { skip: false };
  return offset === start - 1n ? { skip: true, commitOffset: start.toString() } : { skip: true };
}

/**
 * For a group with no committed offsets on a partition: the partition's end offset now, before
 * the group first joins. Messages below it were produced before this group existed and are
 * skipped; everything produced from now on is handled. Read before joining, so there is no
 * window in which an event could fall between "now" and the first fetch.
 */
async function endOffsetsOfNewPartitions(kafka: Kafka, groupId: string, topics: string[]): Promise<Map<string, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const skipBelow = new Map<string, bigint>();
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics })) {
      const fresh = new Set(partitions.filter((p) => p.offset === '-1').map((p) => p.partition));
      if (fresh.size === 0) continue;
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        if (fresh.has(partition)) skipBelow.set(`${topic}/${partition}`, BigInt(high));
      }
    }
    return skipBelow;
  } finally {
    await admin.disconnect();
  }
}
