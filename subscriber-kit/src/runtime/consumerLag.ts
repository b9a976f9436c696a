import type { Admin, Kafka } from 'kafkajs';
import { withTimeout } from './recoveringProducer';

/** Messages not yet consumed on one partition: its end offset less the group's committed offset. */
export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

export interface LagReading {
  /** When it was read, ms since the epoch. */
  at: number;
  partitions: PartitionLag[];
  total: number;
}

/**
 * Reads a consumer group's lag from the broker every `intervalMs`, with an admin client of its
 * own: the group's committed offsets against each partition's end. Read from outside the
 * consumer so that a dead consumer still has a lag, and it grows. A partition where the group
 * has committed nothing counts from the partition's start (a new group reads from the beginning).
 * While the broker does not answer, the last reading stays (with its age).
 */
export class ConsumerLagMonitor {
  private admin?: Admin;
  private timer?: NodeJS.Timeout;
  private reading?: Promise<unknown>;
  private last?: LagReading;
  private aboveBoundAt?: number;

  constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly topics: string[],
    private readonly options: { intervalMs?: number; /** Readings above this total are tracked (aboveBoundSince). */ maxLag?: number } = {},
  ) {}

  private get intervalMs(): number {
    return this.options.intervalMs ?? 5_000;
  }

  /** Since when every reading has been above `maxLag` (ms since the epoch), or undefined. */
  aboveBoundSince(): number | undefined {
    return this.aboveBoundAt;
  }

  start(): void {
    this.timer = setInterval(() => void (this.reading ??= this.read().finally(() => (this.reading = undefined))), this.intervalMs);
    this.timer.unref();
  }

  latest(): LagReading | undefined {
    return this.last;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.reading;
    await this.admin?.disconnect();
    this.admin = undefined;
  }

  /** One reading now; failures are swallowed (the next tick tries again). */
  async read(): Promise<LagReading | undefined> {
    try {
      this.admin ??= this.kafka.admin();
      const admin = this.admin;
      await withTimeout(
        (async () => {
          await admin.connect();
          const committed = await admin.fetchOffsets({ groupId: this.groupId, topics: this.topics });
          const partitions: PartitionLag[] = [];
          for (const { topic, partitions: offsets } of committed) {
            const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p]));
            for (const { partition, offset } of offsets) {
              const end = ends.get(partition);
              if (!end) continue;
              const from = offset === '-1' ? BigInt(end.low) : BigInt(offset);
              partitions.push({ topic, partition, lag: Math.max(0, Number(BigInt(end.high) - from)) });
            }
          }
          const reading = { at: Date.now(), partitions, total: partitions.reduce((sum, p) => sum + p.lag, 0) };
          this.last = reading;
          const above = this.options.maxLag !== undefined && reading.total > this.options.maxLag;
          this.aboveBoundAt = above ? (this.aboveBoundAt ?? reading.at) : undefined;
        })(),
        Math.max(1_000, this.intervalMs * 2),
      );
    } catch {
      // The broker is away: keep the last reading; its age tells how stale it is.
      const stale = this.admin;
      this.admin = undefined;
      void stale?.disconnect().catch(() => undefined);
    }
    return this.last;
  }
}
