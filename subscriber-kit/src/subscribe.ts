import { Kafka, logLevel, type Consumer, type EachMessagePayload, type Producer } from 'kafkajs';
import type { CloudEvent } from './cloudEvent';
import { sendToDeadLetter } from './deadLetter';
import { ensureTopic } from './ensureTopic';
import { decodeData, decodeEnvelope, InvalidMessageError } from './invalidMessage';
import { seekGroup } from './replay';
import { validateSubscribeOptions, type SubscribeOptions, type ValidatedSubscribeOptions } from './subscribeOptions';
import { dataSchemaOf, deadLetterTopic, topicContract, type TopicName } from './topicContracts';

/** A running subscription. */
export interface Subscription {
  /** Leaves the group after the message in progress; offsets of processed messages are committed. */
  stop(): Promise<void>;
}

/**
 * Subscribes a consumer group to one topic with a typed handler per event type.
 *
 * Per message: invalid ones (not JSON, not a CloudEvents envelope, `data` failing the topic's
 * schema) go to `<groupId>.dead-letter.v1`; a valid event runs its handler inside
 * `store.processOnce`, which records the event id in the handler's transaction, so a
 * redelivered event is skipped. The offset is committed only after that transaction commits:
 * a crash in between means redelivery (and a skip), never loss.
 */
export async function subscribe<T extends TopicName, Tx>(input: SubscribeOptions<T, Tx>): Promise<Subscription> {
  const options = validateSubscribeOptions(input);
  const kafka = new Kafka({ logLevel: logLevel.WARN, ...options.kafka, clientId: options.clientId, brokers: options.brokers });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopic(admin, deadLetterTopic(options.groupId));
    if (options.replay) await seekGroup(admin, options.groupId, options.address, options.replay);
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
  try {
    await producer.connect();
    await consumer.connect();
    // A new group starts at the beginning: every topic carries full state, so a new subscriber wants all of it.
    await consumer.subscribe({ topics: [options.address], fromBeginning: true });
    await consumer.run({ autoCommit: false, eachMessage: messageProcessor(options, consumer, producer) });
  } catch (error) {
    await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
    throw error;
  }
  return {
    stop: async () => {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}

function messageProcessor<T extends TopicName, Tx>(options: ValidatedSubscribeOptions<T, Tx>, consumer: Consumer, producer: Producer) {
  const { groupId, store, logger } = options;
  const handlers = options.handlers as Record<string, ((event: CloudEvent<any>, tx: Tx) => Promise<void>) | undefined>;
  const contract = topicContract(options.topic)!;
  const attempts = new Map<string, number>();

  return async ({ topic, partition, message }: EachMessagePayload): Promise<void> => {
    const position = `${topic}/${partition}/${message.offset}`;
    try {
      const envelope = decodeEnvelope(message);
      const handler = handlers[envelope.type];
      if (handler) {
        const event = decodeData(envelope, dataSchemaOf(contract, envelope.type));
        try {
          const applied = await store.processOnce({ id: event.id, topic, type: event.type }, (tx) => handler(event, tx));
          if (!applied) logger.info({ eventId: event.id, position }, 'event already processed; skipped');
        } catch (error) {
          // An unreachable database says nothing about the event: retry for as long as the outage lasts.
          const failures = isConnectionError(error) ? 0 : (attempts.get(position) ?? 0) + 1;
          if (failures < options.maxAttempts) {
            attempts.set(position, failures);
            logger.warn({ err: error, position, failures }, 'event handler failed; will retry');
            throw error; // kafkajs backs off and redelivers from the last committed offset
          }
          throw new InvalidMessageError('handler-failed', `handler failed ${failures} times: ${(error as Error).message}`);
        }
      }
    } catch (error) {
      if (!(error instanceof InvalidMessageError)) throw error;
      logger.warn({ position, kind: error.kind, error: error.message }, 'dead-lettering message');
      await sendToDeadLetter(producer, { groupId, topic, partition, message, kind: error.kind, error: error.message });
    }
    attempts.delete(position);
    await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
  };
}

/** PostgreSQL connection-class errors (SQLSTATE 08xxx, 57P0x shutdown) and socket errors. */
function isConnectionError(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  return /^(08|57P0)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code) || /Connection terminated/i.test(String((error as Error)?.message));
}
