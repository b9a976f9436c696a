import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Role, Topics, type Caller } from '@eq/shared';
import { eventually } from '../../../test/support/eventually';
import { startGatewayHarness, type GatewayHarness } from '../../../test/support/gatewayHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { accreditation } from '../src';
import { RegistryFeed } from '../../../test/support/registryFeed';

const OFFICER: Caller = { role: Role.OFFICER, subject: 'officer-7' };
const PUBLIC: Caller = { role: Role.PUBLIC };

const ACCREDIT = /* GraphQL */ `
  mutation Accredit($input: AccreditInstitutionInput!) {
    accreditInstitution(input: $input) {
      accreditation {
        id kind status decisionNumber decisionDate termYears termStart termEnd applicationDueBy endedOn endReason
        institution { id }
        results { category categoryLabelLv level levelLabelLv levelRank }
      }
    }
  }`;

const ACCREDITATION = /* GraphQL */ `
  query Accreditation($id: ID!) {
    accreditation(id: $id) { id status endedOn endReason termEnd }
  }`;

const INSTITUTION_ACCREDITATIONS = /* GraphQL */ `
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
  const registerInstitution = async () => {
    const state = RegistryFeed.institution();
    await feed.send(RegistryFeed.event('registry.institution.registered', state, Object.keys(state)));
    await eventually(
      async () => (await harness.service.db.query('SELECT 1 FROM registry_institution WHERE id = $1', [state.id])).length,
      (rows) => rows === 1,
      { what: 'the registered institution in the replica' },
    );
    return state;
  };

  before(async () => {
    harness = await startGatewayHarness(accreditation);
    feed = await new RegistryFeed(harness.infrastructure.kafkaBrokers).start();
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([Topics.accreditationAccreditation]);
  });
  after(async () => {
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
    assert.equal(accredited.kind, 'INSTITUTION');
    assert.equal(accredited.status, 'ACTIVE');
    assert.equal(accredited.institution.id, institution.id);
    assert.equal(accredited.decisionNumber, 'IKVD-A-2024/311');
    assert.equal(accredited.decisionDate, '2024-08-20');
    // Every category GOOD or better: the full six years, applications due four months before the end.
    assert.equal(accredited.termYears, 6);
    assert.equal(accredited.termStart, '2024-09-01');
    assert.equal(accredited.termEnd, '2030-08-31');
    assert.equal(accredited.applicationDueBy, '2030-04-30');
    assert.equal(accredited.endedOn, null);
    assert.deepEqual(accredited.results, [
      { category: 'FITNESS_FOR_PURPOSE', categoryLabelLv: 'Atbilstība mērķiem', level: 'VERY_GOOD', levelLabelLv: 'Ļoti labi', levelRank: 4 },
      { category: 'QUALITY_TEACHING', categoryLabelLv: 'Kvalitatīvas mācības', level: 'GOOD', levelLabelLv: 'Labi', levelRank: 3 },
      { category: 'INCLUSIVE_ENVIRONMENT', categoryLabelLv: 'Iekļaujoša vide', level: 'EXCELLENT', levelLabelLv: 'Izcili', levelRank: 5 },
      { category: 'GOOD_GOVERNANCE', categoryLabelLv: 'Laba pārvaldība', level: 'GOOD', levelLabelLv: 'Labi', levelRank: 3 },
    ]);

    // A second accreditation overlapping the first is a conflict, not a copy.
    const overlapping = await harness.request(ACCREDIT, { input: { ...accreditInput(institution.id), termStart: '2025-09-01', decisionDate: '2025-08-20' } }, OFFICER);
    assert.equal(overlapping.errors?.[0]?.extensions?.code, 'CONFLICT');

    // The registry's Institution entity carries its accreditations (published results are public).
    const entities = await harness.direct(INSTITUTION_ACCREDITATIONS, { representations: [{ __typename: 'Institution', id: institution.id }] }, PUBLIC);
    assert.equal(entities.errors, undefined);
    assert.deepEqual(entities.data._entities[0].accreditations.map((a: any) => [a.id, a.status, a.results.length]), [[accredited.id, 'ACTIVE', 4]]);

    const liquidation = RegistryFeed.event('registry.institution.liquidated', { ...institution, status: 'LIQUIDATED', liquidatedOn: '2025-03-31' }, ['status', 'liquidatedOn']);
    await feed.send(liquidation);
    const ended = await eventually(
      () => harness.request(ACCREDITATION, { id: accredited.id }),
      (response) => response.data?.accreditation?.status === 'ENDED',
      { what: 'the accreditation to end' },
    );
    assert.deepEqual(ended.data.accreditation, { id: accredited.id, status: 'ENDED', endedOn: '2025-03-31', endReason: 'INSTITUTION_LIQUIDATED', termEnd: '2030-08-31' });

    const published = await eventually(
      async () => recorder.eventsFor(Topics.accreditationAccreditation, [accredited.id]),
      (events) => events.some((event) => event.type === 'accreditation.accreditation.ended'),
      { what: 'the ended event on the topic' },
    );
    assert.deepEqual(published.map((event) => event.type), ['accreditation.accreditation.granted', 'accreditation.accreditation.ended']);
    const [grantedEvent, endedEvent] = published;
    assert.equal(grantedEvent!.data.state.termEnd, '2030-08-31');
    assert.equal(grantedEvent!.data.state.results.length, 4);
    assert.equal(endedEvent!.source, '/accreditation');
    assert.equal(endedEvent!.data.state.status, 'ENDED');
    assert.equal(endedEvent!.data.state.endReason, 'INSTITUTION_LIQUIDATED');
    assert.deepEqual(endedEvent!.data.changedFields, ['status', 'endedOn', 'endReason']);

    // A liquidated institution is not accredited again.
    const refused = await harness.request(ACCREDIT, { input: { ...accreditInput(institution.id), termStart: '2030-09-01' } }, OFFICER);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'CONFLICT');
    assert.match(refused.errors![0]!.message, /liquidated/);

    // Replays change nothing: the same event again (deduplicated by id), then a second
    // liquidation event (finds no active accreditation). Waiting for the second one proves
    // both were handled: they share the institution's partition.
    await feed.send(liquidation);
    const again = RegistryFeed.event('registry.institution.liquidated', { ...institution, status: 'LIQUIDATED', liquidatedOn: '2025-03-31' }, ['status', 'liquidatedOn']);
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
    assert.equal(endedInOutbox.length, 1);
  });

  it('refuses accreditation to a PUBLIC caller with FORBIDDEN and stores nothing', async () => {
    const institution = await registerInstitution();
    const response = await harness.request(ACCREDIT, { input: accreditInput(institution.id) }, PUBLIC);
    assert.equal(response.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.deepEqual(await storedFor(institution.id), { accreditations: 0, results: 0, events: 0 });
  });

  it('refuses an institution the registry has not announced with NOT_FOUND', async () => {
    const response = await harness.request(ACCREDIT, { input: accreditInput('00000000-0000-4000-8000-000000000000') }, OFFICER);
    assert.equal(response.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  it('refuses results with a missing category with VALIDATION_FAILED and stores nothing', async () => {
    const institution = await registerInstitution();
    const response = await harness.request(ACCREDIT, { input: accreditInput(institution.id, allGood.slice(0, 3)) }, OFFICER);
    assert.equal(response.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.equal(response.errors?.[0]?.extensions?.field, 'results');
    assert.match(response.errors![0]!.message, /GOOD_GOVERNANCE/);
    assert.deepEqual(await storedFor(institution.id), { accreditations: 0, results: 0, events: 0 });
  });

  it('gives a shorter term when a category needs improvement and refuses an insufficient one', async () => {
    const institution = await registerInstitution();
    const withLevel = (level: string) => allGood.map((result) => (result.category === 'QUALITY_TEACHING' ? { ...result, level } : result));

    const refused = await harness.request(ACCREDIT, { input: accreditInput(institution.id, withLevel('INSUFFICIENT')) }, OFFICER);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.deepEqual(await storedFor(institution.id), { accreditations: 0, results: 0, events: 0 });

    const shorter = await harness.request(ACCREDIT, { input: accreditInput(institution.id, withLevel('NEEDS_IMPROVEMENT')) }, OFFICER);
    assert.equal(shorter.errors, undefined);
    const { termYears, termEnd, applicationDueBy } = shorter.data.accreditInstitution.accreditation;
    assert.deepEqual({ termYears, termEnd, applicationDueBy }, { termYears: 2, termEnd: '2026-08-31', applicationDueBy: '2026-04-30' });
  });

  it('refuses an id that is not a UUID before it reaches the database', async () => {
    const response = await harness.request(ACCREDITATION, { id: 'not-a-uuid' });
    assert.equal(response.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
  });
});
