import type { DataSource } from 'typeorm';
import type { Publisher } from '@eq/subscriber-kit';
import type { Logger } from './logger';
import { onOutboxCommit } from './outbox';

/** Hooks for metrics; they must not throw. */
export interface OutboxObserver {
  onPublished?(count: number): void;
  onPublishError?(): void;
}

export interface OutboxRelayOptions {
  dataSource: DataSource;
  /** A RecoveringProducer replaces itself after a failed send, so the relay recovers after a broker outage. */
  producer: Publisher;
  logger: Logger;
  /** Poll, for rows this process did not write (another instance's, a script's) and retries after a Kafka error. */
  pollMs: number;
  batchSize?: number;
  /** How long sent rows stay in the outbox (for inspection and replays by hand) before they are deleted; default 7 days. */
  retentionMs?: number;
  /** How often the relay deletes sent rows past their retention; default every 10 minutes. */
  pruneEveryMs?: number;
  observer?: OutboxObserver;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows deleted per statement, so a first prune of a long history never holds a long lock. */
const PRUNE_BATCH = 10_000;

interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  key: string;
  /** The CloudEvent as JSON text: read as text, it goes to Kafka without a parse and a stringify. */
  payload: string;
}

const MAX_BACKOFF_MS = 5_000;

/**
 * Publishes committed outbox rows to Kafka and marks them sent.
 *
 * Several relays (one per service instance) may run at once: each claims rows with
 * `FOR UPDATE SKIP LOCKED`, and a row is only taken when no earlier row of the same key is
 * still unsent, so one aggregate's events reach Kafka in the order they were written even
 * while another instance holds the earlier one. Delivery is at-least-once (a crash between
 * send and mark re-sends); consumers deduplicate by event id.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly retentionMs: number;
  private readonly pruneEveryMs: number;
  private pruneTimer?: NodeJS.Timeout;
  private pruning?: Promise<unknown>;
  private stopListening?: () => void;
  private timer?: NodeJS.Timeout;
  private running = false;
  private draining?: Promise<void>;
  private wakeRequested = false;
  private failures = 0;
  /** Set after a failed publish; readiness reports it. */
  lastError?: string;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.retentionMs = options.retentionMs ?? 7 * DAY_MS;
    this.pruneEveryMs = options.pruneEveryMs ?? 10 * 60 * 1000;
  }

  async start(): Promise<void> {
    this.running = true;
    // Woken in this process after every commit that recorded events (outbox.ts), not by NOTIFY.
    this.stopListening = onOutboxCommit(this.options.dataSource, () => this.wake());
    this.schedule(0);
    // On a timer of its own, not in the drain: deleting old rows never delays publishing new ones.
    this.pruneTimer = setInterval(
      () => void (this.pruning ??= this.pruneAndLog().finally(() => (this.pruning = undefined))),
      this.pruneEveryMs,
    );
    this.pruneTimer.unref();
  }

  private async pruneAndLog(): Promise<void> {
    try {
      const pruned = await this.prune();
      if (pruned > 0) this.options.logger.info({ pruned }, 'deleted sent outbox rows past their retention');
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not delete sent outbox rows; will try again');
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    clearInterval(this.pruneTimer);
    this.stopListening?.();
    await Promise.all([this.draining, this.pruning]);
  }

  /** Requests a drain now (called after a commit that recorded events; safe to call any time). */
  wake(): void {
    if (!this.running) return;
    if (this.draining) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.drain(), delayMs);
  }

  private async drain(): Promise<void> {
    if (this.draining || !this.running) return;
    this.draining = (async () => {
      try {
        let published: number;
        do {
          this.wakeRequested = false;
          published = await this.publishBatch();
          if (published > 0) this.options.observer?.onPublished?.(published);
        } while ((published > 0 || this.wakeRequested) && this.running);
        this.failures = 0;
        this.lastError = undefined;
      } catch (error) {
        this.failures += 1;
        this.lastError = (error as Error).message;
        this.options.observer?.onPublishError?.();
        this.options.logger.warn({ err: error, failures: this.failures }, 'outbox relay could not publish; will retry');
      }
    })();
    await this.draining;
    this.draining = undefined;
    if (!this.running) return;
    const backoff = this.failures === 0 ? this.options.pollMs : Math.min(MAX_BACKOFF_MS, 200 * 2 ** this.failures);
    this.schedule(this.wakeRequested ? 0 : backoff);
  }

  /**
   * Deletes sent rows older than the retention: they are on Kafka, and an outbox that only
   * grows (every booking and register change adds a row) would swell the database and its backups for nothing.
   * Unsent rows are never deleted, however old. Returns how many rows went.
   */
  async prune(): Promise<number> {
    let deleted = 0;
    for (;;) {
      const [, count]: [unknown, number] = await this.options.dataSource.query(
        `DELETE FROM outbox_event WHERE seq IN (
           SELECT seq FROM outbox_event WHERE sent_at < now() - $1 * interval '1 millisecond' LIMIT $2)`,
        [this.retentionMs, PRUNE_BATCH],
      );
      deleted += count;
      if (count < PRUNE_BATCH) return deleted;
    }
  }

  /** Claims, publishes and marks one batch; returns how many rows it published. */
  private async publishBatch(): Promise<number> {
    return this.options.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT e.seq, e.id, e.topic, e.key, e.payload::text AS payload
           FROM outbox_event e
          WHERE e.sent_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM outbox_event earlier
                             WHERE earlier.sent_at IS NULL AND earlier.topic = e.topic
                               AND earlier.key = e.key AND earlier.seq < e.seq)
          ORDER BY e.seq
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      const byTopic = new Map<string, OutboxRow[]>();
      for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
      await this.options.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, topicRows]) => ({
          topic,
          messages: topicRows.map((row) => ({
            key: row.key,
            value: row.payload,
            headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8' },
          })),
        })),
      });
      await manager.query('UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1 WHERE seq = ANY($1)', [
        rows.map((row) => row.seq),
      ]);
      return rows.length;
    });
  }
}
