import type { KafkaMessage } from 'kafkajs';
import type { DeadLetterKind } from './invalidMessage';
import { deadLetterTopic } from './topicContracts';
import type { Publisher } from './runtime/recoveringProducer';

export interface DeadLetterContext {
  groupId: string;
  topic: string;
  partition: number;
  message: KafkaMessage;
  kind: DeadLetterKind;
  error: string;
}

/**
 * Parks a message on `<groupId>.dead-letter.v1`: the original key and value, and why, where
 * it came from and who gave up on it in headers. The caller commits the offset afterwards, so
 * one bad message never blocks its partition.
 */
export async function sendToDeadLetter(producer: Publisher, context: DeadLetterContext): Promise<void> {
  const { groupId, topic, partition, message, kind, error } = context;
  await producer.send({
    topic: deadLetterTopic(groupId),
    acks: -1,
    messages: [
      {
        key: message.key,
        value: message.value,
        headers: {
          'x-error': error.slice(0, 2000),
          'x-error-kind': kind,
          'x-original-topic': topic,
          'x-original-partition': String(partition),
          'x-original-offset': message.offset,
          'x-consumer-group': groupId,
        },
      },
    ],
  });
}
