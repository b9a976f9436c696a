import type { Admin } from 'kafkajs';

const READY_TIMEOUT_MS = 15_000;

/**
 * Creates `topic` when it is missing, with the broker's default partitions and replication,
 * and waits until its partitions have leaders. Brokers here never auto-create topics, so the
 * kit creates its own dead-letter topic.
 */
export async function ensureTopic(admin: Admin, topic: string): Promise<void> {
  if (!(await admin.listTopics()).includes(topic)) {
    try {
      await admin.createTopics({ topics: [{ topic }], waitForLeaders: false });
    } catch (error) {
      // Another instance of the same group created it between our list and create.
      if ((error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw error;
    }
  }
  // kafkajs' own waitForLeaders gives up when the new topic's metadata has not reached the
  // broker it asks yet (UNKNOWN_TOPIC_OR_PARTITION); that is only a matter of time.
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      if (topics[0]?.partitions.length && topics[0].partitions.every((partition) => partition.leader >= 0)) return;
    } catch (error) {
      if (!(error as { retriable?: boolean }).retriable || Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`topic ${topic} has no partition leaders after ${READY_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
