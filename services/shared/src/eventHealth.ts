import { Counter, Gauge, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { ConsumerLagMonitor, ConsumerObserver, SupervisedConsumer } from '@eq/subscriber-kit';
import type { ReadinessCheck } from './httpServer';
import type { OutboxObserver, OutboxRelay } from './outboxRelay';

/** When a service stops being ready because its events do not flow (see README, Health). */
export interface EventReadinessLimits {
  /** The consumer has had no contact with the broker (not joined, no heartbeat, no fetch) for longer than this. */
  consumerGraceMs: number;
  /** Lag above this many messages… */
  maxLag: number;
  /** …for longer than this. */
  lagGraceMs: number;
  /** The outbox holds an unsent event older than this (publishing fails). */
  outboxMaxUnsentAgeMs: number;
}

interface OutboxBacklog {
  unsent: number;
  /** Age of the oldest unsent row in ms, 0 when none. */
  oldestAgeMs: number;
}

/** Unsent outbox rows and the age of the oldest, from the partial index of unsent rows. */
export async function readOutboxBacklog(db: DataSource): Promise<OutboxBacklog> {
  const [row] = await db.query(
    `SELECT count(*)::int AS unsent,
            coalesce(extract(epoch FROM now() - min(created_at)) * 1000, 0)::float8 AS "oldestAgeMs"
       FROM outbox_event WHERE sent_at IS NULL`,
  );
  return row as OutboxBacklog;
}

export interface EventFlow {
  db: DataSource;
  relay: OutboxRelay;
  consumer?: SupervisedConsumer;
  lag?: ConsumerLagMonitor;
}

/**
 * Readiness checks for the event backbone: a service whose consumer is gone, whose lag stays
 * high, or whose outbox cannot publish is not ready, and says why. Liveness (`/healthz`) stays
 * unaffected: restarting the process would not bring a broker back.
 */
export function eventReadinessChecks(flow: EventFlow, limits: EventReadinessLimits, now: () => number = Date.now): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [
    {
      name: 'outbox',
      check: async () => {
        const { unsent, oldestAgeMs } = await readOutboxBacklog(flow.db);
        if (oldestAgeMs > limits.outboxMaxUnsentAgeMs) {
          const why = flow.relay.lastError ? `: ${flow.relay.lastError}` : '';
          throw new Error(`${unsent} unsent events, the oldest ${Math.round(oldestAgeMs / 1000)} s old${why}`);
        }
      },
    },
  ];
  const { consumer, lag } = flow;
  if (consumer) {
    checks.push({
      name: 'consumer',
      check: () => {
        const health = consumer.health();
        const silentMs = now() - (health.lastContactAt ?? 0);
        if (health.state === 'stopped') throw new Error('consumer stopped');
        if (silentMs > limits.consumerGraceMs) {
          throw new Error(
            `consumer ${health.state}, no contact with the broker for ${Math.round(silentMs / 1000)} s (restarts: ${health.restarts}${health.lastRestartReason ? `; last: ${health.lastRestartReason}` : ''})`,
          );
        }
      },
    });
  }
  if (lag) {
    checks.push({
      name: 'consumer-lag',
      check: () => {
        const since = lag.aboveBoundSince();
        if (since !== undefined && now() - since > limits.lagGraceMs) {
          throw new Error(`lag ${lag.latest()?.total} above ${limits.maxLag} for ${Math.round((now() - since) / 1000)} s`);
        }
      },
    });
  }
  return checks;
}

/**
 * The event backbone's Prometheus metrics, on a registry of their own (served beside the
 * GraphQL metrics on `/metrics`): consumer lag per partition, consumer restarts, messages by
 * result, outbox backlog and the oldest unsent event's age, publishes and publish errors.
 * Gauges are read when scraped, so they are never stale.
 */
export class EventMetrics {
  readonly registry = new Registry();
  readonly consumerObserver: ConsumerObserver;
  readonly outboxObserver: OutboxObserver;

  /** `consumes`: whether the service reads topics (only then are there consumer metrics). */
  constructor(flow: () => EventFlow | undefined, consumes: boolean, defaultLabels: Record<string, string> = {}) {
    this.registry.setDefaultLabels(defaultLabels);
    const registers = [this.registry];
    const published = new Counter({ name: 'outbox_published_events_total', help: 'Outbox events published to Kafka', registers });
    const publishErrors = new Counter({
      name: 'outbox_publish_errors_total',
      help: 'Failed attempts to publish a batch of outbox events',
      registers,
    });
    const backlog = async () => {
      const db = flow()?.db;
      return db?.isInitialized ? readOutboxBacklog(db).catch(() => undefined) : undefined;
    };
    new Gauge({
      name: 'outbox_unsent_events',
      help: 'Events recorded but not yet published',
      registers,
      async collect() {
        const read = await backlog();
        if (read) this.set(read.unsent);
      },
    });
    new Gauge({
      name: 'outbox_oldest_unsent_age_seconds',
      help: 'Age of the oldest unpublished event (0 when none)',
      registers,
      async collect() {
        const read = await backlog();
        if (read) this.set(read.oldestAgeMs / 1000);
      },
    });
    this.consumerObserver = consumes ? this.consumerMetrics(flow) : {};
    this.outboxObserver = {
      onPublished: (count) => published.inc(count),
      onPublishError: () => publishErrors.inc(),
    };
  }

  private consumerMetrics(flow: () => EventFlow | undefined): ConsumerObserver {
    const messages = new Counter({
      name: 'kafka_consumer_messages_total',
      help: 'Consumed messages by topic and result (processed, duplicate, ignored, failed, dead-lettered)',
      labelNames: ['topic', 'result'],
      registers: [this.registry],
    });
    const restarts = new Counter({
      name: 'kafka_consumer_restarts_total',
      help: 'Consumers replaced after a crash, lost membership or stall',
      registers: [this.registry],
    });
    new Gauge({
      name: 'kafka_consumer_lag',
      help: 'Messages not yet consumed, per topic and partition (end offset less committed offset)',
      labelNames: ['topic', 'partition'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const { topic, partition, lag } of flow()?.lag?.latest()?.partitions ?? [])
          this.set({ topic, partition: String(partition) }, lag);
      },
    });
    new Gauge({
      name: 'kafka_consumer_last_contact_age_seconds',
      help: 'Seconds since the broker last confirmed the consumer (join, heartbeat or fetch)',
      registers: [this.registry],
      collect() {
        const contact = flow()?.consumer?.health().lastContactAt;
        if (contact !== undefined) this.set((Date.now() - contact) / 1000);
      },
    });
    return {
      onMessage: (topic, result) => messages.inc({ topic, result }),
      onRestart: () => restarts.inc(),
    };
  }
}
