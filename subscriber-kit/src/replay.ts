import type { Admin } from 'kafkajs';

/** Where a subscription starts reading, instead of the group's committed offsets. */
export type ReplayFrom = { from: 'beginning' } | { from: 'timestamp'; at: Date };

/**
 * Moves the group's committed offsets on `topic` before its consumer joins: to each
 * partition's earliest retained offset, or to the first message at or after `at`
 * (partitions with nothing that late go to their end). Kafka only lets this happen while the
 * group has no running members, so call it before connecting.
 */
export async function seekGroup(admin: Admin, groupId: string, topic: string, replay: ReplayFrom): Promise<void> {
  const ends = await admin.fetchTopicOffsets(topic);
  const partitions =
    replay.from === 'beginning'
      ? ends.map(({ partition, low }) => ({ partition, offset: low }))
      : (await admin.fetchTopicOffsetsByTimestamp(topic, replay.at.getTime())).map(({ partition, offset }) => ({
          partition,
          offset: Number(offset) >= 0 ? offset : ends.find((end) => end.partition === partition)!.high,
        }));
  await admin.setOffsets({ groupId, topic, partitions });
}
