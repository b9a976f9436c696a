import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, Topics, type Caller, type RegistryInstitutionState } from '@eq/shared';
import { eventually } from '../../../test/support/eventually';
import { startGatewayHarness, type GatewayHarness } from '../../../test/support/gatewayHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { licensing } from '../src';
import { RegistryFeed } from '../../../test/support/registryFeed';

const OFFICER: Caller = { role: Role.OFFICER, subject: 'officer-3' };
const PUBLIC: Caller = { role: Role.PUBLIC };

const LICENCE_FIELDS = `
  id status kind level programmeCode programmeName issuedOn decisionNumber endedOn lapsedOn
  specialNeedsCategory internationalProgramme latvianStudiesPermit { number issuedOn } accreditationProof { number issuedOn }
  institution { id } implementationPlaces { id address }
  continues { id status } continuedBy { id status programmeCode }
  decisions { kind number date changedFields reason }`;

const ISSUE = `mutation($input: IssueLicenceInput!) { issueLicence(input: $input) { licence { ${LICENCE_FIELDS} } } }`;
const LICENCE = `query($id: ID!) { licence(id: $id) { ${LICENCE_FIELDS} } }`;
const step = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { licence { ${LICENCE_FIELDS} } } }`;
const AMEND = step('amendLicence', 'AmendLicenceInput');
const ADD_PLACE = step('addLicensedPlace', 'LicensedPlaceInput');
const REMOVE_PLACE = step('removeLicensedPlace', 'LicensedPlaceInput');
const SUSPEND = step('suspendLicence', 'LicenceDecisionInput');
const REVOKE = step('revokeLicence', 'LicenceDecisionInput');
const RESTORE = step('restoreLicenceRights', 'LicenceDecisionInput');
const RELICENSE = `mutation($input: RelicenseLicenceInput!) { relicenseLicence(input: $input) { previous { ${LICENCE_FIELDS} } licence { ${LICENCE_FIELDS} } } }`;

const place = (address: string, municipality = 'Valmieras novads') => ({
  id: randomUUID(),
  address,
  municipality,
  planningRegion: 'VIDZEME',
});
const decision = (number: string, date: string) => ({ number, date });

describe('licence kinds and lifecycle', () => {
  let harness: GatewayHarness;
  let feed: RegistryFeed;
  let recorder: TopicRecorder;

  /** Announces an institution as the registry would and waits until licensing knows it. */
  const announce = async (overrides: Partial<RegistryInstitutionState> = {}) => {
    const state = RegistryFeed.institution(overrides);
    await feed.send(RegistryFeed.event('registry.institution.registered', state, Object.keys(state)));
    await eventually(
      async () => (await harness.service.db.query('SELECT 1 FROM registry_institution WHERE id = $1', [state.id])).length,
      (rows) => rows === 1,
      { what: 'the institution in the replica' },
    );
    return state;
  };

  const issue = async (institution: RegistryInstitutionState, overrides: Record<string, unknown> = {}) => {
    const response = await harness.request(
      ISSUE,
      {
        input: {
          institutionId: institution.id,
          implementationPlaceId: institution.implementationPlaces[0]!.id,
          programmeCode: '21011111',
          programmeName: 'Pamatizglītības programma',
          level: 'BASIC',
          decisionNumber: 'V-2024/100',
          issuedOn: '2024-08-15',
          ...overrides,
        },
      },
      OFFICER,
    );
    expect(response.errors).toBe(undefined);
    return response.data.issueLicence.licence;
  };

  const storedFor = async (institutionId: string) => {
    const [row] = await harness.service.db.query(
      `SELECT (SELECT count(*) FROM licence WHERE institution_id = $1)::int AS licences,
              (SELECT count(*) FROM outbox_event WHERE payload->'data'->'state'->>'institutionId' = $1::text)::int AS events`,
      [institutionId],
    );
    return row as { licences: number; events: number };
  };

  beforeAll(async () => {
    harness = await startGatewayHarness(licensing);
    feed = await new RegistryFeed(harness.infrastructure.kafkaBrokers).start();
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([Topics.licensingLicence]);
  });
  afterAll(async () => {
    await recorder?.stop();
    await feed?.stop();
    await harness?.close();
  });

  it('issues an international IB Diploma licence with its permit and accreditation proof, and refuses one without the permit', async () => {
    const institution = await announce();
    const ib = {
      level: 'SECONDARY',
      kind: 'INTERNATIONAL',
      programmeCode: '31011011',
      programmeName: 'IB Diploma Programme',
      internationalProgramme: 'IB_DP',
      accreditationProof: { number: 'IBO-2023/112', issuedOn: '2023-05-10' },
    };
    const refused = await harness.request(
      ISSUE,
      {
        input: {
          institutionId: institution.id,
          implementationPlaceId: institution.implementationPlaces[0]!.id,
          decisionNumber: 'V-1',
          issuedOn: '2024-08-15',
          ...ib,
        },
      },
      OFFICER,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(refused.errors?.[0]?.extensions?.field).toBe('latvianStudiesPermit');
    expect(await storedFor(institution.id)).toStrictEqual({ licences: 0, events: 0 });

    const licence = await issue(institution, { ...ib, latvianStudiesPermit: { number: 'LM-2024/7', issuedOn: '2024-06-01' } });
    expect(licence.kind).toBe('INTERNATIONAL');
    expect(licence.internationalProgramme).toBe('IB_DP');
    expect(licence.latvianStudiesPermit).toStrictEqual({ number: 'LM-2024/7', issuedOn: '2024-06-01' });
    expect(licence.decisions.map((d: any) => [d.kind, d.number, d.date])).toStrictEqual([['ISSUED', 'V-2024/100', '2024-08-15']]);
  });

  it('refuses to license an interest-education institution as out of scope (its programmes are registered), storing nothing', async () => {
    const centre = await announce({ type: 'INTEREST_EDUCATION', name: 'Bērnu un jauniešu centrs' });
    const input = {
      institutionId: centre.id,
      implementationPlaceId: centre.implementationPlaces[0]!.id,
      programmeCode: '20011111',
      programmeName: 'Robotika',
      level: 'BASIC',
      decisionNumber: 'V-3',
      issuedOn: '2024-08-15',
    };
    const refused = await harness.request(ISSUE, { input }, OFFICER);
    expect([refused.errors?.[0]?.extensions?.code, refused.errors?.[0]?.extensions?.reason]).toStrictEqual([
      'VALIDATION_FAILED',
      'OUT_OF_SCOPE',
    ]);
    expect(refused.errors?.[0]?.message).toMatch(/registerInterestProgramme/);
    expect(await storedFor(centre.id)).toStrictEqual({ licences: 0, events: 0 });
  });

  it('refuses a special-needs licence without its disorder category, and a PUBLIC caller, storing nothing', async () => {
    const institution = await announce();
    const base = {
      institutionId: institution.id,
      implementationPlaceId: institution.implementationPlaces[0]!.id,
      programmeCode: '01015611',
      programmeName: 'Speciālā pirmsskolas programma',
      level: 'PRESCHOOL',
      decisionNumber: 'V-2',
      issuedOn: '2024-08-15',
    };
    const noCategory = await harness.request(ISSUE, { input: { ...base, kind: 'SPECIAL' } }, OFFICER);
    expect(noCategory.errors?.[0]?.extensions?.field).toBe('specialNeedsCategory');
    const forbidden = await harness.request(
      ISSUE,
      { input: { ...base, kind: 'SPECIAL', specialNeedsCategory: 'LANGUAGE_DISORDERS' } },
      PUBLIC,
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await storedFor(institution.id)).toStrictEqual({ licences: 0, events: 0 });
  });

  it('amends, adds and removes a place, suspends, restores, revokes and restores again, logging each decision and publishing each event', async () => {
    const second = place('Rīgas iela 3, Valmiera');
    const institution = await announce({ implementationPlaces: [place('Ausekļa iela 25, Valmiera'), second] });
    const licence = await issue(institution, { kind: 'SPECIAL', specialNeedsCategory: 'LEARNING_DISORDERS' });

    const amended = await harness.request(
      AMEND,
      {
        input: {
          licenceId: licence.id,
          decision: decision('V-2024/201', '2024-09-10'),
          specialNeedsCategory: 'LANGUAGE_DISORDERS',
          reason: 'Category corrected',
        },
      },
      OFFICER,
    );
    expect(amended.errors).toBe(undefined);
    expect(amended.data.amendLicence.licence.specialNeedsCategory).toBe('LANGUAGE_DISORDERS');
    const nothing = await harness.request(
      AMEND,
      { input: { licenceId: licence.id, decision: decision('V-2024/202', '2024-09-11'), specialNeedsCategory: 'LANGUAGE_DISORDERS' } },
      OFFICER,
    );
    expect(nothing.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');

    const added = await harness.request(
      ADD_PLACE,
      { input: { licenceId: licence.id, implementationPlaceId: second.id, decision: decision('V-2024/203', '2024-09-12') } },
      OFFICER,
    );
    expect(added.data.addLicensedPlace.licence.implementationPlaces.map((p: any) => p.address).sort()).toStrictEqual([
      'Ausekļa iela 25, Valmiera',
      'Rīgas iela 3, Valmiera',
    ]);
    const foreign = await harness.request(
      ADD_PLACE,
      { input: { licenceId: licence.id, implementationPlaceId: randomUUID(), decision: decision('V-2024/204', '2024-09-12') } },
      OFFICER,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const removed = await harness.request(
      REMOVE_PLACE,
      {
        input: {
          licenceId: licence.id,
          implementationPlaceId: institution.implementationPlaces[0]!.id,
          decision: decision('V-2024/205', '2024-09-13'),
        },
      },
      OFFICER,
    );
    expect(removed.data.removeLicensedPlace.licence.implementationPlaces.map((p: any) => p.id)).toStrictEqual([second.id]);
    const last = await harness.request(
      REMOVE_PLACE,
      { input: { licenceId: licence.id, implementationPlaceId: second.id, decision: decision('V-2024/206', '2024-09-13') } },
      OFFICER,
    );
    expect(last.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const suspended = await harness.request(
      SUSPEND,
      { input: { licenceId: licence.id, decision: decision('V-2024/207', '2024-10-01'), reason: 'No qualified teacher' } },
      OFFICER,
    );
    expect(suspended.data.suspendLicence.licence.status).toBe('SUSPENDED');
    const placeWhileSuspended = await harness.request(
      ADD_PLACE,
      {
        input: {
          licenceId: licence.id,
          implementationPlaceId: institution.implementationPlaces[0]!.id,
          decision: decision('V-2024/208', '2024-10-02'),
        },
      },
      OFFICER,
    );
    expect(placeWhileSuspended.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const restored = await harness.request(
      RESTORE,
      { input: { licenceId: licence.id, decision: decision('V-2024/209', '2024-11-01') } },
      OFFICER,
    );
    expect(restored.data.restoreLicenceRights.licence.status).toBe('ACTIVE');
    const revoked = await harness.request(
      REVOKE,
      { input: { licenceId: licence.id, decision: decision('V-2024/210', '2024-12-01') } },
      OFFICER,
    );
    expect([revoked.data.revokeLicence.licence.status, revoked.data.revokeLicence.licence.endedOn]).toStrictEqual([
      'REVOKED',
      '2024-12-01',
    ]);
    const early = await harness.request(
      RESTORE,
      { input: { licenceId: licence.id, decision: decision('V-2024/211', '2024-01-01') } },
      OFFICER,
    );
    expect(early.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const back = await harness.request(
      RESTORE,
      { input: { licenceId: licence.id, decision: decision('V-2025/12', '2025-02-01') } },
      OFFICER,
    );
    expect([back.data.restoreLicenceRights.licence.status, back.data.restoreLicenceRights.licence.endedOn]).toStrictEqual(['ACTIVE', null]);

    const log = back.data.restoreLicenceRights.licence.decisions;
    expect(log.map((d: any) => [d.kind, d.number])).toStrictEqual([
      ['ISSUED', 'V-2024/100'],
      ['AMENDED', 'V-2024/201'],
      ['PLACE_ADDED', 'V-2024/203'],
      ['PLACE_REMOVED', 'V-2024/205'],
      ['SUSPENDED', 'V-2024/207'],
      ['RIGHTS_RESTORED', 'V-2024/209'],
      ['REVOKED', 'V-2024/210'],
      ['RIGHTS_RESTORED', 'V-2025/12'],
    ]);
    expect(log[1].changedFields).toStrictEqual(['specialNeedsCategory']);
    expect(log[1].reason).toBe('Category corrected');

    const published = await eventually(
      async () => recorder.eventsFor(Topics.licensingLicence, [licence.id]),
      (events) => events.length === 8,
      { what: 'eight licence events' },
    );
    expect(published.map((event) => event.type)).toStrictEqual([
      'licensing.licence.issued',
      'licensing.licence.amended',
      'licensing.licence.place-added',
      'licensing.licence.place-removed',
      'licensing.licence.suspended',
      'licensing.licence.restored',
      'licensing.licence.revoked',
      'licensing.licence.restored',
    ]);
    expect(published[6]!.data.state.revokedOn).toBe('2024-12-01');
    expect(published[6]!.data.changedFields).toStrictEqual(['status', 'endedOn', 'revokedOn']);
  });

  it('re-licenses a vocational licence to a modular template: the old one ends RELICENSED, linked to the new one at the same places', async () => {
    const institution = await announce({ type: 'VOCATIONAL_SCHOOL' });
    const old = await issue(institution, {
      level: 'VOCATIONAL',
      kind: 'VOCATIONAL_INITIAL',
      programmeCode: '32481011',
      programmeName: 'Datorsistēmas',
    });
    const response = await harness.request(
      RELICENSE,
      {
        input: {
          licenceId: old.id,
          decision: decision('V-2025/40', '2025-03-01'),
          programmeCode: '32481012',
          programmeName: 'Datorsistēmas (modulārā)',
          kind: 'MODULAR',
        },
      },
      OFFICER,
    );
    expect(response.errors).toBe(undefined);
    const { previous, licence } = response.data.relicenseLicence;
    expect([previous.status, previous.endedOn, previous.continuedBy.id]).toStrictEqual(['RELICENSED', '2025-03-01', licence.id]);
    expect([licence.status, licence.kind, licence.programmeCode, licence.issuedOn, licence.continues.id]).toStrictEqual([
      'ACTIVE',
      'MODULAR',
      '32481012',
      '2025-03-01',
      old.id,
    ]);
    expect(licence.implementationPlaces).toStrictEqual(old.implementationPlaces);
    const again = await harness.request(
      RELICENSE,
      { input: { licenceId: old.id, decision: decision('V-2025/41', '2025-03-02'), programmeCode: '32481013', programmeName: 'X' } },
      OFFICER,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('registers a derived vocational programme only from an in-force licence', async () => {
    const institution = await announce({ type: 'VOCATIONAL_SCHOOL' });
    const source = await issue(institution, {
      level: 'VOCATIONAL',
      kind: 'VOCATIONAL_CONTINUING',
      programmeCode: '30341011',
      programmeName: 'Grāmatvedība',
    });
    const derived = await issue(institution, {
      level: 'VOCATIONAL',
      kind: 'DERIVED',
      programmeCode: '30341012',
      programmeName: 'Grāmatvedība (atvasinātā)',
      derivedFromLicenceId: source.id,
    });
    expect(derived.kind).toBe('DERIVED');
    const unknown = await harness.request(
      ISSUE,
      {
        input: {
          institutionId: institution.id,
          implementationPlaceId: institution.implementationPlaces[0]!.id,
          programmeCode: '30341013',
          programmeName: 'X',
          level: 'VOCATIONAL',
          kind: 'DERIVED',
          derivedFromLicenceId: randomUUID(),
          decisionNumber: 'V',
          issuedOn: '2024-08-15',
        },
      },
      OFFICER,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lapses in-force licences, suspended ones too, when the institution is liquidated, and a replay changes nothing', async () => {
    const institution = await announce();
    const active = await issue(institution);
    const suspended = await issue(institution, {
      programmeCode: '21015611',
      programmeName: 'Speciālā pamatizglītība',
      kind: 'SPECIAL',
      specialNeedsCategory: 'MIXED_DEVELOPMENTAL_DISORDERS',
    });
    await harness.request(SUSPEND, { input: { licenceId: suspended.id, decision: decision('V-2024/300', '2024-10-01') } }, OFFICER);
    const liquidated = RegistryFeed.event(
      'registry.institution.liquidated',
      { ...institution, status: 'LIQUIDATED', liquidatedOn: '2025-06-30', liquidationKind: 'LIQUIDATION' },
      ['status', 'liquidatedOn'],
    );
    await feed.send(liquidated);
    for (const id of [active.id, suspended.id]) {
      const lapsed = await eventually(
        () => harness.request(LICENCE, { id }),
        (r) => r.data?.licence?.status === 'LAPSED',
        { what: 'the licence to lapse' },
      );
      expect([lapsed.data.licence.lapsedOn, lapsed.data.licence.decisions.at(-1).kind]).toStrictEqual(['2025-06-30', 'LAPSED']);
    }
    const again = RegistryFeed.event(
      'registry.institution.liquidated',
      { ...institution, status: 'LIQUIDATED', liquidatedOn: '2025-06-30', liquidationKind: 'LIQUIDATION' },
      ['status', 'liquidatedOn'],
    );
    await feed.send(again);
    await eventually(
      async () => (await harness.service.db.query('SELECT 1 FROM processed_event WHERE event_id = $1', [again.id])).length,
      (rows) => rows === 1,
      { what: 'the replay to be handled' },
    );
    const lapses = await harness.service.db.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE payload->>'type' = 'licensing.licence.lapsed' AND key = ANY($1)`,
      [[active.id, suspended.id]],
    );
    expect(lapses[0].n).toBe(2);
    const refused = await harness.request(
      RESTORE,
      { input: { licenceId: suspended.id, decision: decision('V-2025/50', '2025-07-01') } },
      OFFICER,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('refuses a licence for a liquidated institution with CONFLICT and stores nothing', async () => {
    const institution = await announce();
    const liquidation = RegistryFeed.event(
      'registry.institution.liquidated',
      { ...institution, status: 'LIQUIDATED', liquidatedOn: '2025-06-30', liquidationKind: 'LIQUIDATION' },
      ['status', 'liquidatedOn'],
    );
    await feed.send(liquidation);
    // Wait for the event itself, not for a refusal: retrying the issue would store a licence if it came first.
    await eventually(
      async () => (await harness.service.db.query('SELECT 1 FROM processed_event WHERE event_id = $1', [liquidation.id])).length,
      (rows) => rows === 1,
      {
        what: 'licensing to learn of the liquidation',
      },
    );
    const input = {
      institutionId: institution.id,
      implementationPlaceId: institution.implementationPlaces[0]!.id,
      programmeCode: '21011111',
      programmeName: 'Pamatizglītības programma',
      level: 'BASIC',
      decisionNumber: 'V-2025/60',
      issuedOn: '2025-07-01',
    };
    const refused = await harness.request(ISSUE, { input }, OFFICER);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors![0]!.message).toMatch(/liquidated/);
    expect(await storedFor(institution.id)).toStrictEqual({ licences: 0, events: 0 });
  });
});
