import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { startInfrastructure, type Infrastructure } from '../../../scripts/stack/infrastructure';
import { DATA_DIR } from '../../../scripts/stack/paths';
import { eventually } from '../../../test/support/eventually';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { makeCloudEvent, type CloudEvent } from '../src/cloudEvent';
import { openDatabase } from '../src/database';
import { createKafka, ensureTopics } from '../src/kafka';

const TOPIC_SETTINGS = { replicationFactor: 1, partitions: 3, minInSyncReplicas: 1 };
import { createLogger, type Logger } from '../src/logger';
import { enqueueEvent, onOutboxCommit } from '../src/outbox';
import { OutboxRelay } from '../src/outboxRelay';

const runId = `kit_outbox_${randomBytes(3).toString('hex')}`;
const runDir = path.join(DATA_DIR, 'test-runs', runId);
const uniqueTopic = (what: string) => `kit-test.${what}-${randomBytes(4).toString('hex')}.v1`;

const thing = (subject: string, n: number): CloudEvent<{ n: number }> =>
  makeCloudEvent({ source: '/kit-test', type: 'kit.thing.happened', subject, data: { n } });

describe('outbox relay on real PostgreSQL and Kafka', () => {
  let infrastructure: Infrastructure;
  let logger: Logger;
  let kafka: Kafka;
  let producer: Producer;
  let recorder: TopicRecorder;
  const dataSources: DataSource[] = [];
  const relays: OutboxRelay[] = [];
  const topics = { committed: uniqueTopic('committed'), rolledBack: uniqueTopic('rolled-back'), concurrent: uniqueTopic('concurrent') };

  /** A database of this run's own, with the kit's outbox table. */
  async function database(name: string): Promise<DataSource> {
    const databaseName = `${runId}_${name}`;
    const dataSource = await openDatabase({
      serverUrl: infrastructure.databaseUrl,
      name: databaseName,
      entities: [],
      migrations: [],
      logger,
    });
    dataSources.push(dataSource);
    return dataSource;
  }

  /** Records an event in a transaction that then fails, so both roll back. */
  async function enqueueThenRollBack(db: DataSource, topic: string, event: CloudEvent): Promise<void> {
    await assert.rejects(
      db.transaction(async (manager) => {
        await enqueueEvent(manager, topic, event);
        throw new Error('the change failed after its event was enqueued');
      }),
      /the change failed/,
    );
  }

  async function startRelay(dataSource: DataSource, batchSize?: number): Promise<OutboxRelay> {
    const relay = new OutboxRelay({ dataSource, producer, logger, pollMs: 200, batchSize });
    relays.push(relay);
    await relay.start();
    return relay;
  }

  /** How many messages the topic holds in all (sum of high watermarks), whoever reads it. */
  async function messageCount(topic: string): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic)).reduce((sum, partition) => sum + Number(partition.high), 0);
    } finally {
      await admin.disconnect();
    }
  }

  async function outboxRows(dataSource: DataSource, ids: string[]): Promise<Array<{ id: string; sent: boolean; attempts: number }>> {
    return dataSource.query('SELECT id, sent_at IS NOT NULL AS sent, attempts FROM outbox_event WHERE id = ANY($1::uuid[]) ORDER BY seq', [
      ids,
    ]);
  }

  const allSent = (dataSource: DataSource, ids: string[]) =>
    eventually(
      () => outboxRows(dataSource, ids),
      (rows) => rows.length === ids.length && rows.every((row) => row.sent),
      { what: `${ids.length} outbox rows to be marked sent` },
    );

  beforeAll(async () => {
    mkdirSync(runDir, { recursive: true });
    infrastructure = await startInfrastructure({
      dataDir: runDir,
      databaseUrl: process.env.DATABASE_URL,
      kafkaBrokers: process.env.KAFKA_BROKERS?.split(','),
    });
    logger = createLogger('kit-outbox-test', process.env.TEST_LOG_LEVEL ?? 'info', createWriteStream(path.join(runDir, 'kit.log')));
    kafka = createKafka('kit-outbox-test', infrastructure.kafkaBrokers, logger);
    await ensureTopics(kafka, Object.values(topics), TOPIC_SETTINGS);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    recorder = await new TopicRecorder(infrastructure.kafkaBrokers).start(Object.values(topics));
  });

  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    await recorder?.stop();
    await producer?.disconnect();
    await Promise.all(dataSources.map((dataSource) => dataSource.destroy()));
    await infrastructure?.stop();
  });

  it('ensureTopics has nothing to wait for when a service neither publishes nor consumes (a new subgraph)', async () => {
    // With no time to wait, a wait for "every topic" would fail at once.
    await expect(ensureTopics(kafka, [], TOPIC_SETTINGS, 0)).resolves.toBeUndefined();
  });

  it('publishes the events of a committed transaction once, keyed by subject, and marks them sent', async () => {
    const db = await database('committed');
    await startRelay(db);
    const events = [thing('institution-1', 1), thing('institution-2', 1)];
    await db.transaction(async (manager) => {
      for (const event of events) await enqueueEvent(manager, topics.committed, event);
    });

    await allSent(
      db,
      events.map((e) => e.id),
    );
    // A later event proves the relay went round again without re-sending the first two.
    const later = thing('institution-1', 2);
    await db.transaction((manager) => enqueueEvent(manager, topics.committed, later));
    await allSent(db, [later.id]);

    const received = await eventually(
      async () => recorder.messages.filter((m) => m.topic === topics.committed),
      (messages) => messages.length >= 3,
      { what: 'three events on the topic' },
    );
    expect(new Set(received.map((m) => m.event.id))).toStrictEqual(new Set([...events, later].map((e) => e.id)));
    expect(received.find((m) => m.event.id === events[1]!.id)?.key).toStrictEqual('institution-2');
    expect(received.find((m) => m.event.id === later.id)?.event).toStrictEqual(later);
    expect(await messageCount(topics.committed)).toBe(3);
    expect(
      (
        await outboxRows(
          db,
          events.map((e) => e.id),
        )
      ).map((row) => row.attempts),
    ).toStrictEqual([1, 1]);
  });

  it('tells its commit listeners after each commit that recorded events, and only then', async () => {
    const db = await database('listeners');
    let told = 0;
    const stop = onOutboxCommit(db, () => (told += 1));
    await db.transaction((manager) => enqueueEvent(manager, topics.committed, thing('institution-l1', 1)));
    expect(told).toBe(1);
    await db.transaction(async (manager) => {
      await enqueueEvent(manager, topics.committed, thing('institution-l2', 1));
      await enqueueEvent(manager, topics.committed, thing('institution-l2', 2));
      expect(told).toBe(1);
    });
    expect(told).toBe(2);
    await enqueueEvent(db.manager, topics.committed, thing('institution-l3', 1));
    expect(told).toBe(3);
    await db.transaction((manager) => manager.query('SELECT 1'));
    expect(told).toBe(3);
    await enqueueThenRollBack(db, topics.committed, thing('institution-l4', 1));
    await db.transaction((manager) => manager.query('SELECT 1'));
    expect(told).toBe(3);
    stop();
    await db.transaction((manager) => enqueueEvent(manager, topics.committed, thing('institution-l5', 1)));
    expect(told).toBe(3);
  });

  it('is woken by the commit itself, in a transaction or not, and not by a rollback', async () => {
    const db = await database('woken');
    // A poll of a minute: anything published within the test's patience came from the wake-up.
    const relay = new OutboxRelay({ dataSource: db, producer, logger, pollMs: 60_000 });
    relays.push(relay);
    await relay.start();
    const inTransaction = thing('institution-w1', 1);
    await db.transaction((manager) => enqueueEvent(manager, topics.committed, inTransaction));
    await allSent(db, [inTransaction.id]);
    const onItsOwn = thing('institution-w2', 1);
    await enqueueEvent(db.manager, topics.committed, onItsOwn);
    await allSent(db, [onItsOwn.id]);
    const rolledBack = thing('institution-w3', 1);
    await enqueueThenRollBack(db, topics.committed, rolledBack);
    expect(await outboxRows(db, [rolledBack.id])).toStrictEqual([]);
  });

  it('deletes sent rows past their retention, and never an unsent one', async () => {
    const db = await database('retention');
    const relay = new OutboxRelay({ dataSource: db, producer, logger, pollMs: 200, retentionMs: 24 * 60 * 60 * 1000 });
    const [oldSent, recentSent, oldUnsent] = [thing('institution-r1', 1), thing('institution-r2', 1), thing('institution-r3', 1)];
    const insert = (event: CloudEvent, sentAgo: string | null, createdAgo: string) =>
      db.query(
        `INSERT INTO outbox_event (id, topic, key, payload, created_at, sent_at)
         VALUES ($1, $2, $3, $4, now() - $5::interval, now() - $6::interval)`,
        [event.id, topics.committed, event.subject, event, createdAgo, sentAgo],
      );
    await insert(oldSent, '2 days', '2 days');
    await insert(recentSent, '1 hour', '2 days');
    await insert(oldUnsent, null, '30 days');

    expect(await relay.prune()).toBe(1);
    expect(
      (
        await outboxRows(
          db,
          [oldSent, recentSent, oldUnsent].map((e) => e.id),
        )
      ).map((row) => row.id),
    ).toStrictEqual([recentSent.id, oldUnsent.id]);
    expect(await relay.prune()).toBe(0);
  });

  it('publishes nothing from a transaction that rolled back', async () => {
    const db = await database('rolled_back');
    await startRelay(db);
    const doomed = thing('institution-3', 1);
    await enqueueThenRollBack(db, topics.rolledBack, doomed);
    const committed = thing('institution-3', 2);
    await db.transaction((manager) => enqueueEvent(manager, topics.rolledBack, committed));
    await allSent(db, [committed.id]);

    await eventually(
      async () => recorder.eventsFor(topics.rolledBack, ['institution-3']),
      (events) => events.length >= 1,
      { what: 'the committed event' },
    );
    expect(await messageCount(topics.rolledBack)).toBe(1);
    expect(recorder.eventsFor(topics.rolledBack, ['institution-3']).map((e) => e.id)).toStrictEqual([committed.id]);
    expect(await outboxRows(db, [doomed.id])).toStrictEqual([]);
  });

  it('with two relays on one table publishes every event exactly once and each key in order', async () => {
    const db = await database('concurrent');
    // Small batches and two relays woken by the same NOTIFY make them contend for rows.
    await Promise.all([startRelay(db, 7), startRelay(db, 7)]);
    const keys = Array.from({ length: 10 }, (_, k) => `aggregate-${k}`);
    const perKey = 20;
    const ids: string[] = [];
    // One transaction per round, each writing the next event of every key: as an aggregate's
    // writes are serialised in a service, while the relays already drain earlier rounds.
    for (let n = 0; n < perKey; n++) {
      await db.transaction(async (manager) => {
        for (const key of keys) {
          const event = thing(key, n);
          ids.push(event.id);
          await enqueueEvent(manager, topics.concurrent, event);
        }
      });
    }

    await allSent(db, ids);
    const received = await eventually(
      async () => recorder.messages.filter((m) => m.topic === topics.concurrent),
      (messages) => messages.length >= ids.length,
      { what: `${ids.length} events on the topic` },
    );
    expect(await messageCount(topics.concurrent)).toBe(ids.length);
    expect(new Set(received.map((m) => m.event.id)).size).toBe(ids.length);
    for (const key of keys) {
      const sequence = received.filter((m) => m.key === key).map((m) => m.event.data.n);
      expect(sequence).toStrictEqual(Array.from({ length: perKey }, (_, n) => n));
    }
  });
});
