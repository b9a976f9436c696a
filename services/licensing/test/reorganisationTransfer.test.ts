import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, Topics, type Caller, type RegistryInstitutionState } from '@eq/shared';
import { eventually } from '../../../test/support/eventually';
import { startGatewayHarness, type GatewayHarness } from '../../../test/support/gatewayHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { licensing } from '../src';
import { RegistryFeed } from '../../../test/support/registryFeed';

const OFFICER: Caller = { role: Role.OFFICER, subject: 'officer-3' };

const LICENCE_FIELDS = `id status kind programmeCode issuedOn endedOn specialNeedsCategory institution { id } implementationPlaces { id address }
  continues { id } continuedBy { id } decisions { kind date reason }`;
const ISSUE = `mutation($input: IssueLicenceInput!) { issueLicence(input: $input) { licence { ${LICENCE_FIELDS} } } }`;
const LICENCE = `query($id: ID!) { licence(id: $id) { ${LICENCE_FIELDS} } }`;
const INSTITUTION_LICENCES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Institution { id licences { ${LICENCE_FIELDS} } } } }`;

const place = (address: string) => ({ id: randomUUID(), address, municipality: 'Valmieras novads', planningRegion: 'VIDZEME' });

describe('licences follow a reorganised institution to its successor (registry.institution.reorganised on Kafka)', () => {
  let harness: GatewayHarness;
  let feed: RegistryFeed;
  let recorder: TopicRecorder;

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

  const issue = async (institution: RegistryInstitutionState, placeIndex: number, overrides: Record<string, unknown> = {}) => {
    const response = await harness.request(
      ISSUE,
      {
        input: {
          institutionId: institution.id,
          implementationPlaceId: institution.implementationPlaces[placeIndex]!.id,
          programmeCode: '21011111',
          programmeName: 'Pamatizglītības programma',
          level: 'BASIC',
          decisionNumber: 'V-2023/10',
          issuedOn: '2023-08-15',
          ...overrides,
        },
      },
      OFFICER,
    );
    expect(response.errors).toBe(undefined);
    return response.data.issueLicence.licence;
  };

  /** The predecessor's `registry.institution.reorganised` event as the registry publishes it once the decision applies. */
  const reorganised = (predecessor: RegistryInstitutionState, kind: string, successorIds: string[], effectiveDate: string) =>
    RegistryFeed.event(
      'registry.institution.reorganised',
      {
        ...predecessor,
        status: 'LIQUIDATED',
        liquidatedOn: effectiveDate,
        liquidationKind: 'REORGANISATION',
        successors: successorIds.map((institutionId) => ({ institutionId, kind, effectiveDate })),
      },
      ['status', 'liquidatedOn', 'liquidationKind'],
    );

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

  it('on a merger, transfers every in-force licence to the successor, which gets a linked licence at its place with the same address', async () => {
    const shared = 'Ausekļa iela 25, Valmiera';
    const successor = await announce({
      name: 'Valmieras Apvienotā skola',
      implementationPlaces: [place(shared.toUpperCase()), place('Rīgas iela 3, Valmiera')],
    });
    const predecessor = await announce({
      name: 'Valmieras 2. pamatskola',
      implementationPlaces: [place(shared), place('Lāčplēša iela 1, Valmiera')],
    });
    const general = await issue(predecessor, 0);
    await issue(predecessor, 1, {
      programmeCode: '21015811',
      programmeName: 'Speciālā pamatizglītība',
      kind: 'SPECIAL',
      specialNeedsCategory: 'INTELLECTUAL_DEVELOPMENT_DISORDERS',
    });

    const event = reorganised(predecessor, 'MERGER', [successor.id], '2025-09-01');
    await feed.send(event);
    const transferred = await eventually(
      () => harness.request(LICENCE, { id: general.id }),
      (r) => r.data?.licence?.status === 'TRANSFERRED',
      { what: 'the licence to transfer' },
    );
    expect(transferred.data.licence.endedOn).toBe('2025-09-01');
    expect(transferred.data.licence.decisions.at(-1).kind).toBe('TRANSFERRED');

    const entities = await harness.direct(INSTITUTION_LICENCES, { representations: [{ __typename: 'Institution', id: successor.id }] });
    const taken = entities.data._entities[0].licences;
    expect(taken.length).toBe(2);
    const takenGeneral = taken.find((l: any) => l.programmeCode === '21011111');
    const takenSpecial = taken.find((l: any) => l.programmeCode === '21015811');
    expect([takenGeneral.status, takenGeneral.issuedOn, takenGeneral.continues.id, takenGeneral.institution.id]).toStrictEqual([
      'ACTIVE',
      '2025-09-01',
      general.id,
      successor.id,
    ]);
    expect(transferred.data.licence.continuedBy.id).toBe(takenGeneral.id);
    // By address: the successor's own place for the shared address, the predecessor's place otherwise.
    expect(takenGeneral.implementationPlaces).toStrictEqual([{ id: successor.implementationPlaces[0]!.id, address: shared.toUpperCase() }]);
    expect(takenSpecial.implementationPlaces).toStrictEqual([
      { id: predecessor.implementationPlaces[1]!.id, address: 'Lāčplēša iela 1, Valmiera' },
    ]);
    expect([takenSpecial.kind, takenSpecial.specialNeedsCategory]).toStrictEqual(['SPECIAL', 'INTELLECTUAL_DEVELOPMENT_DISORDERS']);
    expect(takenGeneral.decisions[0].kind).toBe('TAKEN_OVER');

    const published = await eventually(
      async () => recorder.eventsFor(Topics.licensingLicence, [general.id, takenGeneral.id]),
      (events) => events.length === 3,
      { what: 'issued, transferred and the successor licence issued' },
    );
    expect(published.map((e) => `${e.subject === general.id ? 'predecessor' : 'successor'}:${e.type}`).sort()).toStrictEqual([
      'predecessor:licensing.licence.issued',
      'predecessor:licensing.licence.transferred',
      'successor:licensing.licence.issued',
    ]);
    const transferEvent = published.find((e) => e.type === 'licensing.licence.transferred')!;
    expect(transferEvent.data.state.continuedById).toBe(takenGeneral.id);
    expect(published.find((e) => e.subject === takenGeneral.id)!.data.state.continuesId).toBe(general.id);

    // Replays change nothing: the same event (deduplicated by id) and an equal new one (nothing in force is left).
    await feed.send(event);
    const again = reorganised(predecessor, 'MERGER', [successor.id], '2025-09-01');
    await feed.send(again);
    await eventually(
      async () => (await harness.service.db.query('SELECT 1 FROM processed_event WHERE event_id = $1', [again.id])).length,
      (rows) => rows === 1,
      { what: 'the replay to be handled' },
    );
    const [{ n }] = await harness.service.db.query('SELECT count(*)::int AS n FROM licence WHERE institution_id = $1', [successor.id]);
    expect(n).toBe(2);
  });

  it('on a division, gives the licence to the successor holding its place, and links to a licence that successor already has', async () => {
    const a = 'Dārza iela 4, Smiltene';
    const b = 'Skolas iela 9, Smiltene';
    const first = await announce({ name: 'Smiltenes sākumskola', implementationPlaces: [place('Pils iela 1, Smiltene')] });
    const second = await announce({ name: 'Smiltenes pamatskola', implementationPlaces: [place(b), place(a)] });
    const predecessor = await announce({ name: 'Smiltenes vidusskola', implementationPlaces: [place(a), place(b)] });
    const atA = await issue(predecessor, 0);
    const atB = await issue(predecessor, 1, { programmeCode: '21011112', programmeName: 'Pamatizglītības programma (B)' });
    // The second successor already teaches 21011112 at the address of B.
    const existing = await issue(second, 0, { programmeCode: '21011112', programmeName: 'Pamatizglītības programma (B)' });

    await feed.send(reorganised(predecessor, 'DIVISION', [first.id, second.id], '2025-09-01'));
    const movedA = await eventually(
      () => harness.request(LICENCE, { id: atA.id }),
      (r) => r.data?.licence?.status === 'TRANSFERRED',
      { what: 'A to transfer' },
    );
    const movedB = await eventually(
      () => harness.request(LICENCE, { id: atB.id }),
      (r) => r.data?.licence?.status === 'TRANSFERRED',
      { what: 'B to transfer' },
    );
    const continuedA = await harness.request(LICENCE, { id: movedA.data.licence.continuedBy.id });
    expect(continuedA.data.licence.institution.id).toBe(second.id);
    expect(continuedA.data.licence.implementationPlaces).toStrictEqual([{ id: second.implementationPlaces[1]!.id, address: a }]);
    expect(movedB.data.licence.continuedBy.id).toBe(existing.id);
    const [{ n }] = await harness.service.db.query('SELECT count(*)::int AS n FROM licence WHERE institution_id = $1', [first.id]);
    expect(n).toBe(0);
  });
});
