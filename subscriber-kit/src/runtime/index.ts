/**
 * The consumer runtime shared by the services and the subscriber kit: one supervised consumer
 * group member, one per-message step (exactly-once effect, retries, dead letters), a producer
 * that replaces itself after a failure, and a lag reader.
 */
export { backoffDelay, type BackoffPolicy } from './backoff';
export type { ConsumerObserver, MessageResult } from './consumerObserver';
export { ConsumerLagMonitor, type LagReading, type PartitionLag } from './consumerLag';
export {
  createMessageProcessor,
  isConnectionError,
  type MessageProcessorOptions,
  type ProcessOutcome,
  type SkipDecision,
} from './messageProcessor';
export { RecoveringProducer, withTimeout, type Publisher } from './recoveringProducer';
export {
  DEFAULT_SUPERVISION,
  SupervisedConsumer,
  type ConsumerHealth,
  type SupervisedConsumerOptions,
  type SupervisionOptions,
} from './supervisedConsumer';
