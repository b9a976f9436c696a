import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, Topics, type Caller, type RegistryInstitutionState, DayClock } from '@eq/shared';
import { eventually } from '../../../test/support/eventually';
import { startGatewayHarness, type GatewayHarness } from '../../../test/support/gatewayHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { defineAccreditation } from '../src';
import { LicensingFeed } from './licensingFeed';
import { RegistryFeed } from '../../../test/support/registryFeed';

const OFFICER: Caller = { role: Role.OFFICER, subject: 'officer-7' };
const PUBLIC: Caller = { role: Role.PUBLIC };
const school = (institutionId: string): Caller => ({ role: Role.SCHOOL, subject: 'head-1', institutionId });

/** The service's "today", moved by the tests; the expiry job runs every 100 ms against it. */
const clock = new DayClock('2024-10-01');

const APPLICATION_FIELDS = `
  id kind status submittedOn programmeCode institution { id } licence { id }
  implementationPlaces { id address }
  evaluation { evaluatedOn evaluatorsNotes results { category level } }
  decision { outcome number date refusalReason }
  accreditation { id kind status termYears termStart termEnd licence { id } programmeCode }
  closedOn closeReason`;

const APPLY = `mutation($input: ApplyForAccreditationInput!) { applyForAccreditation(input: $input) { application { ${APPLICATION_FIELDS} } } }`;
const EVALUATE = `mutation($input: RecordAccreditationEvaluationInput!) { recordAccreditationEvaluation(input: $input) { application { ${APPLICATION_FIELDS} } } }`;
const DECIDE = `mutation($input: DecideAccreditationInput!) { decideAccreditation(input: $input) { application { ${APPLICATION_FIELDS} } accreditation { id status termYears termEnd applicationDueBy application { id } } } }`;
const REFUSE = `mutation($input: RefuseAccreditationInput!) { refuseAccreditation(input: $input) { application { ${APPLICATION_FIELDS} } } }`;
const APPLICATION = `query($id: ID!) { accreditationApplication(id: $id) { ${APPLICATION_FIELDS} } }`;
const ACCREDITATION = `query($id: ID!) { accreditation(id: $id) { id status termEnd applicationDueBy endedOn endReason applicationOverdue extensions { reason decisionNumber previousTermEnd termEnd } } }`;
const ACCREDIT = `mutation($input: AccreditInstitutionInput!) { accreditInstitution(input: $input) { accreditation { id termEnd applicationDueBy } } }`;
const EXTEND = `mutation($input: ExtendAccreditationInput!) { extendAccreditation(input: $input) { accreditation { id termEnd applicationDueBy extensions { reason previousTermEnd termEnd } } } }`;
const AWAITING = `query($withinDays: Int) { accreditationsAwaitingApplication(withinDays: $withinDays) { id applicationDueBy applicationOverdue } }`;
const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Licence { id accreditation { id status endReason endedOn programmeCode results { category level } } }
    ... on Institution { id currentAccreditation { id } }
  }
}`;

const results = (level = 'GOOD') => [
  { category: 'FITNESS_FOR_PURPOSE', level: 'VERY_GOOD' },
  { category: 'QUALITY_TEACHING', level },
  { category: 'INCLUSIVE_ENVIRONMENT', level: 'EXCELLENT' },
  { category: 'GOOD_GOVERNANCE', level: 'GOOD' },
];

describe('the accreditation process', () => {
  let harness: GatewayHarness;
  let registry: RegistryFeed;
  let licensing: LicensingFeed;
  let recorder: TopicRecorder;

  const count = async (sql: string, params: unknown[]) => ((await harness.service.db.query(sql, params)) as unknown[]).length;

  /** Announces an institution with two implementation places and waits until the replica has it. */
  const registerInstitution = async (): Promise<RegistryInstitutionState> => {
    const base = RegistryFeed.institution();
    const state = RegistryFeed.institution({
      id: base.id,
      implementationPlaces: [
        ...base.implementationPlaces,
        { id: crypto.randomUUID(), address: 'Rīgas iela 10, Valmiera', municipality: 'Valmieras novads', planningRegion: 'VIDZEME' },
      ],
    });
    await registry.send(RegistryFeed.event('registry.institution.registered', state, Object.keys(state)));
    await eventually(
      () => count('SELECT 1 FROM registry_institution WHERE id = $1', [state.id]),
      (rows) => rows === 1,
      { what: 'the institution in the replica' },
    );
    return state;
  };

  /** Announces a licence as licensing would and waits until the read model has it. */
  const issueLicence = async (institution: RegistryInstitutionState) => {
    const licence = LicensingFeed.licence(institution.id, {
      id: institution.implementationPlaces[0]!.id,
      address: institution.implementationPlaces[0]!.address,
    });
    await licensing.send(LicensingFeed.event('licensing.licence.issued', licence, Object.keys(licence)));
    await eventually(
      () => count('SELECT 1 FROM known_licence WHERE id = $1', [licence.id]),
      (rows) => rows === 1,
      { what: 'the licence in the read model' },
    );
    return licence;
  };

  const ok = <T>(response: { data?: T; errors?: unknown }): T => {
    expect(response.errors).toBe(undefined);
    return response.data!;
  };

  /** Applies, evaluates and decides; returns the decided application and its accreditation. */
  const accreditThroughApplication = async (institutionId: string, input: Record<string, unknown> = {}, level = 'GOOD') => {
    const applied = ok(await harness.request(APPLY, { input: { institutionId, submittedOn: '2024-05-02', ...input } }, OFFICER)) as any;
    const id = applied.applyForAccreditation.application.id;
    ok(
      await harness.request(
        EVALUATE,
        {
          input: {
            applicationId: id,
            evaluatedOn: '2024-06-10',
            results: results(level),
            evaluatorsNotes: 'Lessons observed in 5 classes.',
          },
        },
        OFFICER,
      ),
    );
    const decided = ok(
      await harness.request(
        DECIDE,
        { input: { applicationId: id, decisionNumber: 'IKVD-A-2024/400', decisionDate: '2024-08-20', termStart: '2024-09-01' } },
        OFFICER,
      ),
    ) as any;
    return decided.decideAccreditation;
  };

  beforeAll(async () => {
    harness = await startGatewayHarness(defineAccreditation({ clock, expiryIntervalMs: 100, expiringNoticeDays: 180 }));
    registry = await new RegistryFeed(harness.infrastructure.kafkaBrokers).start();
    licensing = await new LicensingFeed(harness.infrastructure.kafkaBrokers).start();
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([
      Topics.accreditationAccreditation,
      Topics.accreditationApplication,
    ]);
  });
  afterAll(async () => {
    await recorder?.stop();
    await licensing?.stop();
    await registry?.stop();
    await harness?.close();
  });

  it('takes an institution from application through evaluation to an accreditation, publishing each step', async () => {
    clock.date = '2024-10-01';
    const institution = await registerInstitution();

    // An application lists every implementation place: leaving one out is refused and stores nothing.
    const partial = await harness.request(
      APPLY,
      { input: { institutionId: institution.id, implementationPlaceIds: [institution.implementationPlaces[0]!.id] } },
      school(institution.id),
    );
    expect(partial.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(partial.errors![0]!.message).toMatch(/Rīgas iela 10, Valmiera/);
    expect(await count('SELECT 1 FROM accreditation_application WHERE institution_id = $1', [institution.id])).toBe(0);

    // A school applies for its own institution only.
    const other = await harness.request(APPLY, { input: { institutionId: institution.id } }, school(crypto.randomUUID()));
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const applied = ok(
      await harness.request(
        APPLY,
        {
          input: {
            institutionId: institution.id,
            implementationPlaceIds: institution.implementationPlaces.map((p) => p.id).reverse(),
            submittedOn: '2024-05-02',
          },
        },
        school(institution.id),
      ),
    ) as any;
    const application = applied.applyForAccreditation.application;
    expect(application.status).toBe('SUBMITTED');
    expect(application.kind).toBe('INSTITUTION');
    expect(application.implementationPlaces).toStrictEqual(institution.implementationPlaces.map(({ id, address }) => ({ id, address })));

    // One open application at a time; a decision needs an evaluation first.
    const twice = await harness.request(APPLY, { input: { institutionId: institution.id } }, OFFICER);
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const early = await harness.request(
      DECIDE,
      { input: { applicationId: application.id, decisionNumber: 'X-1', decisionDate: '2024-08-20' } },
      OFFICER,
    );
    expect(early.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(early.errors![0]!.message).toMatch(/evaluation first/);

    const missing = await harness.request(
      EVALUATE,
      { input: { applicationId: application.id, evaluatedOn: '2024-06-10', results: results().slice(1) } },
      OFFICER,
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const evaluated = ok(
      await harness.request(
        EVALUATE,
        {
          input: {
            applicationId: application.id,
            evaluatedOn: '2024-06-10',
            results: results(),
            evaluatorsNotes: 'The head keeps no minutes of council meetings.',
          },
        },
        OFFICER,
      ),
    ) as any;
    expect(evaluated.recordAccreditationEvaluation.application.status).toBe('EVALUATED');
    expect(evaluated.recordAccreditationEvaluation.application.evaluation.evaluatorsNotes).toBe(
      'The head keeps no minutes of council meetings.',
    );

    // The school sees its results, not the evaluators' notes; the public sees no application.
    const bySchool = ok(await harness.request(APPLICATION, { id: application.id }, school(institution.id))) as any;
    expect(bySchool.accreditationApplication.evaluation.results.length).toBe(4);
    expect(bySchool.accreditationApplication.evaluation.evaluatorsNotes).toBe(null);
    expect((ok(await harness.request(APPLICATION, { id: application.id }, PUBLIC)) as any).accreditationApplication).toBe(null);

    const decided = ok(
      await harness.request(
        DECIDE,
        {
          input: { applicationId: application.id, decisionNumber: 'IKVD-A-2024/400', decisionDate: '2024-08-20', termStart: '2024-09-01' },
        },
        OFFICER,
      ),
    ) as any;
    const { application: decidedApplication, accreditation } = decided.decideAccreditation;
    expect(decidedApplication.status).toBe('ACCREDITED');
    expect(decidedApplication.decision).toStrictEqual({
      outcome: 'ACCREDITED',
      number: 'IKVD-A-2024/400',
      date: '2024-08-20',
      refusalReason: null,
    });
    expect(decidedApplication.accreditation.id).toBe(accreditation.id);
    expect({ ...accreditation, application: accreditation.application.id }).toStrictEqual({
      id: accreditation.id,
      status: 'ACTIVE',
      termYears: 6,
      termEnd: '2030-08-31',
      applicationDueBy: '2030-04-30',
      application: application.id,
    });
    const current = ok(await harness.direct(ENTITIES, { representations: [{ __typename: 'Institution', id: institution.id }] })) as any;
    expect(current._entities[0].currentAccreditation.id).toBe(accreditation.id);

    // A decided application is final.
    const again = await harness.request(
      REFUSE,
      { input: { applicationId: application.id, decisionNumber: 'X-2', decisionDate: '2024-08-21', reason: 'second thoughts' } },
      OFFICER,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const steps = await eventually(
      async () => recorder.eventsFor(Topics.accreditationApplication, [application.id]),
      (events) => events.length === 3,
      { what: 'the application events' },
    );
    expect(steps.map((e) => e.type)).toStrictEqual([
      'accreditation.application.submitted',
      'accreditation.application.evaluated',
      'accreditation.application.decided',
    ]);
    expect('evaluatorsNotes' in steps[1]!.data.state).toBe(false);
    expect(steps[2]!.data.state.accreditationId).toBe(accreditation.id);
    const granted = await eventually(
      async () => recorder.eventsFor(Topics.accreditationAccreditation, [accreditation.id]),
      (events) => events.length === 1,
      { what: 'the granted event' },
    );
    expect(granted[0]!.type).toBe('accreditation.accreditation.granted');
    expect(granted[0]!.data.state.applicationId).toBe(application.id);
  });

  it('records a refusal as a decision with its reason', async () => {
    clock.date = '2024-10-01';
    const institution = await registerInstitution();
    const applied = ok(
      await harness.request(APPLY, { input: { institutionId: institution.id, submittedOn: '2024-05-02' } }, OFFICER),
    ) as any;
    const id = applied.applyForAccreditation.application.id;
    ok(
      await harness.request(
        EVALUATE,
        { input: { applicationId: id, evaluatedOn: '2024-06-10', results: results('INSUFFICIENT') } },
        OFFICER,
      ),
    );

    // Results the term policy refuses cannot be accredited; they are refused by decision.
    const decide = await harness.request(
      DECIDE,
      { input: { applicationId: id, decisionNumber: 'IKVD-A-2024/401', decisionDate: '2024-08-20' } },
      OFFICER,
    );
    expect(decide.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(await count('SELECT 1 FROM accreditation WHERE institution_id = $1', [institution.id])).toBe(0);
    const noReason = await harness.request(
      REFUSE,
      { input: { applicationId: id, decisionNumber: 'IKVD-A-2024/401', decisionDate: '2024-08-20', reason: ' ' } },
      OFFICER,
    );
    expect(noReason.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');

    const refused = ok(
      await harness.request(
        REFUSE,
        {
          input: {
            applicationId: id,
            decisionNumber: 'IKVD-A-2024/401',
            decisionDate: '2024-08-20',
            reason: 'Quality teaching assessed insufficient',
          },
        },
        OFFICER,
      ),
    ) as any;
    const application = refused.refuseAccreditation.application;
    expect(application.status).toBe('REFUSED');
    expect(application.decision).toStrictEqual({
      outcome: 'REFUSED',
      number: 'IKVD-A-2024/401',
      date: '2024-08-20',
      refusalReason: 'Quality teaching assessed insufficient',
    });
    expect(application.accreditation).toBe(null);
    const events = await eventually(
      async () => recorder.eventsFor(Topics.accreditationApplication, [id]),
      (list) => list.some((e) => e.type === 'accreditation.application.refused'),
      { what: 'the refusal event' },
    );
    expect(events.at(-1)!.data.state.decision.refusalReason).toBe('Quality teaching assessed insufficient');

    // After a refusal the institution may apply again.
    ok(await harness.request(APPLY, { input: { institutionId: institution.id } }, OFFICER));
  });

  it("moves a programme accreditation to the successor's licence on a transfer, whichever event comes first, and ends it when that licence is accredited already", async () => {
    clock.date = '2024-10-01';
    const predecessor = await registerInstitution();
    const successor = await registerInstitution();
    const place = { id: predecessor.implementationPlaces[0]!.id, address: predecessor.implementationPlaces[0]!.address };
    const moving = await issueLicence(predecessor);
    const linked = await issueLicence(predecessor);
    const successorsOwn = await issueLicence(successor);
    const moved = (await accreditThroughApplication(predecessor.id, { licenceId: moving.id })).accreditation;
    const superseded = (await accreditThroughApplication(predecessor.id, { licenceId: linked.id })).accreditation;
    const standing = (await accreditThroughApplication(successor.id, { licenceId: successorsOwn.id })).accreditation;
    const read = async (id: string) =>
      (
        ok(
          await harness.request(
            `query($id: ID!) { accreditation(id: $id) { status endedOn endReason institution { id } licence { id } } }`,
            { id },
          ),
        ) as any
      ).accreditation;

    // The registry ends the predecessor by reorganisation: its programmes wait for their licences.
    const reorganised = {
      ...predecessor,
      status: 'LIQUIDATED',
      liquidatedOn: '2025-03-20',
      liquidationKind: 'REORGANISATION',
      successors: [{ institutionId: successor.id, kind: 'MERGER', effectiveDate: '2025-03-20' }],
    };
    const registryEvent = RegistryFeed.event('registry.institution.reorganised', reorganised as RegistryInstitutionState, [
      'status',
      'liquidatedOn',
      'liquidationKind',
      'successors',
    ]);
    await registry.send(registryEvent);
    await eventually(
      () => count('SELECT 1 FROM processed_event WHERE event_id = $1', [registryEvent.id]),
      (rows) => rows === 1,
      { what: 'the reorganisation to be handled' },
    );
    expect((await read(moved.id)).status).toStrictEqual('ACTIVE');

    // Transferred first, then the successor's new licence: the move waits until both are known.
    const takenOver = LicensingFeed.licence(successor.id, place, { continuesId: moving.id, issuedOn: '2025-03-20' });
    const transferred = { ...moving, status: 'TRANSFERRED', endedOn: '2025-03-20', continuedById: takenOver.id };
    await licensing.send(LicensingFeed.event('licensing.licence.transferred', transferred, ['status', 'endedOn', 'continuedById']));
    await licensing.send(LicensingFeed.event('licensing.licence.issued', takenOver, Object.keys(takenOver)));
    const followed = await eventually(
      () => read(moved.id),
      (a) => a.licence.id === takenOver.id,
      { what: 'the accreditation to follow its licence' },
    );
    expect(followed).toStrictEqual({
      status: 'ACTIVE',
      endedOn: null,
      endReason: null,
      institution: { id: successor.id },
      licence: { id: takenOver.id },
    });

    // Linked to a licence the successor already held, and accredited: that accreditation stands.
    const linkedTransfer = { ...linked, status: 'TRANSFERRED', endedOn: '2025-03-20', continuedById: successorsOwn.id };
    await licensing.send(LicensingFeed.event('licensing.licence.transferred', linkedTransfer, ['status', 'endedOn', 'continuedById']));
    const ended = await eventually(
      () => read(superseded.id),
      (a) => a.status === 'ENDED',
      { what: 'the superseded accreditation to end' },
    );
    expect(ended).toStrictEqual({
      status: 'ENDED',
      endedOn: '2025-03-20',
      endReason: 'LICENCE_TRANSFERRED',
      institution: { id: predecessor.id },
      licence: { id: linked.id },
    });
    expect((await read(standing.id)).status).toBe('ACTIVE');

    const types = await eventually(
      async () => recorder.eventsFor(Topics.accreditationAccreditation, [moved.id, superseded.id]).map((e) => e.type),
      (list) => list.length === 4,
      { what: 'the transferred and ended events' },
    );
    expect([...types].sort()).toStrictEqual([
      'accreditation.accreditation.ended',
      'accreditation.accreditation.granted',
      'accreditation.accreditation.granted',
      'accreditation.accreditation.transferred',
    ]);
  });

  it('accredits a programme by its licence and ends that accreditation when licensing revokes the licence', async () => {
    clock.date = '2024-10-01';
    const institution = await registerInstitution();
    const licence = await issueLicence(institution);

    const unknown = await harness.request(APPLY, { input: { institutionId: institution.id, licenceId: crypto.randomUUID() } }, OFFICER);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const { application, accreditation } = await accreditThroughApplication(institution.id, { licenceId: licence.id });
    expect(application.kind).toBe('PROGRAMME');
    expect(application.programmeCode).toBe('21011111');
    expect(application.implementationPlaces).toStrictEqual([licence.implementationPlace]);
    expect(application.accreditation.licence).toStrictEqual({ id: licence.id });

    // Licence.accreditation: accreditation extends licensing's entity.
    const entity = ok(await harness.direct(ENTITIES, { representations: [{ __typename: 'Licence', id: licence.id }] })) as any;
    expect(entity._entities[0].accreditation.id).toBe(accreditation.id);
    expect(entity._entities[0].accreditation.status).toBe('ACTIVE');
    expect(entity._entities[0].accreditation.results.length).toBe(4);
    // A programme accreditation is not the institution's own.
    const inst = ok(await harness.direct(ENTITIES, { representations: [{ __typename: 'Institution', id: institution.id }] })) as any;
    expect(inst._entities[0].currentAccreditation).toBe(null);

    // An open application for the same licence closes with the licence too.
    const next = ok(await harness.request(APPLY, { input: { institutionId: institution.id, licenceId: licence.id } }, OFFICER)) as any;
    const nextId = next.applyForAccreditation.application.id;

    const revoked = { ...licence, status: 'REVOKED', revokedOn: '2025-02-14', endedOn: '2025-02-14' };
    const revocation = LicensingFeed.event('licensing.licence.revoked', revoked, ['status', 'revokedOn', 'endedOn']);
    await licensing.send(revocation);
    const ended = await eventually(
      () => harness.direct(ENTITIES, { representations: [{ __typename: 'Licence', id: licence.id }] }),
      (response) => response.data?._entities[0].accreditation?.status === 'ENDED',
      { what: 'the programme accreditation to end' },
    );
    expect({
      endReason: ended.data._entities[0].accreditation.endReason,
      endedOn: ended.data._entities[0].accreditation.endedOn,
    }).toStrictEqual({ endReason: 'LICENCE_REVOKED', endedOn: '2025-02-14' });
    const closed = ok(await harness.request(APPLICATION, { id: nextId }, OFFICER)) as any;
    expect([closed.accreditationApplication.status, closed.accreditationApplication.closeReason]).toStrictEqual([
      'CLOSED',
      'LICENCE_ENDED',
    ]);

    // The revoked licence accredits nothing more.
    const refused = await harness.request(APPLY, { input: { institutionId: institution.id, licenceId: licence.id } }, OFFICER);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    // Replays change nothing: the same event again, then a second revocation event.
    await licensing.send(revocation);
    const repeat = LicensingFeed.event('licensing.licence.revoked', revoked, ['status']);
    await licensing.send(repeat);
    await eventually(
      () => count('SELECT 1 FROM processed_event WHERE event_id = $1', [repeat.id]),
      (rows) => rows === 1,
      { what: 'the repeated revocation' },
    );
    expect(
      await count(`SELECT 1 FROM outbox_event WHERE key = $1 AND payload->>'type' = 'accreditation.accreditation.ended'`, [
        accreditation.id,
      ]),
    ).toBe(1);
    const published = await eventually(
      async () => recorder.eventsFor(Topics.accreditationAccreditation, [accreditation.id]),
      (events) => events.length === 2,
      { what: 'the ended event' },
    );
    expect(published.map((e) => e.type)).toStrictEqual(['accreditation.accreditation.granted', 'accreditation.accreditation.ended']);
    expect(published[1]!.data.state.licenceId).toBe(licence.id);
    expect(published[1]!.data.state.endReason).toBe('LICENCE_REVOKED');
  });

  it('closes open applications when the institution is liquidated', async () => {
    clock.date = '2024-10-01';
    const institution = await registerInstitution();
    const applied = ok(await harness.request(APPLY, { input: { institutionId: institution.id } }, OFFICER)) as any;
    const id = applied.applyForAccreditation.application.id;
    await registry.send(
      RegistryFeed.event('registry.institution.liquidated', { ...institution, status: 'LIQUIDATED', liquidatedOn: '2024-09-30' }, [
        'status',
        'liquidatedOn',
      ]),
    );
    const closed = await eventually(
      () => harness.request(APPLICATION, { id }, OFFICER),
      (response) => response.data?.accreditationApplication?.status === 'CLOSED',
      { what: 'the application to close' },
    );
    expect([closed.data.accreditationApplication.closedOn, closed.data.accreditationApplication.closeReason]).toStrictEqual([
      '2024-09-30',
      'INSTITUTION_LIQUIDATED',
    ]);
  });

  it('extends a term during building works by at most two years past the term granted', async () => {
    clock.date = '2024-10-01';
    const institution = await registerInstitution();
    const granted = ok(
      await harness.request(
        ACCREDIT,
        {
          input: {
            institutionId: institution.id,
            decisionNumber: 'IKVD-A-2024/500',
            decisionDate: '2024-08-20',
            termStart: '2024-09-01',
            results: results(),
          },
        },
        OFFICER,
      ),
    ) as any;
    const id = granted.accreditInstitution.accreditation.id;
    const extend = (termEnd: string, decisionNumber: string) =>
      harness.request(
        EXTEND,
        { input: { accreditationId: id, reason: 'BUILDING_WORKS', decisionNumber, decisionDate: '2024-09-30', termEnd } },
        OFFICER,
      );

    const tooFar = await extend('2032-09-01', 'IKVD-E-1');
    expect(tooFar.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(tooFar.errors![0]!.message).toMatch(/2032-08-31/);
    expect(await count('SELECT 1 FROM accreditation_extension WHERE accreditation_id = $1', [id])).toBe(0);

    const once = ok(await extend('2031-08-31', 'IKVD-E-1')) as any;
    expect(once.extendAccreditation.accreditation).toStrictEqual({
      id,
      termEnd: '2031-08-31',
      applicationDueBy: '2031-04-30',
      extensions: [{ reason: 'BUILDING_WORKS', previousTermEnd: '2030-08-31', termEnd: '2031-08-31' }],
    });
    // A second extension still counts from the term granted: one year more is the ceiling.
    const pastCeiling = await extend('2032-12-31', 'IKVD-E-2');
    expect(pastCeiling.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const twice = ok(await extend('2032-08-31', 'IKVD-E-2')) as any;
    expect(twice.extendAccreditation.accreditation.extensions.length).toBe(2);

    const forbidden = await harness.request(
      EXTEND,
      { input: { accreditationId: id, reason: 'REORGANISATION', decisionNumber: 'X', decisionDate: '2024-09-30', termEnd: '2032-08-31' } },
      PUBLIC,
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const events = await eventually(
      async () => recorder.eventsFor(Topics.accreditationAccreditation, [id]),
      (list) => list.length === 3,
      { what: 'the extended events' },
    );
    expect(events.map((e) => e.type)).toStrictEqual([
      'accreditation.accreditation.granted',
      'accreditation.accreditation.extended',
      'accreditation.accreditation.extended',
    ]);
    expect(events[2]!.data.state.termEnd).toBe('2032-08-31');
  });

  it('flags an overdue application, announces the expiry and expires the accreditation after its term by the clock', async () => {
    clock.date = '2024-10-01';
    const institution = await registerInstitution();
    // NEEDS_IMPROVEMENT: two years, 2024-09-01 to 2026-08-31, applications due by 2026-04-30.
    const granted = ok(
      await harness.request(
        ACCREDIT,
        {
          input: {
            institutionId: institution.id,
            decisionNumber: 'IKVD-A-2024/600',
            decisionDate: '2024-08-20',
            termStart: '2024-09-01',
            results: results('NEEDS_IMPROVEMENT'),
          },
        },
        OFFICER,
      ),
    ) as any;
    const id = granted.accreditInstitution.accreditation.id;
    const awaiting = async (withinDays?: number) =>
      (ok(await harness.request(AWAITING, { withinDays }, OFFICER)) as any).accreditationsAwaitingApplication as Array<{
        id: string;
        applicationOverdue: boolean;
      }>;

    expect((await awaiting()).some((a) => a.id === id)).toBe(false);
    expect((await awaiting(600)).find((a) => a.id === id)).toStrictEqual({ id, applicationDueBy: '2026-04-30', applicationOverdue: false });

    clock.date = '2026-05-01';
    expect((await awaiting()).find((a) => a.id === id)).toStrictEqual({ id, applicationDueBy: '2026-04-30', applicationOverdue: true });
    expect((await harness.request(AWAITING, {}, PUBLIC)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // 2026-05-01 is within 180 days of 2026-08-31: the expiry is announced, once.
    const expiring = await eventually(
      async () => recorder.eventsFor(Topics.accreditationAccreditation, [id]),
      (events) => events.some((e) => e.type === 'accreditation.accreditation.expiring'),
      { what: 'the expiring event' },
    );
    expect(expiring.at(-1)!.data.state.termEnd).toBe('2026-08-31');

    // Applying takes the institution off the list.
    ok(await harness.request(APPLY, { input: { institutionId: institution.id } }, OFFICER));
    expect((await awaiting()).some((a) => a.id === id)).toBe(false);
    expect((ok(await harness.request(ACCREDITATION, { id }, OFFICER)) as any).accreditation.applicationOverdue).toBe(false);

    // The last day of the term it is still active; the day after, it has expired.
    clock.date = '2026-08-31';
    expect((ok(await harness.request(ACCREDITATION, { id })) as any).accreditation.status).toBe('ACTIVE');
    clock.date = '2026-09-01';
    await eventually(
      () => harness.request(ACCREDITATION, { id }),
      (response) => response.data?.accreditation?.status === 'EXPIRED',
      { what: 'the accreditation to expire' },
    );
    const published = await eventually(
      async () => recorder.eventsFor(Topics.accreditationAccreditation, [id]),
      (events) => events.some((e) => e.type === 'accreditation.accreditation.expired'),
      { what: 'the expired event' },
    );
    expect(published.map((e) => e.type)).toStrictEqual([
      'accreditation.accreditation.granted',
      'accreditation.accreditation.expiring',
      'accreditation.accreditation.expired',
    ]);
    expect(published[2]!.data.state.status).toBe('EXPIRED');
    const inst = ok(await harness.direct(ENTITIES, { representations: [{ __typename: 'Institution', id: institution.id }] })) as any;
    expect(inst._entities[0].currentAccreditation).toBe(null);
    clock.date = '2024-10-01';
  });
});
