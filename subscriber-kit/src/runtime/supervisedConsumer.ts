import type { Consumer, ConsumerConfig, EachMessagePayload, Kafka } from 'kafkajs';
import type { SubscriberLogger } from '../subscribeOptions';
import { backoffDelay, type BackoffPolicy } from './backoff';
import type { ConsumerObserver } from './consumerObserver';
import { withTimeout } from './recoveringProducer';

/** How a supervised consumer group is doing, for readiness and metrics. */
export interface ConsumerHealth {
  /** `joined`: a member of its group; `restarting`: between a lost consumer and its replacement. */
  state: 'starting' | 'joined' | 'restarting' | 'stopped';
  /** When the broker last confirmed the member (join, heartbeat or fetch), ms since the epoch. */
  lastContactAt?: number;
  /** Consumers replaced since start. */
  restarts: number;
  /** Why the last consumer was replaced. */
  lastRestartReason?: string;
}

export interface SupervisionOptions {
  /** Backoff before replacing a lost consumer (and between failed replacements). */
  backoff: BackoffPolicy;
  /**
   * A member the broker has not heard from for this long (no heartbeat, no fetch) is presumed
   * dead and replaced: a consumer can hang without crashing (a request lost in a broker pause).
   */
  stallTimeoutMs: number;
  /** A replacement that has not connected, subscribed and started within this long is abandoned and tried again. */
  launchTimeoutMs: number;
}

export const DEFAULT_SUPERVISION: SupervisionOptions = {
  backoff: { initialMs: 500, maxMs: 10_000 },
  stallTimeoutMs: 60_000,
  launchTimeoutMs: 30_000,
};

export interface SupervisedConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  /** Where a group with no committed offsets starts; true for every consumer in this repository. */
  fromBeginning: boolean;
  /** The per-message step, given each new consumer (for its offset commits). */
  eachMessage: (consumer: Consumer) => (payload: EachMessagePayload) => Promise<void>;
  logger: SubscriberLogger;
  /** kafkajs consumer settings (sessionTimeout, heartbeatInterval, maxWaitTimeInMs…). */
  consumer?: Omit<ConsumerConfig, 'groupId' | 'retry' | 'allowAutoTopicCreation'>;
  supervision?: Partial<SupervisionOptions>;
  observer?: ConsumerObserver;
}

const DISCONNECT_TIMEOUT_MS = 5_000;

/**
 * A consumer group member that is kept alive for as long as the process runs.
 *
 * kafkajs restarts a consumer only after errors it deems retriable; after a non-retriable crash
 * (`The coordinator is not aware of this member`, seen after every broker pause longer than the
 * session) the consumer simply stays dead. Here kafkajs never restarts anything: every crash, and
 * a member that has gone silent, leads to a brand-new consumer after a capped, jittered backoff,
 * retried until one joins. `stop` ends it promptly, including a replacement in flight.
 */
export class SupervisedConsumer {
  private readonly supervision: SupervisionOptions;
  private current?: Consumer;
  private restartTimer?: NodeJS.Timeout;
  private watchdog?: NodeJS.Timeout;
  private launching?: Promise<void>;
  private failures = 0;
  private stopping = false;
  private readonly status: ConsumerHealth = { state: 'starting', restarts: 0 };

  constructor(private readonly options: SupervisedConsumerOptions) {
    this.supervision = { ...DEFAULT_SUPERVISION, ...options.supervision };
  }

  /** Starts the first consumer; fails if it cannot (a later loss is recovered, not thrown). */
  async start(): Promise<void> {
    await this.launch();
    const period = Math.max(250, Math.floor(this.supervision.stallTimeoutMs / 4));
    this.watchdog = setInterval(() => this.checkStalled(), period);
    this.watchdog.unref();
  }

  health(): ConsumerHealth {
    return { ...this.status };
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.status.state = 'stopped';
    clearTimeout(this.restartTimer);
    clearInterval(this.watchdog);
    await this.launching?.catch(() => undefined);
    const consumer = this.current;
    this.current = undefined;
    await consumer?.disconnect();
  }

  private async launch(): Promise<void> {
    const consumer = this.options.kafka.consumer({
      maxWaitTimeInMs: 500, // an idle consumer stops within half a second instead of five
      ...this.options.consumer,
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      // Never restart inside kafkajs: the supervisor replaces every lost consumer itself.
      retry: { retries: 10, restartOnFailure: async () => false },
    });
    this.current = consumer;
    const contact = () => {
      if (this.current !== consumer) return;
      this.status.lastContactAt = Date.now();
    };
    consumer.on(consumer.events.GROUP_JOIN, () => {
      if (this.current !== consumer || this.stopping) return;
      contact();
      this.status.state = 'joined';
      this.failures = 0;
    });
    consumer.on(consumer.events.HEARTBEAT, contact);
    consumer.on(consumer.events.FETCH, contact);
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (this.current === consumer) this.replace(`crashed: ${payload.error.name}: ${payload.error.message}`);
    });
    const started = (async () => {
      await consumer.connect();
      await consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning });
      await consumer.run({ autoCommit: false, eachMessage: this.options.eachMessage(consumer) });
    })();
    this.launching = started;
    try {
      await withTimeout(started, this.supervision.launchTimeoutMs);
      // A member that has just started counts as in contact until the watchdog says otherwise.
      this.status.lastContactAt ??= Date.now();
    } catch (error) {
      started.catch(() => undefined);
      if (this.current === consumer) this.current = undefined;
      void withTimeout(consumer.disconnect(), DISCONNECT_TIMEOUT_MS).catch(() => undefined);
      throw error;
    } finally {
      if (this.launching === started) this.launching = undefined;
    }
  }

  /** Drops the current consumer and schedules a new one. */
  private replace(reason: string): void {
    if (this.stopping) return;
    const old = this.current;
    this.current = undefined;
    this.status.state = 'restarting';
    this.status.restarts += 1;
    this.status.lastRestartReason = reason;
    this.failures += 1;
    this.options.observer?.onRestart?.(reason);
    const delay = backoffDelay(this.supervision.backoff, this.failures);
    this.options.logger.warn(
      { groupId: this.options.groupId, reason, delayMs: delay, restarts: this.status.restarts },
      'consumer lost; replacing it',
    );
    // After a crash kafkajs has disconnected it already; a stalled one may never answer.
    if (old) void withTimeout(old.disconnect(), DISCONNECT_TIMEOUT_MS).catch(() => undefined);
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => void this.relaunch(), delay);
  }

  private async relaunch(): Promise<void> {
    if (this.stopping) return;
    try {
      await this.launch();
      this.options.logger.info({ groupId: this.options.groupId, restarts: this.status.restarts }, 'consumer replaced');
      if (this.stopping) await this.stop();
    } catch (error) {
      this.replace(`could not start a new consumer: ${(error as Error).message}`);
    }
  }

  private checkStalled(): void {
    if (this.stopping || !this.current || this.launching) return;
    const silentFor = Date.now() - (this.status.lastContactAt ?? 0);
    if (silentFor > this.supervision.stallTimeoutMs) this.replace(`no contact with the broker for ${silentFor} ms`);
  }
}
