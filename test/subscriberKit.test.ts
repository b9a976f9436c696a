import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import pg from 'pg';
import { ensureDatabase, Role, Topics, withDatabase } from '@eq/shared';
import {
  deadLetterTopic,
  forEveryEventType,
  subscribe,
  type CloudEvent,
  type ProcessedEventStore,
  type SubscriberLogger,
  type Subscription,
} from '@eq/subscriber-kit';
import { listSchools, schoolRowFor, startMunicipalitySchools } from '../subscriber-kit/examples/municipalitySchools';
import { eventually } from './support/eventually';
import { institutionInput, LIQUIDATE, REGISTER } from './support/fixtures';
import { startTestStack, type TestStack } from './support/testStack';
import { TopicRecorder } from './support/topicRecorder';

const MUNICIPALITY = 'Cēsu novads';
const CESIS_FOUNDER = { kind: 'MUNICIPALITY', name: 'Cēsu novada pašvaldība', municipality: MUNICIPALITY };
const AMEND = /* GraphQL */ `
  mutation SubscriberKitAmendInstitution($input: AmendInstitutionInput!) {
    amendInstitution(input: $input) {
      applied
    }
  }
`;
const REORGANISE = /* GraphQL */ `
  mutation SubscriberKitReorganiseInstitutions($input: ReorganiseInstitutionsInput!) {
    reorganiseInstitutions(input: $input) {
      applied
    }
  }
`;
const RECEIVE = /* GraphQL */ `
  mutation SubscriberKitReceiveRegistrationApplication($input: RegistrationApplicationInput!) {
    receiveRegistrationApplication(input: $input) {
      institution {
        id
      }
    }
  }
`;
const APPROVE = /* GraphQL */ `
  mutation SubscriberKitApproveRegistration($input: RegistrationDecisionInput!) {
    approveRegistration(input: $input) {
      institution {
        status
      }
    }
  }
`;

const quiet: SubscriberLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Processed event ids in memory: enough for tests of the kit's own behaviour. */
class MemoryStore implements ProcessedEventStore<undefined> {
  readonly ids = new Set<string>();
  async processOnce(event: { id: string }, work: (tx: undefined) => Promise<void>): Promise<boolean> {
    if (this.ids.has(event.id)) return false;
    await work(undefined);
    this.ids.add(event.id);
    return true;
  }
}

describe('subscriber kit and the example municipality subscriber, on a real broker', () => {
  let stack: TestStack;
  let recorder: TopicRecorder;
  let officer: string;
  let pool: pg.Pool;
  let admin: Admin;
  let brokers: string[];
  const subscriptions: Subscription[] = [];
  const ours: Record<string, string> = {};

  const data = (query: string, input: Record<string, unknown>) => stack.client.data(query, { input }, officer);
  const register = async (overrides: Record<string, unknown> = {}) =>
    (await data(REGISTER, institutionInput({ founder: CESIS_FOUNDER, ...overrides }))).registerInstitution.institution.id as string;
  const recordedFor = (ids: string[]) => recorder.eventsFor(Topics.registryInstitution, ids);
  /** Waits until the registry's events for `ids` are on the topic (`count` of them in all). */
  const published = (ids: string[], count: number) =>
    eventually(
      async () => recordedFor(ids),
      (events) => events.length >= count,
      { what: `${count} events on the topic` },
    );

  /** Waits until `groupId` has committed past every message that is on `topic` now. */
  async function caughtUp(groupId: string, topic: string = Topics.registryInstitution): Promise<void> {
    const ends = await admin.fetchTopicOffsets(topic);
    await eventually(
      async () => (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]!.partitions,
      (committed) => ends.every((end) => Number(committed.find((c) => c.partition === end.partition)?.offset ?? -1) >= Number(end.high)),
      { what: `${groupId} to commit up to the end of ${topic}` },
    );
  }

  const municipalityState = async () => {
    const rows = await listSchools(pool);
    const ids = Object.values(ours);
    return rows.filter((row) => ids.includes(row.id)).map((row) => ({ school: Object.keys(ours).find((k) => ours[k] === row.id), ...row }));
  };
  const processedIds = async (ids: string[]) => {
    const events = recordedFor(ids).map((event) => event.id);
    const { rows } = await pool.query('SELECT event_id FROM processed_event WHERE event_id = ANY($1)', [events]);
    return rows.map((row) => row.event_id as string).sort();
  };

  beforeAll(async () => {
    stack = await startTestStack('subscriberkit');
    brokers = stack.infrastructure.kafkaBrokers;
    recorder = await new TopicRecorder(brokers).start([Topics.registryInstitution]);
    officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-subscriber-kit' });
    const database = `municipality_${randomUUID().slice(0, 8)}`;
    await ensureDatabase(stack.infrastructure.databaseUrl, database);
    pool = new pg.Pool({ connectionString: withDatabase(stack.infrastructure.databaseUrl, database), max: 4 });
    admin = new Kafka({ clientId: 'subscriber-kit-test', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });
  afterAll(async () => {
    for (const subscription of subscriptions) await subscription.stop().catch(() => undefined);
    await admin?.disconnect();
    await pool?.end();
    await recorder?.stop();
    await stack?.close();
  });

  const groupId = `municipality-cesis-${randomUUID().slice(0, 8)}`;

  it('started after the events were produced, replays them and converges to the schools the municipality founds', async () => {
    ours.gymnasium = await register({ name: 'Cēsu ģimnāzija', type: 'GYMNASIUM' });
    await data(AMEND, { id: ours.gymnasium, name: 'Cēsu Valsts ģimnāzija', decision: { number: 'A-1', date: '2024-09-10' } });
    ours.closed = await register({ name: 'Cēsu vakarskola', type: 'EVENING_OR_DISTANCE_SCHOOL' });
    await data(LIQUIDATE, { id: ours.closed, decision: { number: 'L-1', date: '2024-09-30' } });
    ours.elsewhere = await register({
      name: 'Rīgas skola',
      founder: { kind: 'MUNICIPALITY', name: 'Rīgas valstspilsētas pašvaldība', municipality: 'Rīga' },
    });
    const { decision: _unused, ...application } = institutionInput({ name: 'Cēsu privātskola', founder: CESIS_FOUNDER });
    ours.applicant = (
      await data(RECEIVE, { ...application, application: { number: 'IES-1', date: '2024-08-20' } })
    ).receiveRegistrationApplication.institution.id;
    await published(Object.values(ours), 6);

    subscriptions.push(
      await startMunicipalitySchools({ brokers, groupId, municipality: MUNICIPALITY, pool, replay: { from: 'beginning' } }),
    );
    const expected = [
      {
        school: 'closed',
        name: 'Cēsu vakarskola',
        type: 'EVENING_OR_DISTANCE_SCHOOL',
        status: 'LIQUIDATED',
        liquidatedOn: '2024-09-30',
        appliedEvents: 2,
      },
      { school: 'gymnasium', name: 'Cēsu Valsts ģimnāzija', type: 'GYMNASIUM', status: 'ACTIVE', liquidatedOn: null, appliedEvents: 2 },
    ];
    const summary = async () =>
      (await municipalityState())
        .map(({ school, name, type, status, liquidatedOn, appliedEvents }) => ({ school, name, type, status, liquidatedOn, appliedEvents }))
        .sort((a, b) => a.school!.localeCompare(b.school!));
    const converged = await eventually(summary, (rows) => JSON.stringify(rows) === JSON.stringify(expected), {
      what: 'the municipality to hold its two schools',
    });
    expect(converged).toStrictEqual(expected);
    await caughtUp(groupId);
    expect(await processedIds(Object.values(ours))).toStrictEqual(
      recordedFor(Object.values(ours))
        .map((e) => e.id)
        .sort(),
    );
  });

  it('restarted mid-stream, applies the new events and none of the old ones twice', async () => {
    await subscriptions.pop()!.stop();
    // Produced while the subscriber is down.
    await data(APPROVE, { id: ours.applicant, decision: { number: 'R-1', date: '2024-09-05' } });
    ours.basic = await register({ name: 'Cēsu pamatskola', type: 'BASIC_SCHOOL' });
    ours.merged = await register({ name: 'Cēsu apvienotā skola', type: 'SECONDARY_SCHOOL' });
    await data(REORGANISE, {
      kind: 'MERGER',
      predecessorIds: [ours.basic, ours.gymnasium],
      successorIds: [ours.merged],
      decision: { number: 'M-1', date: '2024-10-01' },
    });
    await data(AMEND, { id: ours.elsewhere, founder: CESIS_FOUNDER, decision: { number: 'A-2', date: '2024-10-02' } });
    const ids = Object.values(ours);
    /** Events that concern the municipality's list, per school: what its rows must have applied. */
    const relevantEvents = (id: string) => recordedFor([id]).filter((event) => schoolRowFor(event.data.state, MUNICIPALITY)).length;
    await eventually(
      async () => recordedFor([ours.merged!]),
      (events) => events.some((e) => e.type === 'registry.institution.reorganised'),
      { what: 'the merger on the topic' },
    );
    await eventually(
      async () => recordedFor([ours.elsewhere!]),
      (events) => events.some((e) => e.type === 'registry.institution.amended'),
      { what: 'the founder change on the topic' },
    );

    subscriptions.push(await startMunicipalitySchools({ brokers, groupId, municipality: MUNICIPALITY, pool }));
    await caughtUp(groupId);
    const rows = await municipalityState();
    const row = (school: string) => rows.find((r) => r.school === school);
    expect(row('applicant')?.status).toBe('ACTIVE');
    expect(row('gymnasium')?.status).toBe('LIQUIDATED');
    expect(row('gymnasium')?.successorIds).toStrictEqual([ours.merged]);
    expect(row('merged')?.status).toBe('ACTIVE');
    expect(row('elsewhere')?.name).toBe('Rīgas skola');
    // Each school's row was changed exactly once per event the registry published about it as the municipality's school.
    for (const r of rows) expect(r.appliedEvents).toBe(relevantEvents(r.id));
    expect(rows.map((r) => r.school).sort()).toStrictEqual(['applicant', 'basic', 'closed', 'elsewhere', 'gymnasium', 'merged']);
    expect(await processedIds(ids)).toStrictEqual(
      recordedFor(ids)
        .map((e) => e.id)
        .sort(),
    );

    // A crash between the database commit and the offset commit redelivers events: replaying
    // the whole topic into the same store is the extreme case, and must change nothing.
    await subscriptions.pop()!.stop();
    subscriptions.push(
      await startMunicipalitySchools({ brokers, groupId, municipality: MUNICIPALITY, pool, replay: { from: 'beginning' } }),
    );
    await caughtUp(groupId);
    expect(await municipalityState()).toStrictEqual(rows);
  });

  it('replays from a timestamp: a new group starting at time T receives only the events published since T', async () => {
    const before = await register({ name: 'Pirms laika skola' });
    await published([before], 1);
    // T is just after the broker stamped the earlier event; wait until the clock has passed it.
    const at = new Date(recorder.messagesFor(Topics.registryInstitution, [before])[0]!.timestamp + 1);
    await eventually(
      async () => Date.now(),
      (now) => now > at.getTime(),
      { intervalMs: 1, what: 'the clock to pass T' },
    );
    const afterwards = await register({ name: 'Pēc laika skola' });
    await published([afterwards], 1);

    const seen: string[] = [];
    const group = `timestamp-replay-${randomUUID().slice(0, 8)}`;
    subscriptions.push(
      await subscribe({
        brokers,
        groupId: group,
        topic: 'registry.institution.v1',
        store: new MemoryStore(),
        replay: { from: 'timestamp', at },
        logger: quiet,
        handlers: forEveryEventType('registry.institution.v1', async (event) => void seen.push(event.subject)),
      }),
    );
    await caughtUp(group);
    assert.ok(seen.includes(afterwards), 'the event after T is delivered');
    assert.ok(!seen.includes(before), 'the event before T is not');
  });

  it('dead-letters messages that are not JSON, not CloudEvents, carry invalid data or keep failing, and moves past them', async () => {
    const topic = `subscriber-kit-test-${randomUUID().slice(0, 8)}.registry.institution.v1`;
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
    await eventually(
      () => admin.fetchTopicMetadata({ topics: [topic] }),
      ({ topics }) => topics[0]!.partitions.every((p) => p.leader >= 0),
      { what: 'the test topic' },
    );
    const [valid] = await published([ours.gymnasium!], 1);
    const failing: CloudEvent = { ...valid!, id: randomUUID() };
    const producer = new Kafka({ clientId: 'subscriber-kit-test', brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: [
        { key: 'a', value: 'not json {' },
        { key: 'b', value: JSON.stringify({ hello: 'world' }) },
        { key: 'c', value: JSON.stringify({ ...valid, id: randomUUID(), data: { state: { id: 'not-a-uuid' }, changedFields: [] } }) },
        { key: 'd', value: JSON.stringify({ ...valid, id: randomUUID(), type: 'registry.institution.teleported' }) },
        { key: 'e', value: JSON.stringify(failing) },
        { key: valid!.subject, value: JSON.stringify(valid) },
      ],
    });
    await producer.disconnect();

    const handled: string[] = [];
    const group = `dead-letter-${randomUUID().slice(0, 8)}`;
    subscriptions.push(
      await subscribe({
        brokers,
        groupId: group,
        topic: 'registry.institution.v1',
        address: topic,
        store: new MemoryStore(),
        maxAttempts: 2,
        logger: quiet,
        kafka: { logLevel: logLevel.NOTHING, retry: { initialRetryTime: 50, retries: 3 } },
        handlers: forEveryEventType('registry.institution.v1', async (event) => {
          if (event.id === failing.id) throw new Error('the municipality system rejects this one');
          handled.push(event.id);
        }),
      }),
    );
    await caughtUp(group, topic);
    expect(handled).toStrictEqual([valid!.id]);

    const dead: Array<{ key: string; kind: string; offset: string; origin: string }> = [];
    const reader = new Kafka({ clientId: 'subscriber-kit-test', brokers, logLevel: logLevel.NOTHING }).consumer({
      groupId: `dlq-reader-${randomUUID()}`,
    });
    await reader.connect();
    await reader.subscribe({ topics: [deadLetterTopic(group)], fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        const header = (name: string) => message.headers?.[name]?.toString() ?? '';
        dead.push({
          key: message.key!.toString(),
          kind: header('x-error-kind'),
          offset: header('x-original-offset'),
          origin: header('x-original-topic'),
        });
      },
    });
    await eventually(
      async () => dead.length,
      (n) => n >= 4,
      { what: 'four dead letters' },
    );
    await reader.disconnect();
    // The dead-letter topic keeps the original keys, so its order holds per key, not across keys.
    expect(dead.sort((a, b) => Number(a.offset) - Number(b.offset))).toStrictEqual([
      { key: 'a', kind: 'not-json', offset: '0', origin: topic },
      { key: 'b', kind: 'not-cloudevent', offset: '1', origin: topic },
      { key: 'c', kind: 'invalid-data', offset: '2', origin: topic },
      { key: 'e', kind: 'handler-failed', offset: '4', origin: topic },
    ]);
  });
});
