import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeCloudEvent, Role, Topics, type Caller } from '@eq/shared';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { eventually } from '../../../test/support/eventually';
import { registryInstitutionState } from '../../../test/support/fixtures';
import { startGatewayHarness, type GatewayHarness } from '../../../test/support/gatewayHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { catalogue } from '../src';
import { answers } from './catalogueOperations';

const REGISTER_PROVIDER = /* GraphQL */ `
  mutation ActivityReviewRegister($input: RegisterProviderInput!) {
    registerProvider(input: $input) {
      provider {
        id
        name
        kind
        institution {
          id
        }
      }
    }
  }
`;

const ACTIVITY_FIELDS =
  'id title status statusReason fields gradeBands format municipality planningRegion pricePerPupilCents publishedAt provider { id name }';

const CREATE = `mutation Create($input: CreateActivityInput!) { createActivity(input: $input) { activity { ${ACTIVITY_FIELDS} } } }`;
const SUBMIT = `mutation Submit($input: SubmitActivityInput!) { submitActivity(input: $input) { activity { id status } } }`;
const REVIEW = `mutation Review($input: ReviewActivityInput!) { reviewActivity(input: $input) { activity { id status statusReason publishedAt } } }`;
const WITHDRAW = `mutation Withdraw($input: WithdrawActivityInput!) { withdrawActivity(input: $input) { activity { id status statusReason } } }`;
const ACTIVITY = `query One($id: ID!) { activity(id: $id) { ${ACTIVITY_FIELDS} } }`;
const CATALOGUE = /* GraphQL */ `
  query Catalogue($filter: ActivityFilter, $first: Int, $after: String) {
    activities(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          title
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
const ACTIVITIES_OFFERED = `
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
        state: registryInstitutionState({
          id,
          name,
          type: 'GYMNASIUM',
          status,
          liquidatedOn: status === 'LIQUIDATED' ? '2025-03-31' : null,
        }),
        changedFields: ['status'],
      },
    });
    await producer.send({ topic: Topics.registryInstitution, messages: [{ key: id, value: JSON.stringify(event) }] });
  }

  const outboxTypes = async (subject: string): Promise<string[]> =>
    (await harness.service.db.query(`SELECT payload->>'type' AS type FROM outbox_event WHERE key = $1 ORDER BY seq`, [subject])).map(
      (row: { type: string }) => row.type,
    );

  beforeAll(async () => {
    harness = await startGatewayHarness(catalogue);
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([Topics.catalogueActivity]);
    producer = new Kafka({
      clientId: 'catalogue-test',
      brokers: harness.infrastructure.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    museumId = await registerOutsideProvider('MUSEUM', 'Latvijas Dabas muzejs');
    companyId = await registerOutsideProvider('COMPANY', 'SIA Robotu darbnīca', OFFICER);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await harness?.close();
  });

  it('takes an activity from draft to the public catalogue only after FUND_ADMIN publishes it', async () => {
    const provider = providerCaller(museumId);
    const created = await createActivity(museumId);
    expect(created.status).toBe('DRAFT');
    expect(created.pricePerPupilCents).toBe(1000);
    expect(created.provider.name).toBe('Latvijas Dabas muzejs');
    expect(await data(ACTIVITY, { id: created.id }, PUBLIC)).toStrictEqual({ activity: null });

    const submitted = await data(SUBMIT, { input: { id: created.id } }, provider);
    expect(submitted.submitActivity.activity.status).toBe('SUBMITTED');
    // Submitted is not yet an offer: the public neither reads nor finds it; its provider does.
    expect(await data(ACTIVITY, { id: created.id }, PUBLIC)).toStrictEqual({ activity: null });
    expect((await data(ACTIVITY, { id: created.id }, provider)).activity.status).toBe('SUBMITTED');
    const beforeReview = await data(CATALOGUE, { filter: { search: 'kimija virtuve' } }, PUBLIC);
    expect(beforeReview.activities.totalCount).toBe(0);

    const reviewed = await data(REVIEW, { input: { id: created.id, decision: 'PUBLISH' } }, FUND_ADMIN);
    expect(reviewed.reviewActivity.activity.status).toBe('PUBLISHED');
    assert.ok(reviewed.reviewActivity.activity.publishedAt);

    const seen = await data(ACTIVITY, { id: created.id }, PUBLIC);
    expect(seen.activity.title).toBe('Ķīmija virtuvē');
    // Search ignores case and diacritics; filters combine.
    const found = await data(
      CATALOGUE,
      {
        filter: {
          search: 'KIMIJA virtuve',
          fields: ['CHEMISTRY', 'PHYSICS'],
          gradeBands: ['GRADES_7_9'],
          municipality: 'cesis',
          planningRegion: 'VIDZEME',
          format: 'AT_PROVIDER',
        },
      },
      PUBLIC,
    );
    expect(found.activities.edges.map((edge: any) => edge.node.id)).toStrictEqual([created.id]);
    expect(found.activities.totalCount).toBe(1);
    const otherField = await data(CATALOGUE, { filter: { search: 'kimija virtuve', fields: ['MATHEMATICS'] } }, PUBLIC);
    expect(otherField.activities.totalCount).toBe(0);
    const otherBand = await data(CATALOGUE, { filter: { search: 'kimija virtuve', gradeBands: ['PRESCHOOL_5_6'] } }, PUBLIC);
    expect(otherBand.activities.totalCount).toBe(0);

    const events = await eventually(
      async () => recorder.eventsFor(Topics.catalogueActivity, [created.id]),
      (found) => found.length >= 3,
      { what: 'created, submitted and published events' },
    );
    expect(events.map((event) => event.type)).toStrictEqual([
      'catalogue.activity.created',
      'catalogue.activity.submitted',
      'catalogue.activity.published',
    ]);
    const [createdEvent, submittedEvent, publishedEvent] = events;
    expect(createdEvent!.source).toBe('/catalogue');
    expect(createdEvent!.data.state.status).toBe('DRAFT');
    expect(createdEvent!.data.state.pricePerPupilCents).toBe(1000);
    expect(createdEvent!.data.state.provider).toStrictEqual({
      id: museumId,
      name: 'Latvijas Dabas muzejs',
      kind: 'MUSEUM',
      institutionId: null,
    });
    assert.ok(createdEvent!.data.changedFields.includes('title'));
    expect(submittedEvent!.data.changedFields).toStrictEqual(['status']);
    expect(publishedEvent!.data.state.status).toBe('PUBLISHED');
    expect(publishedEvent!.data.changedFields).toStrictEqual(['status', 'publishedAt']);
  });

  it('refuses to return an activity without a reason and changes nothing', async () => {
    const activity = await createActivity(museumId, { title: 'Fizika parkā' });
    await data(SUBMIT, { input: { id: activity.id } }, providerCaller(museumId));

    for (const reason of [null, '   ']) {
      const refused = await harness.request(REVIEW, { input: { id: activity.id, decision: 'RETURN', reason } }, FUND_ADMIN);
      expect(refused.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(refused.errors?.[0]?.extensions?.field).toBe('reason');
    }
    expect((await data(ACTIVITY, { id: activity.id }, OFFICER)).activity.status).toBe('SUBMITTED');
    expect(await outboxTypes(activity.id)).toStrictEqual(['catalogue.activity.created', 'catalogue.activity.submitted']);

    const returned = await data(
      REVIEW,
      { input: { id: activity.id, decision: 'RETURN', reason: 'Pievienojiet saiti ar mācību saturu' } },
      OFFICER,
    );
    expect(returned.reviewActivity.activity).toStrictEqual({
      id: activity.id,
      status: 'RETURNED',
      statusReason: 'Pievienojiet saiti ar mācību saturu',
      publishedAt: null,
    });
    // A returned activity is the provider's again: it can submit it once more.
    const resubmitted = await data(SUBMIT, { input: { id: activity.id } }, providerCaller(museumId));
    expect(resubmitted.submitActivity.activity.status).toBe('SUBMITTED');
  });

  it("forbids a provider to submit another provider's activity", async () => {
    const activity = await createActivity(museumId, { title: 'Putnu vērošana' });
    const refused = await harness.request(SUBMIT, { input: { id: activity.id } }, providerCaller(companyId));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await data(ACTIVITY, { id: activity.id }, providerCaller(museumId))).activity.status).toBe('DRAFT');
    // The other provider cannot even read the draft.
    expect(await data(ACTIVITY, { id: activity.id }, providerCaller(companyId))).toStrictEqual({ activity: null });
    expect(await outboxTypes(activity.id)).toStrictEqual(['catalogue.activity.created']);
  });

  it('refuses review by a provider and state changes the lifecycle does not allow', async () => {
    const activity = await createActivity(museumId, { title: 'Zvaigžņu karte' });
    const byProvider = await harness.request(REVIEW, { input: { id: activity.id, decision: 'PUBLISH' } }, providerCaller(museumId));
    expect(byProvider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const draftPublished = await harness.request(REVIEW, { input: { id: activity.id, decision: 'PUBLISH' } }, FUND_ADMIN);
    expect(draftPublished.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const unknown = await harness.request(SUBMIT, { input: { id: randomUUID() } }, providerCaller(museumId));
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await harness.request(SUBMIT, { input: { id: 'not-a-uuid' } }, providerCaller(museumId));
    expect(malformed.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect((await data(ACTIVITY, { id: activity.id }, OFFICER)).activity.status).toBe('DRAFT');
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
      expect(refused.errors?.[0]?.extensions?.code).toBe(code);
    }
    const forOther = await harness.request(CREATE, { input: { ...activityInput(), providerId: companyId } }, providerCaller(museumId));
    expect(forOther.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bySchool = await harness.request(CREATE, { input: activityInput() }, { role: Role.SCHOOL, institutionId: randomUUID() });
    expect(bySchool.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await countActivities()).toBe(before);
  });

  it('pages the public catalogue by title with cursors and a total count', async () => {
    for (const title of ['Lapošana Gamma', 'Lapošana Alfa', 'Lapošana Beta'])
      await publishedActivity(companyId, { title, fields: ['ENGINEERING'], format: 'ONLINE', municipality: null, planningRegion: null });
    await createActivity(companyId, { title: 'Lapošana Delta (melnraksts)' });

    const first = await data(CATALOGUE, { filter: { search: 'laposana' }, first: 2 }, PUBLIC);
    expect(first.activities.totalCount).toBe(3);
    expect(first.activities.edges.map((edge: any) => edge.node.title)).toStrictEqual(['Lapošana Alfa', 'Lapošana Beta']);
    expect(first.activities.pageInfo.hasNextPage).toBe(true);
    const second = await data(CATALOGUE, { filter: { search: 'laposana' }, first: 2, after: first.activities.pageInfo.endCursor }, PUBLIC);
    expect(second.activities.totalCount).toBe(3);
    expect(second.activities.edges.map((edge: any) => edge.node.title)).toStrictEqual(['Lapošana Gamma']);
    expect(second.activities.pageInfo.hasNextPage).toBe(false);

    const badCursor = await harness.request(CATALOGUE, { after: 'bm9wZQ' }, PUBLIC);
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const tooMany = await harness.request(CATALOGUE, { first: 1000 }, PUBLIC);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('registers an institution as a provider once the register has announced it, and lists its published activities on Institution', async () => {
    const institutionId = randomUUID();
    const officerRegisters = () => harness.request(REGISTER_PROVIDER, { input: { kind: 'INSTITUTION', institutionId } }, OFFICER);
    expect((await officerRegisters()).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const byProvider = await harness.request(REGISTER_PROVIDER, { input: { kind: 'MUSEUM', name: 'Muzejs' } }, providerCaller(museumId));
    expect(byProvider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await announceInstitution(institutionId, 'Cēsu Valsts ģimnāzija');
    const registered = await eventually(officerRegisters, (response) => !response.errors, {
      what: 'the catalogue to learn of the institution',
    });
    const provider = registered.data.registerProvider.provider;
    expect(provider.institution).toStrictEqual({ id: institutionId });
    expect(provider.kind).toBe('INSTITUTION');
    expect(provider.name).toBe('Cēsu Valsts ģimnāzija');
    expect((await officerRegisters()).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const published = await publishedActivity(provider.id, { title: 'Robotika ģimnāzijā', fields: ['COMPUTING', 'ENGINEERING'] });
    await createActivity(provider.id, { title: 'Vēl melnraksts' });
    // `_entities` is the subgraph's own federation entry point: asked directly, as the gateway does.
    const { _entities } = (
      await harness.direct(
        ACTIVITIES_OFFERED,
        {
          representations: [
            { __typename: 'Institution', id: institutionId },
            { __typename: 'Institution', id: randomUUID() },
          ],
        },
        PUBLIC,
      )
    ).data;
    expect(_entities).toStrictEqual([
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
    expect(byOther.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const withdrawn = await data(WITHDRAW, { input: { id: activity.id, reason: 'Ekspozīcija slēgta' } }, providerCaller(museumId));
    expect(withdrawn.withdrawActivity.activity).toStrictEqual({ id: activity.id, status: 'WITHDRAWN', statusReason: 'Ekspozīcija slēgta' });
    expect(await data(ACTIVITY, { id: activity.id }, PUBLIC)).toStrictEqual({ activity: null });
    expect((await data(CATALOGUE, { filter: { search: 'kukainu' } }, PUBLIC)).activities.totalCount).toBe(0);
    const again = await harness.request(SUBMIT, { input: { id: activity.id } }, providerCaller(museumId));
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const event = await eventually(
      async () => recorder.eventsFor(Topics.catalogueActivity, [activity.id]).find((e) => e.type === 'catalogue.activity.withdrawn'),
      Boolean,
      { what: 'the withdrawn event' },
    );
    expect(event!.data.state.status).toBe('WITHDRAWN');
    expect(event!.data.changedFields).toStrictEqual(['status', 'statusReason']);
  });
});
