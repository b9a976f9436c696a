/**
 * @eq/subscriber-kit: typed, idempotent subscriptions to the supergraph's Kafka topics.
 * See docs/subscribing.md.
 */
export { subscribe, type Subscription } from './subscribe';
export type { SubscribeOptions, SubscriberLogger, TopicEvent, TopicEventHandler, TopicHandlers } from './subscribeOptions';
export { forEveryEventType } from './forEveryEventType';
export type { ProcessedEvent, ProcessedEventStore } from './processedEventStore';
export { PostgresProcessedEventStore, type PostgresProcessedEventStoreOptions } from './postgresProcessedEventStore';
export type { ReplayFrom } from './replay';
export type { DeadLetterKind } from './invalidMessage';
export { CLOUD_EVENTS_CONTENT_TYPE, cloudEventEnvelopeSchema, type CloudEvent } from './cloudEvent';
export {
  TOPIC_CONTRACTS,
  dataSchemaOf,
  deadLetterTopic,
  topicContract,
  type EventDataOf,
  type EventTypeOf,
  type TopicContract,
  type TopicName,
} from './topicContracts';
export * from './contracts';
export { buildAsyncApiDocument } from './asyncApi/buildAsyncApiDocument';
export { InvalidMessageError, decodeEnvelope } from './invalidMessage';
export * from './runtime';
