import type { Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { cloudEventSchema, type CloudEvent } from './cloudEvent';
import type { Logger } from './logger';
import { deadLetterTopic } from './topics';

/** Handles one event inside the consumer's transaction; throw PoisonMessageError for bad data. */
export type EventHandler = (event: CloudEvent, manager: EntityManager) => Promise<void>;

/** Handlers by CloudEvent `type`. Types without a handler are acknowledged and skipped. */
export type EventHandlers = Record<string, EventHandler>;

/** A message that can never succeed (malformed, fails its schema): it goes to the dead-letter topic. */
export class PoisonMessageError extends Error {
  override name = 'PoisonMessageError';
}

/** Validates an event's data against its schema; a mismatch is a poison message, not a retry. */
export function parseEventData<S extends z.ZodType>(schema: S, event: CloudEvent): z.infer<S> {
  const result = schema.safeParse(event.data);
  if (!result.success) {
    throw new PoisonMessageError(`${event.type} ${event.id} has invalid data: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return result.data;
}

export interface ConsumerOptions {
  kafka: Kafka;
  producer: Producer;
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
}

/**
 * Runs a consumer group whose handlers write to the service's database.
 *
 * Exactly-once effect on our side: the event id goes into `processed_event` in the same
 * transaction as the handler's writes, so a redelivered event is a no-op. The offset is
 * committed only after that transaction commits; a crash in between means redelivery, never
 * loss. Poison messages are dead-lettered with the error in headers and the offset moves on,
 * so one bad message never blocks its partition.
 */
export async function startConsumer(options: ConsumerOptions): Promise<Consumer> {
  const { kafka, producer, dataSource, groupId, logger } = options;
  const maxAttempts = options.maxAttempts ?? 5;
  const attempts = new Map<string, number>();
  // A short fetch wait: an idle consumer then stops within half a second instead of five.
  // After a crash (the broker went away) kafkajs restarts the consumer after a backoff, unless
  // restartOnFailure says no: once we are disconnecting, it says no, or a restart scheduled
  // during our disconnect would bring the consumer back, polling a broker that is gone and
  // keeping the process alive.
  let stopping = false;
  const consumer = kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    retry: { retries: 10, restartOnFailure: async () => !stopping },
    maxWaitTimeInMs: 500,
  });
  const disconnect = consumer.disconnect.bind(consumer);
  consumer.disconnect = async () => {
    stopping = true;
    await disconnect();
  };
  const skipBelow = options.newGroupStart === 'latest' ? await endOffsetsOfNewPartitions(kafka, groupId, options.topics) : new Map<string, bigint>();
  await consumer.connect();
  await consumer.subscribe({ topics: options.topics, fromBeginning: true });

  const deadLetter = async (topic: string, partition: number, message: KafkaMessage, error: Error) => {
    logger.warn({ topic, partition, offset: message.offset, error: error.message }, 'dead-lettering message');
    await producer.send({
      topic: deadLetterTopic(groupId),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            'x-error': error.message.slice(0, 2000),
            'x-error-kind': error.name,
            'x-original-topic': topic,
            'x-original-partition': String(partition),
            'x-original-offset': message.offset,
            'x-consumer-group': groupId,
          },
        },
      ],
    });
  };

  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const position = `${topic}/${partition}/${message.offset}`;
      const start = skipBelow.get(`${topic}/${partition}`);
      if (start !== undefined && BigInt(message.offset) < start) {
        // Produced before this group started at the end: not ours. Committing only the last of
        // them keeps the skip cheap and lets a restart resume after it.
        if (BigInt(message.offset) === start - 1n) await consumer.commitOffsets([{ topic, partition, offset: start.toString() }]);
        return;
      }
      try {
        const event = decodeEvent(message);
        const handler = options.handlers[event.type];
        await dataSource.transaction(async (manager) => {
          const inserted: unknown[] = await manager.query(
            'INSERT INTO processed_event (event_id, topic) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
            [event.id, topic],
          );
          if (inserted.length === 0) {
            logger.debug({ eventId: event.id }, 'event already processed; skipping');
            return;
          }
          if (handler) await handler(event, manager);
        });
      } catch (error) {
        const poison = error instanceof PoisonMessageError;
        // An unreachable database says nothing about the message: retry it for as long as the
        // outage lasts instead of using up its attempts and dead-lettering a good event.
        const failures = isConnectionError(error) ? 0 : (attempts.get(position) ?? 0) + 1;
        if (!poison && failures < maxAttempts) {
          attempts.set(position, failures);
          logger.warn({ err: error, position, failures }, 'event handling failed; will retry');
          throw error; // kafkajs backs off and redelivers this message
        }
        await deadLetter(topic, partition, message, error as Error);
      }
      attempts.delete(position);
      await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
    },
  });
  return consumer;
}

/** PostgreSQL connection-class errors (SQLSTATE 08xxx, 57P0x shutdown) and socket errors. */
function isConnectionError(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  return /^(08|57P0)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code) || /Connection terminated/i.test(String((error as Error)?.message));
}

function decodeEvent(message: KafkaMessage): CloudEvent {
  let raw: unknown;
  try {
    raw = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch {
    throw new PoisonMessageError('message value is not JSON');
  }
  const parsed = cloudEventSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PoisonMessageError(`not a CloudEvents 1.0 envelope: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data as CloudEvent;
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
