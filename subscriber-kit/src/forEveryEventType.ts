import type { TopicEventHandler, TopicHandlers } from './subscribeOptions';
import { TOPIC_CONTRACTS, type EventTypeOf, type TopicName } from './topicContracts';

/**
 * The same handler for every event type of a topic: the usual case for state-transfer topics,
 * where each event carries the aggregate's full state and a subscriber just keeps the latest.
 */
export function forEveryEventType<T extends TopicName, Tx>(
  topic: T,
  handler: TopicEventHandler<T, EventTypeOf<T>, Tx>,
): TopicHandlers<T, Tx> {
  return Object.fromEntries(Object.keys(TOPIC_CONTRACTS[topic].events).map((type) => [type, handler])) as unknown as TopicHandlers<T, Tx>;
}
