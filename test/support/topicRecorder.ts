import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { CloudEvent } from '@eq/shared';

export interface RecordedMessage {
  topic: string;
  key: string | null;
  /** The broker's timestamp of the message (ms since the epoch). */
  timestamp: number;
  event: CloudEvent<any>;
}

/**
 * Records every message of some topics from their beginning, as an outside subscriber would
 * see them (its own consumer group), so tests can assert what was published.
 */
export class TopicRecorder {
  readonly messages: RecordedMessage[] = [];
  private consumer?: Consumer;

  constructor(private readonly brokers: string[]) {}

  async start(topics: string[]): Promise<this> {
    const kafka = new Kafka({ clientId: 'test-recorder', brokers: this.brokers, logLevel: logLevel.NOTHING });
    this.consumer = kafka.consumer({ groupId: `test-recorder-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        this.messages.push({
          topic,
          key: message.key?.toString() ?? null,
          timestamp: Number(message.timestamp),
          event: JSON.parse(message.value!.toString()),
        });
      },
    });
    return this;
  }

  /** Events on `topic` whose subject (the aggregate id) is one of `subjects`. */
  eventsFor(topic: string, subjects: string[]): CloudEvent<any>[] {
    return this.messagesFor(topic, subjects).map((m) => m.event);
  }

  /** Messages on `topic` whose subject (the aggregate id) is one of `subjects`. */
  messagesFor(topic: string, subjects: string[]): RecordedMessage[] {
    return this.messages.filter((m) => m.topic === topic && subjects.includes(m.event.subject));
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
