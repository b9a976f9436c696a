import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, Topics, type Caller } from '@eq/shared';
import { eventually } from '../../../test/support/eventually';
import { startGatewayHarness, type GatewayHarness } from '../../../test/support/gatewayHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { accreditation } from '../src';
import { RegistryFeed } from '../../../test/support/registryFeed';

const OFFICER: Caller = { role: Role.OFFICER, subject: 'officer-7' };
const PUBLIC: Caller = { role: Role.PUBLIC };

const ACCREDIT = /* GraphQL */ `
  mutation AccreditInstitutionAccredit($input: AccreditInstitutionInput!) {
    accreditInstitution(input: $input) {
      accreditation {
        id
        kind
        status
        decisionNumber
        decisionDate
        termYears
        termStart
        termEnd
        applicationDueBy
        endedOn
        endReason
        institution {
          id
        }
        results {
          category
          categoryLabelLv
          level
          levelLabelLv
          levelRank
        }
      }
    }
  }
`;

const ACCREDITATION = /* GraphQL */ `
  query Accreditation($id: ID!) {
    accreditation(id: $id) {
      id
      status
      endedOn
      endReason
      termEnd
    }
  }
`;

const INSTITUTION_ACCREDITATIONS = `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Institution { id accreditations { id status results { category level } } }
    }
  }`;

const allGood = [
  { category: 'FITNESS_FOR_PURPOSE', level: 'VERY_GOOD' },
  { category: 'QUALITY_TEACHING', level: 'GOOD' },
  { category: 'INCLUSIVE_ENVIRONMENT', level: 'EXCELLENT' },
  { category: 'GOOD_GOVERNANCE', level: 'GOOD' },
];

const accreditInput = (institutionId: string, results = allGood) => ({
  institutionId,
  decisionNumber: 'IKVD-A-2024/311',
  decisionDate: '2024-08-20',
  termStart: '2024-09-01',
  results,
});

describe('accreditation of institutions', () => {
  let harness: GatewayHarness;
  let feed: RegistryFeed;
  let recorder: TopicRecorder;

  /** Rows this service holds for an institution: what "stores nothing" is checked against. */
  const storedFor = async (institutionId: string) => {
    const [row] = await harness.service.db.query(
      `SELECT (SELECT count(*) FROM accreditation WHERE institution_id = $1)::int AS accreditations,
              (SELECT count(*) FROM accreditation_result r JOIN accreditation a ON a.id = r.accreditation_id WHERE a.institution_id = $1)::int AS results,
              (SELECT count(*) FROM outbox_event WHERE payload->'data'->'state'->>'institutionId' = $1::text)::int AS events`,
      [institutionId],
    );
    return row as { accreditations: number; results: number; events: number };
  };

  /** Announces an institution as the registry would and waits until this service knows it. */
  const registerInstitution = async (overrides: Parameters<typeof RegistryFeed.institution>[0] = {}) => {
    const state = RegistryFeed.institution(overrides);
    await feed.send(RegistryFeed.event('registry.institution.registered', state, Object.keys(state)));
    await eventually(
      async () => (await harness.service.db.query('SELECT 1 FROM registry_institution WHERE id = $1', [state.id])).length,
      (rows) => rows === 1,
      { what: 'the registered institution in the replica' },
    );
    return state;
  };

  beforeAll(async () => {
    harness = await startGatewayHarness(accreditation);
    feed = await new RegistryFeed(harness.infrastructure.kafkaBrokers).start();
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([Topics.accreditationAccreditation]);
  });
  afterAll(async () => {
    await recorder?.stop();
    await feed?.stop();
    await harness?.close();
  });

  it('accredits an institution the registry announced, and ends the accreditation when the institution is liquidated', async () => {
    const institution = RegistryFeed.institution();
    await feed.send(RegistryFeed.event('registry.institution.registered', institution, Object.keys(institution)));

    // Accreditation learns of the institution from registry.institution.v1, not from a call.
    const granted = await eventually(
      () => harness.request(ACCREDIT, { input: accreditInput(institution.id) }, OFFICER),
      (response) => !response.errors,
      { what: 'accreditation to know the institution' },
    );
    const accredited = granted.data.accreditInstitution.accreditation;
    expect(accredited.kind).toBe('INSTITUTION');
    expect(accredited.status).toBe('ACTIVE');
    expect(accredited.institution.id).toBe(institution.id);
    expect(accredited.decisionNumber).toBe('IKVD-A-2024/311');
    expect(accredited.decisionDate).toBe('2024-08-20');
    // Every category GOOD or better: the full six years, applications due four months before the end.
    expect(accredited.termYears).toBe(6);
    expect(accredited.termStart).toBe('2024-09-01');
    expect(accredited.termEnd).toBe('2030-08-31');
    expect(accredited.applicationDueBy).toBe('2030-04-30');
    expect(accredited.endedOn).toBe(null);
    expect(accredited.results).toStrictEqual([
      {
        category: 'FITNESS_FOR_PURPOSE',
        categoryLabelLv: 'Atbilstība mērķiem',
        level: 'VERY_GOOD',
        levelLabelLv: 'Ļoti labi',
        levelRank: 4,
      },
      { category: 'QUALITY_TEACHING', categoryLabelLv: 'Kvalitatīvas mācības', level: 'GOOD', levelLabelLv: 'Labi', levelRank: 3 },
      { category: 'INCLUSIVE_ENVIRONMENT', categoryLabelLv: 'Iekļaujoša vide', level: 'EXCELLENT', levelLabelLv: 'Izcili', levelRank: 5 },
      { category: 'GOOD_GOVERNANCE', categoryLabelLv: 'Laba pārvaldība', level: 'GOOD', levelLabelLv: 'Labi', levelRank: 3 },
    ]);

    // A second accreditation overlapping the first is a conflict, not a copy.
    const overlapping = await harness.request(
      ACCREDIT,
      { input: { ...accreditInput(institution.id), termStart: '2025-09-01', decisionDate: '2025-08-20' } },
      OFFICER,
    );
    expect(overlapping.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    // The registry's Institution entity carries its accreditations (published results are public).
    const entities = await harness.direct(
      INSTITUTION_ACCREDITATIONS,
      { representations: [{ __typename: 'Institution', id: institution.id }] },
      PUBLIC,
    );
    expect(entities.errors).toBe(undefined);
    expect(entities.data._entities[0].accreditations.map((a: any) => [a.id, a.status, a.results.length])).toStrictEqual([
      [accredited.id, 'ACTIVE', 4],
    ]);

    const liquidation = RegistryFeed.event(
      'registry.institution.liquidated',
      { ...institution, status: 'LIQUIDATED', liquidatedOn: '2025-03-31' },
      ['status', 'liquidatedOn'],
    );
    await feed.send(liquidation);
    const ended = await eventually(
      () => harness.request(ACCREDITATION, { id: accredited.id }),
      (response) => response.data?.accreditation?.status === 'ENDED',
      { what: 'the accreditation to end' },
    );
    expect(ended.data.accreditation).toStrictEqual({
      id: accredited.id,
      status: 'ENDED',
      endedOn: '2025-03-31',
      endReason: 'INSTITUTION_LIQUIDATED',
      termEnd: '2030-08-31',
    });

    const published = await eventually(
      async () => recorder.eventsFor(Topics.accreditationAccreditation, [accredited.id]),
      (events) => events.some((event) => event.type === 'accreditation.accreditation.ended'),
      { what: 'the ended event on the topic' },
    );
    expect(published.map((event) => event.type)).toStrictEqual([
      'accreditation.accreditation.granted',
      'accreditation.accreditation.ended',
    ]);
    const [grantedEvent, endedEvent] = published;
    expect(grantedEvent!.data.state.termEnd).toBe('2030-08-31');
    expect(grantedEvent!.data.state.results.length).toBe(4);
    expect(endedEvent!.source).toBe('/accreditation');
    expect(endedEvent!.data.state.status).toBe('ENDED');
    expect(endedEvent!.data.state.endReason).toBe('INSTITUTION_LIQUIDATED');
    expect(endedEvent!.data.changedFields).toStrictEqual(['status', 'endedOn', 'endReason']);

    // A liquidated institution is not accredited again.
    const refused = await harness.request(ACCREDIT, { input: { ...accreditInput(institution.id), termStart: '2030-09-01' } }, OFFICER);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors![0]!.message).toMatch(/liquidated/);

    // Replays change nothing: the same event again (deduplicated by id), then a second
    // liquidation event (finds no active accreditation). Waiting for the second one proves
    // both were handled: they share the institution's partition.
    await feed.send(liquidation);
    const again = RegistryFeed.event(
      'registry.institution.liquidated',
      { ...institution, status: 'LIQUIDATED', liquidatedOn: '2025-03-31' },
      ['status', 'liquidatedOn'],
    );
    await feed.send(again);
    await eventually(
      async () => (await harness.service.db.query('SELECT 1 FROM processed_event WHERE event_id = $1', [again.id])).length,
      (rows) => rows === 1,
      { what: 'the repeated liquidation to be handled' },
    );
    const endedInOutbox = await harness.service.db.query(
      `SELECT 1 FROM outbox_event WHERE key = $1 AND payload->>'type' = 'accreditation.accreditation.ended'`,
      [accredited.id],
    );
    expect(endedInOutbox.length).toBe(1);
  });

  it('refuses accreditation to a PUBLIC caller with FORBIDDEN and stores nothing', async () => {
    const institution = await registerInstitution();
    const response = await harness.request(ACCREDIT, { input: accreditInput(institution.id) }, PUBLIC);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await storedFor(institution.id)).toStrictEqual({ accreditations: 0, results: 0, events: 0 });
  });

  it('refuses an institution the registry has not announced with NOT_FOUND', async () => {
    const response = await harness.request(ACCREDIT, { input: accreditInput('00000000-0000-4000-8000-000000000000') }, OFFICER);
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses results with a missing category with VALIDATION_FAILED and stores nothing', async () => {
    const institution = await registerInstitution();
    const response = await harness.request(ACCREDIT, { input: accreditInput(institution.id, allGood.slice(0, 3)) }, OFFICER);
    expect(response.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(response.errors?.[0]?.extensions?.field).toBe('results');
    expect(response.errors![0]!.message).toMatch(/GOOD_GOVERNANCE/);
    expect(await storedFor(institution.id)).toStrictEqual({ accreditations: 0, results: 0, events: 0 });
  });

  it('gives a shorter term when a category needs improvement and refuses an insufficient one', async () => {
    const institution = await registerInstitution();
    const withLevel = (level: string) => allGood.map((result) => (result.category === 'QUALITY_TEACHING' ? { ...result, level } : result));

    const refused = await harness.request(ACCREDIT, { input: accreditInput(institution.id, withLevel('INSUFFICIENT')) }, OFFICER);
    expect(refused.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(await storedFor(institution.id)).toStrictEqual({ accreditations: 0, results: 0, events: 0 });

    const shorter = await harness.request(ACCREDIT, { input: accreditInput(institution.id, withLevel('NEEDS_IMPROVEMENT')) }, OFFICER);
    expect(shorter.errors).toBe(undefined);
    const { termYears, termEnd, applicationDueBy } = shorter.data.accreditInstitution.accreditation;
    expect({ termYears, termEnd, applicationDueBy }).toStrictEqual({ termYears: 2, termEnd: '2026-08-31', applicationDueBy: '2026-04-30' });
  });

  it('records a decision whose term has already ended as EXPIRED in the same request, with both events', async () => {
    const institution = await registerInstitution();
    const needsImprovement = allGood.map((result) =>
      result.category === 'QUALITY_TEACHING' ? { ...result, level: 'NEEDS_IMPROVEMENT' } : result,
    );
    const input = {
      ...accreditInput(institution.id, needsImprovement),
      decisionNumber: 'IKVD-A-2018/7',
      decisionDate: '2018-01-10',
      termStart: '2018-01-10',
    };
    const recorded = (await harness.request(ACCREDIT, { input }, OFFICER)).data.accreditInstitution.accreditation;
    expect([recorded.status, recorded.termEnd]).toStrictEqual(['EXPIRED', '2020-01-09']);
    const events = await eventually(
      async () => recorder.eventsFor(Topics.accreditationAccreditation, [recorded.id]),
      (found) => found.length >= 2,
      { what: 'the granted and expired events' },
    );
    expect(events.map((event) => [event.type, event.data.state.status])).toStrictEqual([
      ['accreditation.accreditation.granted', 'ACTIVE'],
      ['accreditation.accreditation.expired', 'EXPIRED'],
    ]);
  });

  it('refuses pre-schools and interest-education institutions as out of scope, storing nothing', async () => {
    for (const type of ['PRESCHOOL', 'INTEREST_EDUCATION']) {
      const institution = await registerInstitution({ type });
      const refused = await harness.request(ACCREDIT, { input: accreditInput(institution.id) }, OFFICER);
      expect([
        refused.errors?.[0]?.extensions?.code,
        refused.errors?.[0]?.extensions?.reason,
        refused.errors?.[0]?.extensions?.institutionType,
      ]).toStrictEqual(['VALIDATION_FAILED', 'OUT_OF_SCOPE', type]);
      expect(await storedFor(institution.id)).toStrictEqual({ accreditations: 0, results: 0, events: 0 });
    }
  });

  it('refuses an id that is not a UUID before it reaches the database', async () => {
    const response = await harness.request(ACCREDITATION, { id: 'not-a-uuid' });
    expect(response.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });
});
