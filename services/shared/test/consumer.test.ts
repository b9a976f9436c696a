import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import kafkajs, { type Kafka, type Producer } from 'kafkajs';
import type { SupervisedConsumer } from '@eq/subscriber-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { startInfrastructure, type Infrastructure } from '../../../scripts/stack/infrastructure';
import { DATA_DIR } from '../../../scripts/stack/paths';
import { eventually } from '../../../test/support/eventually';
import { makeCloudEvent, type CloudEvent } from '../src/cloudEvent';
import { PoisonMessageError, startConsumer, type ConsumerOptions, type EventHandlers } from '../src/consumer';
import { openDatabase } from '../src/database';
import { createKafka, ensureTopics } from '../src/kafka';

const TOPIC_SETTINGS = { replicationFactor: 1, partitions: 3, minInSyncReplicas: 1 };
import { createLogger, type Logger } from '../src/logger';
import { deadLetterTopic } from '../src/topics';

const runId = `kit_consumer_${randomBytes(3).toString('hex')}`;
const runDir = path.join(DATA_DIR, 'test-runs', runId);

const HAPPENED = 'kit.thing.happened';
const thing = (subject: string, data: unknown = {}, type = HAPPENED): CloudEvent =>
  makeCloudEvent({ source: '/kit-test', type, subject, data });

interface ReadMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

describe('event consumer on real PostgreSQL and Kafka', () => {
  let infrastructure: Infrastructure;
  let logger: Logger;
  let kafka: Kafka;
  let producer: Producer;
  let db: DataSource;
  const consumers: SupervisedConsumer[] = [];

  /** A topic and consumer group of their own, with the group's dead-letter topic. */
  async function scenario(name: string, handlers: EventHandlers, maxAttempts?: number, extra: Partial<ConsumerOptions> = {}) {
    const suffix = `${name}-${randomBytes(4).toString('hex')}`;
    const topic = `kit-test.${suffix}.v1`;
    const groupId = `kit-test-${suffix}`;
    await ensureTopics(kafka, [topic, deadLetterTopic(groupId)], TOPIC_SETTINGS);
    const consumer = await startConsumer({
      kafka,
      producer,
      dataSource: db,
      groupId,
      topics: [topic],
      handlers,
      logger,
      maxAttempts,
      ...extra,
    });
    consumers.push(consumer);
    // One key keeps the scenario's messages on one partition, so they are consumed in order.
    const send = (...values: Array<string | null>) =>
      producer.send({ topic, acks: -1, messages: values.map((value) => ({ key: name, value })) });
    return { topic, groupId, send, consumer };
  }

  /** The effect a handler writes in the consumer's transaction. */
  const recordEffect = async (event: CloudEvent, manager: EntityManager, note = '') => {
    await manager.query('INSERT INTO kit_effect (event_id, note) VALUES ($1, $2)', [event.id, note]);
  };

  async function effects(eventId: string): Promise<string[]> {
    const rows: Array<{ note: string }> = await db.query('SELECT note FROM kit_effect WHERE event_id = $1 ORDER BY seq', [eventId]);
    return rows.map((row) => row.note);
  }

  async function processed(eventIds: string[]): Promise<string[]> {
    const rows: Array<{ event_id: string }> = await db.query(
      'SELECT event_id FROM processed_event WHERE event_id = ANY($1) ORDER BY event_id',
      [eventIds],
    );
    return rows.map((row) => row.event_id);
  }

  const handledOnce = (eventId: string) =>
    eventually(
      () => effects(eventId),
      (notes) => notes.length > 0,
      { what: `event ${eventId} to be handled` },
    );

  /** Reads a topic from its beginning with a consumer group of its own, until `count` messages arrived. */
  async function readTopic(topic: string, count: number): Promise<ReadMessage[]> {
    const reader = kafka.consumer({ groupId: `kit-test-reader-${randomBytes(4).toString('hex')}`, maxWaitTimeInMs: 100 });
    const messages: ReadMessage[] = [];
    await reader.connect();
    try {
      await reader.subscribe({ topics: [topic], fromBeginning: true });
      await reader.run({
        eachMessage: async ({ message }) => {
          const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
          messages.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers });
        },
      });
      await eventually(
        async () => messages.length,
        (n) => n >= count,
        { what: `${count} messages on ${topic}` },
      );
      return messages;
    } finally {
      await reader.disconnect();
    }
  }

  /** Messages ever written to a topic (sum of high watermarks). */
  async function messageCount(topic: string): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic)).reduce((sum, partition) => sum + Number(partition.high), 0);
    } finally {
      await admin.disconnect();
    }
  }

  /** The offsets a group committed, summed over the topic's partitions. */
  async function committedCount(groupId: string, topic: string): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return (offsets?.partitions ?? []).reduce((sum, partition) => sum + Math.max(0, Number(partition.offset)), 0);
    } finally {
      await admin.disconnect();
    }
  }

  beforeAll(async () => {
    mkdirSync(runDir, { recursive: true });
    infrastructure = await startInfrastructure({
      dataDir: runDir,
      databaseUrl: process.env.DATABASE_URL,
      kafkaBrokers: process.env.KAFKA_BROKERS?.split(','),
    });
    logger = createLogger('kit-consumer-test', process.env.TEST_LOG_LEVEL ?? 'info', createWriteStream(path.join(runDir, 'kit.log')));
    db = await openDatabase({ serverUrl: infrastructure.databaseUrl, name: runId, entities: [], migrations: [], logger });
    // No unique constraint: a handler applied twice would show as two rows.
    await db.query('CREATE TABLE kit_effect (seq bigserial PRIMARY KEY, event_id text NOT NULL, note text NOT NULL)');
    kafka = createKafka('kit-consumer-test', infrastructure.kafkaBrokers, logger);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await producer?.disconnect();
    await db?.destroy();
    await infrastructure?.stop();
  });

  it('handles an event once even when the same message is delivered twice', async () => {
    let calls = 0;
    const { topic, groupId, send } = await scenario('dedupe', {
      [HAPPENED]: async (event, manager) => {
        calls += 1;
        await recordEffect(event, manager);
      },
    });
    const twice = JSON.stringify(thing('institution-1'));
    const unhandled = thing('institution-1', {}, 'kit.thing.ignored');
    const last = thing('institution-1');
    await send(twice, twice, JSON.stringify(unhandled), JSON.stringify(last));

    await handledOnce(last.id);
    const first = JSON.parse(twice) as CloudEvent;
    expect(await effects(first.id)).toStrictEqual(['']);
    expect(calls).toBe(2);
    // An event type without a handler is acknowledged, not retried or dead-lettered.
    expect(await processed([first.id, unhandled.id, last.id])).toStrictEqual([first.id, unhandled.id, last.id].sort());
    expect(await messageCount(deadLetterTopic(groupId))).toBe(0);
    await eventually(
      () => committedCount(groupId, topic),
      (n) => n === 4,
      { what: 'the offset to move past all four messages' },
    );
  });

  it('starts a new group at the end of its topics when asked (test stacks on a shared broker), and only then', async () => {
    const suffix = randomBytes(4).toString('hex');
    const topic = `kit-test.latest-${suffix}.v1`;
    const groupId = `kit-test-latest-${suffix}`;
    await ensureTopics(kafka, [topic, deadLetterTopic(groupId)], TOPIC_SETTINGS);
    const send = (event: CloudEvent) =>
      producer.send({ topic, acks: -1, messages: [{ key: 'one-partition', value: JSON.stringify(event) }] });
    const before = thing('institution-before');
    await send(before);
    const handlers: EventHandlers = { [HAPPENED]: (event, manager) => recordEffect(event, manager) };
    consumers.push(
      await startConsumer({ kafka, producer, dataSource: db, groupId, topics: [topic], handlers, logger, newGroupStart: 'latest' }),
    );
    const after = thing('institution-after');
    await send(after);

    // Same key, same partition: had the group started at the beginning, `before` would have been handled first.
    await handledOnce(after.id);
    expect(await effects(before.id)).toStrictEqual([]);
    expect(await processed([before.id, after.id])).toStrictEqual([after.id]);
  });

  it('dead-letters malformed and poison messages with the error and goes on with the next good one', async () => {
    const { topic, groupId, send } = await scenario('poison', {
      [HAPPENED]: (event, manager) => recordEffect(event, manager),
      'kit.thing.poisoned': async (event, manager) => {
        await recordEffect(event, manager, 'written before the handler gave up');
        throw new PoisonMessageError(`${event.id} carries data no retry can fix`);
      },
    });
    const poisoned = thing('institution-2', { rubbish: true }, 'kit.thing.poisoned');
    const notCloudEvent = JSON.stringify({ hello: 'world' });
    const good = thing('institution-2');
    await send('{ this is not json', notCloudEvent, null, JSON.stringify(poisoned), JSON.stringify(good));

    await handledOnce(good.id);
    const dead = await readTopic(deadLetterTopic(groupId), 4);
    expect(dead.map((m) => m.value)).toStrictEqual(['{ this is not json', notCloudEvent, null, JSON.stringify(poisoned)]);
    expect(dead[0]!.headers['x-error']!).toMatch(/not JSON/);
    expect(dead[1]!.headers['x-error']!).toMatch(/not a CloudEvents 1.0 envelope/);
    expect(dead[2]!.headers['x-error']!).toMatch(/not JSON/);
    expect(dead[3]!.headers['x-error']).toBe(`${poisoned.id} carries data no retry can fix`);
    dead.forEach((message, index) => {
      expect(message.key).toBe('poison');
      expect(message.headers['x-error-kind']).toBe(['not-json', 'not-cloudevent', 'not-json', 'invalid-data'][index]);
      expect(message.headers['x-original-topic']).toBe(topic);
      expect(message.headers['x-original-offset']).toBe(String(index));
      expect(message.headers['x-consumer-group']).toBe(groupId);
    });
    // The poison handler's write rolled back with its transaction, and its id was not recorded.
    expect(await effects(poisoned.id)).toStrictEqual([]);
    expect(await processed([poisoned.id, good.id])).toStrictEqual([good.id]);
    await eventually(
      () => committedCount(groupId, topic),
      (n) => n === 5,
      { what: 'the offset to move past all five messages' },
    );
  });

  it('retries a transient handler failure and commits the handler’s writes exactly once', async () => {
    const flaky = thing('institution-3');
    const next = thing('institution-3');
    const attempts = new Map<string, number>();
    const { groupId, send } = await scenario('transient', {
      [HAPPENED]: async (event, manager) => {
        const attempt = (attempts.get(event.id) ?? 0) + 1;
        attempts.set(event.id, attempt);
        await recordEffect(event, manager, `attempt ${attempt}`);
        if (event.id === flaky.id && attempt === 1) throw new Error('connection reset while writing');
      },
    });
    await send(JSON.stringify(flaky), JSON.stringify(next));

    await handledOnce(next.id);
    expect(attempts.get(flaky.id)).toBe(2);
    expect(await effects(flaky.id)).toStrictEqual(['attempt 2']);
    expect(await effects(next.id)).toStrictEqual(['attempt 1']);
    expect(await processed([flaky.id])).toStrictEqual([flaky.id]);
    expect(await messageCount(deadLetterTopic(groupId))).toBe(0);
  });

  it('dead-letters a message whose handler keeps failing once its attempts are used up, and goes on', async () => {
    const stuck = thing('institution-4');
    const next = thing('institution-4');
    let stuckAttempts = 0;
    const { groupId, send } = await scenario(
      'exhausted',
      {
        [HAPPENED]: async (event, manager) => {
          if (event.id !== stuck.id) return recordEffect(event, manager);
          stuckAttempts += 1;
          throw new Error('the registry row this needs is locked');
        },
      },
      3,
    );
    await send(JSON.stringify(stuck), JSON.stringify(next));

    await handledOnce(next.id);
    expect(stuckAttempts).toBe(3);
    const [dead] = await readTopic(deadLetterTopic(groupId), 1);
    expect(dead?.value).toBe(JSON.stringify(stuck));
    expect(dead?.headers['x-error']).toBe('handler failed 3 times: the registry row this needs is locked');
    expect(dead?.headers['x-error-kind']).toBe('handler-failed');
    expect(await processed([stuck.id])).toStrictEqual([]);
  });

  it('replaces a consumer that crashed with a non-retriable error (kafkajs never restarts those), and applies the message once', async () => {
    const fatal = thing('institution-5');
    const next = thing('institution-5');
    let crashes = 0;
    const { send, consumer } = await scenario(
      'crash',
      {
        [HAPPENED]: async (event, manager) => {
          await recordEffect(event, manager);
          if (event.id === fatal.id && crashes === 0) {
            crashes += 1;
            throw new kafkajs.KafkaJSNonRetriableError('injected: the coordinator is not aware of this member');
          }
        },
      },
      undefined,
      { supervision: { backoff: { initialMs: 100, maxMs: 500 } } },
    );
    await send(JSON.stringify(fatal), JSON.stringify(next));

    await handledOnce(next.id);
    expect(crashes).toBe(1);
    const health = consumer.health();
    assert.ok(health.restarts >= 1, 'the crashed consumer was replaced');
    expect(health.lastRestartReason ?? '').toMatch(/crashed: KafkaJSNonRetriableError/);
    expect(health.state).toBe('joined');
    expect(await effects(fatal.id)).toStrictEqual(['']);
    expect(await processed([fatal.id, next.id])).toStrictEqual([fatal.id, next.id].sort());
  });

  it('recovers a consumer whose group membership the broker revoked, and applies the message once', async () => {
    const slow = thing('institution-6');
    const next = thing('institution-6');
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    let slowCalls = 0;
    const { send, groupId, consumer } = await scenario(
      'revoked',
      {
        [HAPPENED]: async (event, manager) => {
          if (event.id === slow.id && ++slowCalls === 1) {
            started();
            await released; // silent past the session timeout: the broker drops the member
          }
          await recordEffect(event, manager);
        },
      },
      undefined,
      // The broker's minimum session: it drops a silent member after 6 s.
      { consumer: { sessionTimeout: 6_000, heartbeatInterval: 1_000 }, supervision: { backoff: { initialMs: 100, maxMs: 500 } } },
    );
    await send(JSON.stringify(slow), JSON.stringify(next));
    await handlerStarted;
    const admin = kafka.admin();
    await admin.connect();
    try {
      await eventually(
        async () => (await admin.describeGroups([groupId])).groups[0]!,
        (group) => group.members.length === 0,
        { timeoutMs: 30_000, what: 'the broker to drop the silent member' },
      );
    } finally {
      await admin.disconnect();
    }
    release();

    await handledOnce(next.id);
    const health = await eventually(
      () => Promise.resolve(consumer.health()),
      (h) => h.state === 'joined',
      { what: 'the consumer to be a member again' },
    );
    assert.ok(health.restarts >= 1, 'the consumer that lost its membership was replaced');
    expect(await effects(slow.id)).toStrictEqual(['']);
    expect(await processed([slow.id, next.id])).toStrictEqual([slow.id, next.id].sort());
  });
});
