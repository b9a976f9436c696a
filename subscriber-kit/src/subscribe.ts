import { Kafka, logLevel } from 'kafkajs';
import type { CloudEvent } from './cloudEvent';
import { ensureTopic } from './ensureTopic';
import { decodeData, decodeEnvelope } from './invalidMessage';
import { seekGroup } from './replay';
import { createMessageProcessor, type ProcessOutcome } from './runtime/messageProcessor';
import { RecoveringProducer } from './runtime/recoveringProducer';
import { SupervisedConsumer, type ConsumerHealth } from './runtime/supervisedConsumer';
import { validateSubscribeOptions, type SubscribeOptions, type ValidatedSubscribeOptions } from './subscribeOptions';
import { dataSchemaOf, deadLetterTopic, topicContract, type TopicName } from './topicContracts';

/** A running subscription. */
export interface Subscription {
  /** How its consumer is doing: joined or restarting, when the broker last heard from it, restarts. */
  health(): ConsumerHealth;
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
 * a crash in between means redelivery (and a skip), never loss. The consumer is supervised: a
 * crash, a lost group membership or a broker outage leads to a new consumer, for as long as the
 * subscription runs.
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
  const producer = new RecoveringProducer(kafka, { allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
  const consumer = new SupervisedConsumer({
    kafka,
    groupId: options.groupId,
    // A new group starts at the beginning: every topic carries full state, so a new subscriber wants all of it.
    topics: [options.address],
    fromBeginning: true,
    logger: options.logger,
    consumer: options.consumer,
    supervision: options.supervision,
    eachMessage: createMessageProcessor({
      groupId: options.groupId,
      deadLetters: producer,
      logger: options.logger,
      maxAttempts: options.maxAttempts,
      apply: eventApplier(options),
    }),
  });
  try {
    await producer.connect();
    await consumer.start();
  } catch (error) {
    await Promise.allSettled([consumer.stop(), producer.disconnect()]);
    throw error;
  }
  return {
    health: () => consumer.health(),
    stop: async () => {
      await consumer.stop();
      await producer.disconnect();
    },
  };
}

function eventApplier<T extends TopicName, Tx>(options: ValidatedSubscribeOptions<T, Tx>) {
  const { store, logger } = options;
  const handlers = options.handlers as Record<string, ((event: CloudEvent<unknown>, tx: Tx) => Promise<void>) | undefined>;
  const contract = topicContract(options.topic)!;
  return async (message: Parameters<typeof decodeEnvelope>[0], topic: string): Promise<ProcessOutcome> => {
    const envelope = decodeEnvelope(message);
    const handler = handlers[envelope.type];
    if (!handler) return 'ignored';
    const event = decodeData(envelope, dataSchemaOf(contract, envelope.type));
    const applied = await store.processOnce({ id: event.id, topic, type: event.type }, (tx) => handler(event, tx));
    if (!applied) logger.info({ eventId: event.id, offset: message.offset }, 'event already processed; skipped');
    return applied ? 'processed' : 'duplicate';
  };
}
