import type { Kafka, Producer, ProducerBatch, ProducerConfig, ProducerRecord, RecordMetadata } from 'kafkajs';

/** What publishers need of a producer; a kafkajs Producer has both. */
export interface Publisher {
  send(record: ProducerRecord): Promise<RecordMetadata[]>;
  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]>;
}

/** How long a broken producer's disconnect may take before it is abandoned. */
const DISCONNECT_TIMEOUT_MS = 5_000;

/**
 * A producer that replaces itself after a failed send. kafkajs' own producer can stay broken
 * after a broker outage (an idempotent producer whose sequence the broker no longer accepts, a
 * connection that never recovers), so after any failure the next send disconnects the old one
 * and connects a fresh one. Callers retry as before; a send is at-least-once either way and
 * consumers deduplicate by event id.
 */
export class RecoveringProducer implements Publisher {
  private producer?: Producer;
  private connecting?: Promise<Producer>;
  private broken = false;
  /** Producers replaced after a failure since start. */
  replacements = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly config: ProducerConfig = {},
  ) {}

  /** Connects the first producer (fails when the broker cannot be reached). */
  async connect(): Promise<void> {
    await this.current();
  }

  async send(record: ProducerRecord): Promise<RecordMetadata[]> {
    return this.guard((producer) => producer.send(record));
  }

  async sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    return this.guard((producer) => producer.sendBatch(batch));
  }

  async disconnect(): Promise<void> {
    const producer = this.producer ?? (await this.connecting?.catch(() => undefined));
    this.producer = undefined;
    await producer?.disconnect();
  }

  private async guard(send: (producer: Producer) => Promise<RecordMetadata[]>): Promise<RecordMetadata[]> {
    const producer = await this.current();
    try {
      return await send(producer);
    } catch (error) {
      this.broken = true;
      throw error;
    }
  }

  private async current(): Promise<Producer> {
    if (this.broken && this.producer) {
      const old = this.producer;
      this.producer = undefined;
      this.broken = false;
      this.replacements += 1;
      await withTimeout(old.disconnect(), DISCONNECT_TIMEOUT_MS).catch(() => undefined);
    }
    if (this.producer) return this.producer;
    this.connecting ??= (async () => {
      const producer = this.kafka.producer(this.config);
      try {
        await producer.connect();
      } catch (error) {
        await withTimeout(producer.disconnect(), DISCONNECT_TIMEOUT_MS).catch(() => undefined);
        throw error;
      }
      this.producer = producer;
      return producer;
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }
}

/** Resolves or rejects like `promise`, or rejects after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
