import { Kafka, logLevel as KafkaLogLevel, type Admin, type ITopicConfig } from 'kafkajs';
import type { Logger } from './logger';

/** A kafkajs client whose own logs go through our structured logger. */
export function createKafka(clientId: string, brokers: string[], logger: Logger): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: KafkaLogLevel.WARN,
    retry: { initialRetryTime: 200, retries: 8 },
    logCreator: () => ({ namespace, level, log }) => {
      const { message, ...extra } = log;
      const method = level <= KafkaLogLevel.ERROR ? 'error' : level === KafkaLogLevel.WARN ? 'warn' : 'debug';
      logger[method]({ kafka: namespace, ...extra }, message);
    },
  });
}

/**
 * Creates the topics that are missing. The broker never auto-creates topics, so each service
 * ensures the topics it publishes and reads before it starts (idempotent, races are fine).
 */
export async function ensureTopics(kafka: Kafka, topics: string[], replicationFactor: number, partitions = 3): Promise<void> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing: ITopicConfig[] = [...new Set(topics)]
      .filter((topic) => !existing.has(topic))
      .map((topic) => ({ topic, numPartitions: partitions, replicationFactor }));
    if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
  } catch (error) {
    // Another service created the same topic between our list and create.
    if ((error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw error;
  } finally {
    await admin.disconnect();
  }
}
