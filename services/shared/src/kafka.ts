import { Kafka, logLevel as KafkaLogLevel, type Admin, type ITopicConfig } from 'kafkajs';
import type { Logger } from './logger';

/** A kafkajs client whose own logs go through our structured logger. */
export function createKafka(clientId: string, brokers: string[], logger: Logger): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: KafkaLogLevel.WARN,
    retry: { initialRetryTime: 200, retries: 8 },
    logCreator:
      () =>
      ({ namespace, level, log }) => {
        const { message, ...extra } = log;
        const method = level <= KafkaLogLevel.ERROR ? 'error' : level === KafkaLogLevel.WARN ? 'warn' : 'debug';
        logger[method]({ kafka: namespace, ...extra }, message);
      },
  });
}

/**
 * Creates the topics that are missing and waits until every partition has a leader. The broker
 * never auto-creates topics, so each service ensures the topics it publishes and reads before
 * it starts (idempotent; a race with another service creating the same topic is fine).
 * kafkajs' own `waitForLeaders` sometimes fails with UNKNOWN_TOPIC_OR_PARTITION while the new
 * topic's metadata spreads, so we poll the metadata ourselves, with a deadline.
 */
export interface TopicSettings {
  replicationFactor: number;
  partitions: number;
  /** With acks=all, how many replicas must have a message before it counts as written. */
  minInSyncReplicas: number;
}

export async function ensureTopics(kafka: Kafka, topics: string[], settings: TopicSettings, deadlineMs = 30_000): Promise<void> {
  const { replicationFactor, partitions, minInSyncReplicas } = settings;
  const wanted = [...new Set(topics)];
  // Nothing to wait for (a service that neither publishes nor consumes); asking the broker for
  // the metadata of no topics would answer with every topic.
  if (wanted.length === 0) return;
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing: ITopicConfig[] = wanted
      .filter((topic) => !existing.has(topic))
      .map((topic) => ({
        topic,
        numPartitions: partitions,
        replicationFactor,
        configEntries: [{ name: 'min.insync.replicas', value: String(minInSyncReplicas) }],
      }));
    // A concurrent creator makes createTopics fail (already exists, or the topic-partition is
    // not hosted yet): either way the metadata poll below decides whether the topics are usable.
    let createError: unknown;
    if (missing.length > 0)
      await admin.createTopics({ topics: missing, waitForLeaders: false }).catch((error: unknown) => (createError = error));
    const giveUpAt = Date.now() + deadlineMs;
    for (;;) {
      const ready = await admin
        .fetchTopicMetadata({ topics: wanted })
        .then(
          ({ topics: found }) =>
            found.length === wanted.length && found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)),
        )
        .catch(() => false);
      if (ready) return;
      if (Date.now() > giveUpAt) {
        throw new Error(
          `Kafka topics have no leaders after ${deadlineMs} ms: ${wanted.join(', ')}${createError ? ` (create failed: ${String(createError)})` : ''}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await admin.disconnect();
  }
}
