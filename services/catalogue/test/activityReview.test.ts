import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { makeCloudEvent, Role, Topics, type Caller } from '@eq/shared';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { eventually } from '../../../test/support/eventually';
import { registryInstitutionState } from '../../../test/support/fixtures';
import { startGatewayHarness, type GatewayHarness } from '../../../test/support/gatewayHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { catalogue } from '../src';
import { answers } from './catalogueOperations';

const REGISTER_PROVIDER = /* GraphQL */ `
  mutation Register($input: RegisterProviderInput!) {
    registerProvider(input: $input) { provider { id name kind institution { id } } }
  }`;

const ACTIVITY_FIELDS = 'id title status statusReason fields gradeBands format municipality planningRegion pricePerPupilCents publishedAt provider { id name }';

const CREATE = `mutation Create($input: CreateActivityInput!) { createActivity(input: $input) { activity { ${ACTIVITY_FIELDS} } } }`;
const SUBMIT = `mutation Submit($input: SubmitActivityInput!) { submitActivity(input: $input) { activity { id status } } }`;
const REVIEW = `mutation Review($input: ReviewActivityInput!) { reviewActivity(input: $input) { activity { id status statusReason publishedAt } } }`;
const WITHDRAW = `mutation Withdraw($input: WithdrawActivityInput!) { withdrawActivity(input: $input) { activity { id status statusReason } } }`;
const ACTIVITY = `query One($id: ID!) { activity(id: $id) { ${ACTIVITY_FIELDS} } }`;
const CATALOGUE = /* GraphQL */ `
  query Catalogue($filter: ActivityFilter, $first: Int, $after: String) {
    activities(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { cursor node { id title } }
      pageInfo { hasNextPage endCursor }
    }
  }`;
const ACTIVITIES_OFFERED = /* GraphQL */ `
  query Offered($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Institution { id activitiesOffered { id title status } } }
  }`;

const OFFICER: Caller = { role: Role.OFFICER, subject: 'officer-1' };
const FUND_ADMIN: Caller = { role: Role.FUND_ADMIN, subject: 'fund-admin-1' };
const PUBLIC: Caller = { role: Role.PUBLIC };
const providerCaller = (providerId: string): Caller => ({ role: Role.PROVIDER, providerId, subject: `provider-${providerId.slice(0, 8)}` });

function activityInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Ķīmija virtuvē',
    description: 'Eksperimenti ar ikdienas vielām: skābes, sārmi un indikatori no sarkanajiem kāpostiem.',
    fields: ['CHEMISTRY'],
    gradeBands: ['GRADES_7_9'],
    curriculumLink: 'Dabaszinības 7.-9. klasei: vielu īpašības',
    format: 'AT_PROVIDER',
    durationMinutes: 90,
    language: 'lv',
    municipality: 'Cēsis',
    planningRegion: 'VIDZEME',
    maxGroupSize: 30,
    accessibility: 'Telpas pieejamas ratiņkrēslam',
    ...overrides,
  };
}

describe('catalogue: providers and the review of activities', () => {
  let harness: GatewayHarness;
  let recorder: TopicRecorder;
  let producer: Producer;
  let museumId: string;
  let companyId: string;

  const { data } = answers(() => harness);

  async function registerOutsideProvider(kind: string, name: string, caller: Caller = FUND_ADMIN): Promise<string> {
    const { registerProvider } = await data(REGISTER_PROVIDER, { input: { kind, name } }, caller);
    return registerProvider.provider.id;
  }

  async function createActivity(providerId: string, overrides: Record<string, unknown> = {}): Promise<any> {
    const { createActivity: created } = await data(CREATE, { input: activityInput(overrides) }, providerCaller(providerId));
    return created.activity;
  }

  async function publishedActivity(providerId: string, overrides: Record<string, unknown> = {}): Promise<any> {
    const activity = await createActivity(providerId, overrides);
    await data(SUBMIT, { input: { id: activity.id } }, providerCaller(providerId));
    await data(REVIEW, { input: { id: activity.id, decision: 'PUBLISH' } }, FUND_ADMIN);
    return activity;
  }

  /** What the registry would publish when it registers an institution. */
  async function announceInstitution(id: string, name: string, status = 'ACTIVE'): Promise<void> {
    const event = makeCloudEvent({
      source: '/registry',
      type: status === 'ACTIVE' ? 'registry.institution.registered' : 'registry.institution.liquidated',
      subject: id,
      data: {
        state: registryInstitutionState({ id, name, type: 'GYMNASIUM', status, liquidatedOn: status === 'LIQUIDATED' ? '2025-03-31' : null }),
        changedFields: ['status'],
      },
    });
    await producer.send({ topic: Topics.registryInstitution, messages: [{ key: id, value: JSON.stringify(event) }] });
  }

  const outboxTypes = async (subject: string): Promise<string[]> =>
    (await harness.service.db.query(`SELECT payload->>'type' AS type FROM outbox_event WHERE key = $1 ORDER BY seq`, [subject])).map(
      (row: { type: string }) => row.type,
    );

  before(async () => {
    harness = await startGatewayHarness(catalogue);
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([Topics.catalogueActivity]);
    producer = new Kafka({ clientId: 'catalogue-test', brokers: harness.infrastructure.kafkaBrokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    museumId = await registerOutsideProvider('MUSEUM', 'Latvijas Dabas muzejs');
    companyId = await registerOutsideProvider('COMPANY', 'SIA Robotu darbnīca', OFFICER);
  });

  after(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await harness?.close();
  });

  it('takes an activity from draft to the public catalogue only after FUND_ADMIN publishes it', async () => {
    const provider = providerCaller(museumId);
    const created = await createActivity(museumId);
    assert.equal(created.status, 'DRAFT');
    assert.equal(created.pricePerPupilCents, 1000);
    assert.equal(created.provider.name, 'Latvijas Dabas muzejs');
    assert.deepEqual(await data(ACTIVITY, { id: created.id }, PUBLIC), { activity: null });

    const submitted = await data(SUBMIT, { input: { id: created.id } }, provider);
    assert.equal(submitted.submitActivity.activity.status, 'SUBMITTED');
    // Submitted is not yet an offer: the public neither reads nor finds it; its provider does.
    assert.deepEqual(await data(ACTIVITY, { id: created.id }, PUBLIC), { activity: null });
    assert.equal((await data(ACTIVITY, { id: created.id }, provider)).activity.status, 'SUBMITTED');
    const beforeReview = await data(CATALOGUE, { filter: { search: 'kimija virtuve' } }, PUBLIC);
    assert.equal(beforeReview.activities.totalCount, 0);

    const reviewed = await data(REVIEW, { input: { id: created.id, decision: 'PUBLISH' } }, FUND_ADMIN);
    assert.equal(reviewed.reviewActivity.activity.status, 'PUBLISHED');
    assert.ok(reviewed.reviewActivity.activity.publishedAt);

    const seen = await data(ACTIVITY, { id: created.id }, PUBLIC);
    assert.equal(seen.activity.title, 'Ķīmija virtuvē');
    // Search ignores case and diacritics; filters combine.
    const found = await data(CATALOGUE, { filter: { search: 'KIMIJA virtuve', fields: ['CHEMISTRY', 'PHYSICS'], gradeBands: ['GRADES_7_9'], municipality: 'cesis', planningRegion: 'VIDZEME', format: 'AT_PROVIDER' } }, PUBLIC);
    assert.deepEqual(found.activities.edges.map((edge: any) => edge.node.id), [created.id]);
    assert.equal(found.activities.totalCount, 1);
    const otherField = await data(CATALOGUE, { filter: { search: 'kimija virtuve', fields: ['MATHEMATICS'] } }, PUBLIC);
    assert.equal(otherField.activities.totalCount, 0);
    const otherBand = await data(CATALOGUE, { filter: { search: 'kimija virtuve', gradeBands: ['PRESCHOOL_5_6'] } }, PUBLIC);
    assert.equal(otherBand.activities.totalCount, 0);

    const events = await eventually(
      async () => recorder.eventsFor(Topics.catalogueActivity, [created.id]),
      (found) => found.length >= 3,
      { what: 'created, submitted and published events' },
    );
    assert.deepEqual(events.map((event) => event.type), ['catalogue.activity.created', 'catalogue.activity.submitted', 'catalogue.activity.published']);
    const [createdEvent, submittedEvent, publishedEvent] = events;
    assert.equal(createdEvent!.source, '/catalogue');
    assert.equal(createdEvent!.data.state.status, 'DRAFT');
    assert.equal(createdEvent!.data.state.pricePerPupilCents, 1000);
    assert.deepEqual(createdEvent!.data.state.provider, { id: museumId, name: 'Latvijas Dabas muzejs', kind: 'MUSEUM', institutionId: null });
    assert.ok(createdEvent!.data.changedFields.includes('title'));
    assert.deepEqual(submittedEvent!.data.changedFields, ['status']);
    assert.equal(publishedEvent!.data.state.status, 'PUBLISHED');
    assert.deepEqual(publishedEvent!.data.changedFields, ['status', 'publishedAt']);
  });

  it('refuses to return an activity without a reason and changes nothing', async () => {
    const activity = await createActivity(museumId, { title: 'Fizika parkā' });
    await data(SUBMIT, { input: { id: activity.id } }, providerCaller(museumId));

    for (const reason of [null, '   ']) {
      const refused = await harness.request(REVIEW, { input: { id: activity.id, decision: 'RETURN', reason } }, FUND_ADMIN);
      assert.equal(refused.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
      assert.equal(refused.errors?.[0]?.extensions?.field, 'reason');
    }
    assert.equal((await data(ACTIVITY, { id: activity.id }, OFFICER)).activity.status, 'SUBMITTED');
    assert.deepEqual(await outboxTypes(activity.id), ['catalogue.activity.created', 'catalogue.activity.submitted']);

    const returned = await data(REVIEW, { input: { id: activity.id, decision: 'RETURN', reason: 'Pievienojiet saiti ar mācību saturu' } }, OFFICER);
    assert.deepEqual(returned.reviewActivity.activity, { id: activity.id, status: 'RETURNED', statusReason: 'Pievienojiet saiti ar mācību saturu', publishedAt: null });
    // A returned activity is the provider's again: it can submit it once more.
    const resubmitted = await data(SUBMIT, { input: { id: activity.id } }, providerCaller(museumId));
    assert.equal(resubmitted.submitActivity.activity.status, 'SUBMITTED');
  });

  it('forbids a provider to submit another provider\'s activity', async () => {
    const activity = await createActivity(museumId, { title: 'Putnu vērošana' });
    const refused = await harness.request(SUBMIT, { input: { id: activity.id } }, providerCaller(companyId));
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal((await data(ACTIVITY, { id: activity.id }, providerCaller(museumId))).activity.status, 'DRAFT');
    // The other provider cannot even read the draft.
    assert.deepEqual(await data(ACTIVITY, { id: activity.id }, providerCaller(companyId)), { activity: null });
    assert.deepEqual(await outboxTypes(activity.id), ['catalogue.activity.created']);
  });

  it('refuses review by a provider and state changes the lifecycle does not allow', async () => {
    const activity = await createActivity(museumId, { title: 'Zvaigžņu karte' });
    const byProvider = await harness.request(REVIEW, { input: { id: activity.id, decision: 'PUBLISH' } }, providerCaller(museumId));
    assert.equal(byProvider.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const draftPublished = await harness.request(REVIEW, { input: { id: activity.id, decision: 'PUBLISH' } }, FUND_ADMIN);
    assert.equal(draftPublished.errors?.[0]?.extensions?.code, 'CONFLICT');
    const unknown = await harness.request(SUBMIT, { input: { id: randomUUID() } }, providerCaller(museumId));
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const malformed = await harness.request(SUBMIT, { input: { id: 'not-a-uuid' } }, providerCaller(museumId));
    assert.equal(malformed.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.equal((await data(ACTIVITY, { id: activity.id }, OFFICER)).activity.status, 'DRAFT');
  });

  it('refuses bad activity input with a typed error and stores nothing', async () => {
    const countActivities = async () => Number((await harness.service.db.query('SELECT count(*) AS n FROM activity'))[0].n);
    const before = await countActivities();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ fields: [] }, 'VALIDATION_FAILED'],
      [{ gradeBands: [] }, 'VALIDATION_FAILED'],
      [{ maxGroupSize: 0 }, 'VALIDATION_FAILED'],
      [{ maxGroupSize: -4 }, 'VALIDATION_FAILED'],
      [{ municipality: null }, 'VALIDATION_FAILED'],
      [{ gradeBands: ['GRADES_13_14'] }, 'BAD_USER_INPUT'],
    ];
    for (const [overrides, code] of cases) {
      const refused = await harness.request(CREATE, { input: activityInput(overrides) }, providerCaller(museumId));
      assert.equal(refused.errors?.[0]?.extensions?.code, code, JSON.stringify(overrides));
    }
    const forOther = await harness.request(CREATE, { input: { ...activityInput(), providerId: companyId } }, providerCaller(museumId));
    assert.equal(forOther.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const bySchool = await harness.request(CREATE, { input: activityInput() }, { role: Role.SCHOOL, institutionId: randomUUID() });
    assert.equal(bySchool.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(await countActivities(), before);
  });

  it('pages the public catalogue by title with cursors and a total count', async () => {
    for (const title of ['Lapošana Gamma', 'Lapošana Alfa', 'Lapošana Beta']) await publishedActivity(companyId, { title, fields: ['ENGINEERING'], format: 'ONLINE', municipality: null, planningRegion: null });
    await createActivity(companyId, { title: 'Lapošana Delta (melnraksts)' });

    const first = await data(CATALOGUE, { filter: { search: 'laposana' }, first: 2 }, PUBLIC);
    assert.equal(first.activities.totalCount, 3);
    assert.deepEqual(first.activities.edges.map((edge: any) => edge.node.title), ['Lapošana Alfa', 'Lapošana Beta']);
    assert.equal(first.activities.pageInfo.hasNextPage, true);
    const second = await data(CATALOGUE, { filter: { search: 'laposana' }, first: 2, after: first.activities.pageInfo.endCursor }, PUBLIC);
    assert.equal(second.activities.totalCount, 3);
    assert.deepEqual(second.activities.edges.map((edge: any) => edge.node.title), ['Lapošana Gamma']);
    assert.equal(second.activities.pageInfo.hasNextPage, false);

    const badCursor = await harness.request(CATALOGUE, { after: 'bm9wZQ' }, PUBLIC);
    assert.equal(badCursor.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    const tooMany = await harness.request(CATALOGUE, { first: 1000 }, PUBLIC);
    assert.equal(tooMany.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
  });

  it('registers an institution as a provider once the register has announced it, and lists its published activities on Institution', async () => {
    const institutionId = randomUUID();
    const officerRegisters = () => harness.request(REGISTER_PROVIDER, { input: { kind: 'INSTITUTION', institutionId } }, OFFICER);
    assert.equal((await officerRegisters()).errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const byProvider = await harness.request(REGISTER_PROVIDER, { input: { kind: 'MUSEUM', name: 'Muzejs' } }, providerCaller(museumId));
    assert.equal(byProvider.errors?.[0]?.extensions?.code, 'FORBIDDEN');

    await announceInstitution(institutionId, 'Cēsu Valsts ģimnāzija');
    const registered = await eventually(officerRegisters, (response) => !response.errors, { what: 'the catalogue to learn of the institution' });
    const provider = registered.data.registerProvider.provider;
    assert.deepEqual(provider.institution, { id: institutionId });
    assert.equal(provider.kind, 'INSTITUTION');
    assert.equal(provider.name, 'Cēsu Valsts ģimnāzija');
    assert.equal((await officerRegisters()).errors?.[0]?.extensions?.code, 'CONFLICT');

    const published = await publishedActivity(provider.id, { title: 'Robotika ģimnāzijā', fields: ['COMPUTING', 'ENGINEERING'] });
    await createActivity(provider.id, { title: 'Vēl melnraksts' });
    // `_entities` is the subgraph's own federation entry point: asked directly, as the gateway does.
    const { _entities } = (await harness.direct(ACTIVITIES_OFFERED, { representations: [{ __typename: 'Institution', id: institutionId }, { __typename: 'Institution', id: randomUUID() }] }, PUBLIC)).data;
    assert.deepEqual(_entities, [
      { id: institutionId, activitiesOffered: [{ id: published.id, title: 'Robotika ģimnāzijā', status: 'PUBLISHED' }] },
      { id: _entities[1].id, activitiesOffered: [] },
    ]);

    // Once the register liquidates the institution, it offers nothing new.
    await announceInstitution(institutionId, 'Cēsu Valsts ģimnāzija', 'LIQUIDATED');
    await eventually(
      () => harness.request(CREATE, { input: activityInput({ title: 'Pēc likvidācijas' }) }, providerCaller(provider.id)),
      (response) => response.errors?.[0]?.extensions?.code === 'CONFLICT',
      { what: 'the catalogue to learn of the liquidation' },
    );
  });

  it('lets the provider withdraw a published activity, which leaves the catalogue for good', async () => {
    const activity = await publishedActivity(museumId, { title: 'Kukaiņu pasaule', fields: ['BIOLOGY'] });
    const byOther = await harness.request(WITHDRAW, { input: { id: activity.id } }, providerCaller(companyId));
    assert.equal(byOther.errors?.[0]?.extensions?.code, 'FORBIDDEN');

    const withdrawn = await data(WITHDRAW, { input: { id: activity.id, reason: 'Ekspozīcija slēgta' } }, providerCaller(museumId));
    assert.deepEqual(withdrawn.withdrawActivity.activity, { id: activity.id, status: 'WITHDRAWN', statusReason: 'Ekspozīcija slēgta' });
    assert.deepEqual(await data(ACTIVITY, { id: activity.id }, PUBLIC), { activity: null });
    assert.equal((await data(CATALOGUE, { filter: { search: 'kukainu' } }, PUBLIC)).activities.totalCount, 0);
    const again = await harness.request(SUBMIT, { input: { id: activity.id } }, providerCaller(museumId));
    assert.equal(again.errors?.[0]?.extensions?.code, 'CONFLICT');

    const event = await eventually(
      async () => recorder.eventsFor(Topics.catalogueActivity, [activity.id]).find((e) => e.type === 'catalogue.activity.withdrawn'),
      Boolean,
      { what: 'the withdrawn event' },
    );
    assert.equal(event!.data.state.status, 'WITHDRAWN');
    assert.deepEqual(event!.data.changedFields, ['status', 'statusReason']);
  });
});
