import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRegistry } from '@eq/registry';
import { Role, Topics } from '@eq/shared';
import { eventually } from './support/eventually';
import { institutionInput, LIQUIDATE, REGISTER } from './support/fixtures';
import { startTestStack, type TestStack } from './support/testStack';
import { TopicRecorder } from './support/topicRecorder';

const AMEND = /* GraphQL */ `
  mutation Amend($input: AmendInstitutionInput!) {
    amendInstitution(input: $input) {
      applied
      institution {
        id
        name
      }
    }
  }
`;
const REORGANISE = /* GraphQL */ `
  mutation Reorganise($input: ReorganiseInstitutionsInput!) {
    reorganiseInstitutions(input: $input) {
      applied
      predecessors {
        id
        status
        liquidationKind
      }
      successors {
        id
      }
    }
  }
`;
const LIQUIDATE_LATER = /* GraphQL */ `
  mutation RegistryRegisterLiquidate($input: LiquidateInstitutionInput!) {
    liquidateInstitution(input: $input) {
      applied
      institution {
        status
      }
    }
  }
`;
const AS_OF = /* GraphQL */ `
  query AsOf($id: ID!, $asOf: Date) {
    institution(id: $id, asOf: $asOf) {
      name
      status
      liquidatedOn
      implementationPlaces {
        address
      }
    }
  }
`;

/** The register's clock, moved by the tests: decisions take effect on "today"; "now" is 09:00 UTC that day. */
const clock = {
  date: '2024-10-01',
  today() {
    return this.date;
  },
  now() {
    return new Date(`${this.date}T09:00:00Z`);
  },
};

describe('register of education institutions', () => {
  let stack: TestStack;
  let recorder: TopicRecorder;
  let officer: string;
  const register = async (overrides: Record<string, unknown> = {}) =>
    (await stack.client.data(REGISTER, { input: institutionInput(overrides) }, officer)).registerInstitution.institution;

  beforeAll(async () => {
    stack = await startTestStack('registry', { definitions: { registry: createRegistry({ clock, scheduleIntervalMs: 100 }) as never } });
    recorder = await new TopicRecorder(stack.infrastructure.kafkaBrokers).start([Topics.registryInstitution]);
    officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-7' });
  });
  afterAll(async () => {
    await recorder?.stop();
    await stack?.close();
  });

  it('answers asOf with the entry as it stood before and after an amendment, and keeps every change in the history', async () => {
    const institution = await register({ name: 'Valmieras tehnikums', decision: { number: 'R-1', date: '2024-08-01' } });
    const amended = await stack.client.data(
      AMEND,
      {
        input: {
          id: institution.id,
          name: 'Valmieras Viesturs tehnikums',
          addImplementationPlaces: [{ address: 'Rīgas iela 1, Valmiera', municipality: 'valmieras NOVADS', planningRegion: 'VIDZEME' }],
          decision: { number: 'G-2', date: '2024-09-10', effectiveDate: '2024-09-15' },
        },
      },
      officer,
    );
    expect(amended.amendInstitution.applied).toBe(true);

    const before = await stack.client.data(AS_OF, { id: institution.id, asOf: '2024-09-14' });
    const afterwards = await stack.client.data(AS_OF, { id: institution.id, asOf: '2024-09-15' });
    const beforeRegistration = await stack.client.data(AS_OF, { id: institution.id, asOf: '2024-07-31' });
    expect(before.institution.name).toBe('Valmieras tehnikums');
    expect(before.institution.implementationPlaces.length).toBe(2);
    expect(afterwards.institution.name).toBe('Valmieras Viesturs tehnikums');
    expect(afterwards.institution.implementationPlaces.length).toBe(3);
    expect(beforeRegistration.institution).toBe(null);

    const { institution: withHistory } = await stack.client.data(
      'query($id: ID!) { institution(id: $id) { history { field oldValue newValue effectiveDate pending recordedBy decision { kind number } } } }',
      { id: institution.id },
      officer,
    );
    const nameChange = withHistory.history.find((entry: any) => entry.field === 'name' && entry.decision.kind === 'AMENDMENT');
    expect({
      old: JSON.parse(nameChange.oldValue),
      new: JSON.parse(nameChange.newValue),
      effective: nameChange.effectiveDate,
      by: nameChange.recordedBy,
    }).toStrictEqual({ old: 'Valmieras tehnikums', new: 'Valmieras Viesturs tehnikums', effective: '2024-09-15', by: 'officer-7' });
    const placesChange = withHistory.history.find(
      (entry: any) => entry.field === 'implementationPlaces' && entry.decision.kind === 'AMENDMENT',
    );
    expect(placesChange.newValue).toMatch(/Valmieras novads/);
    const publicView = await stack.client.data('query($id: ID!) { institution(id: $id) { history { recordedBy } } }', {
      id: institution.id,
    });
    assert.ok(
      publicView.institution.history.every((entry: any) => entry.recordedBy === null),
      'who recorded a change is for officers only',
    );
  });

  it('keeps a future-dated liquidation pending until its date, then applies and publishes it', async () => {
    clock.date = '2024-10-01';
    const institution = await register();
    const scheduled = await stack.client.data(
      LIQUIDATE_LATER,
      { input: { id: institution.id, decision: { number: 'L-9', date: '2024-10-01', effectiveDate: '2024-12-31' } } },
      officer,
    );
    expect(scheduled.liquidateInstitution.applied).toBe(false);
    expect(scheduled.liquidateInstitution.institution.status).toBe('ACTIVE');
    const future = await stack.client.data(AS_OF, { id: institution.id, asOf: '2025-01-01' });
    expect(future.institution.status).toBe('LIQUIDATED');
    const again = await stack.client.request(
      LIQUIDATE,
      { input: { id: institution.id, decision: { number: 'L-10', date: '2024-10-02' } } },
      officer,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(recorder.eventsFor(Topics.registryInstitution, [institution.id]).some((e) => e.type === 'registry.institution.liquidated')).toBe(
      false,
    );

    clock.date = '2024-12-31';
    const liquidated = await eventually(
      () => stack.client.data(AS_OF, { id: institution.id }),
      (d) => d.institution.status === 'LIQUIDATED',
      { what: 'the scheduler to apply the liquidation on its date' },
    );
    expect(liquidated.institution.liquidatedOn).toBe('2024-12-31');
    const events = await eventually(
      async () =>
        recorder.eventsFor(Topics.registryInstitution, [institution.id]).filter((e) => e.type === 'registry.institution.liquidated'),
      (found) => found.length === 1,
      { what: 'the liquidation event' },
    );
    expect(events[0]!.data.state.status).toBe('LIQUIDATED');
    clock.date = '2024-10-01';
  });

  it('merges two institutions into a successor that lists both, each linking to it', async () => {
    const [first, second, successor] = [
      await register({ name: 'Pirmā skola' }),
      await register({ name: 'Otrā skola' }),
      await register({ name: 'Apvienotā skola' }),
    ];
    const merged = await stack.client.data(
      REORGANISE,
      {
        input: {
          kind: 'MERGER',
          predecessorIds: [first.id, second.id],
          successorIds: [successor.id],
          decision: { number: 'M-1', date: '2024-09-20' },
        },
      },
      officer,
    );
    expect(merged.reorganiseInstitutions.applied).toBe(true);
    expect(merged.reorganiseInstitutions.predecessors.map((p: any) => [p.status, p.liquidationKind])).toStrictEqual([
      ['LIQUIDATED', 'REORGANISATION'],
      ['LIQUIDATED', 'REORGANISATION'],
    ]);

    const links = await stack.client.data(
      `query($a: ID!, $b: ID!, $c: ID!) {
        a: institution(id: $a) { successors { kind effectiveDate institution { id } } }
        b: institution(id: $b) { successors { institution { id } } }
        c: institution(id: $c) { predecessors { kind institution { name } } }
      }`,
      { a: first.id, b: second.id, c: successor.id },
    );
    expect(links.a.successors).toStrictEqual([{ kind: 'MERGER', effectiveDate: '2024-09-20', institution: { id: successor.id } }]);
    expect(links.b.successors).toStrictEqual([{ institution: { id: successor.id } }]);
    expect(links.c.predecessors.map((p: any) => p.institution.name).sort()).toStrictEqual(['Otrā skola', 'Pirmā skola']);
    const reorganised = await eventually(
      async () => recorder.eventsFor(Topics.registryInstitution, [first.id]).filter((e) => e.type === 'registry.institution.reorganised'),
      (found) => found.length === 1,
      { what: 'the predecessor event' },
    );
    expect(reorganised[0]!.data.state.successors).toStrictEqual([
      { institutionId: successor.id, kind: 'MERGER', effectiveDate: '2024-09-20' },
    ]);

    const shape = await stack.client.request(
      REORGANISE,
      {
        input: {
          kind: 'MERGER',
          predecessorIds: [successor.id],
          successorIds: [first.id],
          decision: { number: 'M-2', date: '2024-09-21' },
        },
      },
      officer,
    );
    expect(shape.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('takes an application through postponement to registration, and refuses another with its reason', async () => {
    const receive =
      'mutation($input: RegistrationApplicationInput!) { receiveRegistrationApplication(input: $input) { institution { id status } } }';
    const { decision: application, ...fields } = institutionInput({ name: 'Jauna privātskola' });
    const received = await stack.client.data(
      receive,
      { input: { ...fields, application: { number: 'IES-1', date: '2024-08-20' } } },
      officer,
    );
    const id = received.receiveRegistrationApplication.institution.id;
    expect(received.receiveRegistrationApplication.institution.status).toBe('PENDING');

    const postpone =
      'mutation($input: PostponeRegistrationInput!) { postponeRegistration(input: $input) { institution { status decisions { kind deadline } } } }';
    const early = await stack.client.request(
      postpone,
      { input: { id, deadline: '2024-08-01', decision: { number: 'P-1', date: '2024-08-25' } } },
      officer,
    );
    expect(early.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const postponed = await stack.client.data(
      postpone,
      { input: { id, deadline: '2024-09-15', decision: { number: 'P-1', date: '2024-08-25', reason: 'Fire-safety report missing' } } },
      officer,
    );
    expect(postponed.postponeRegistration.institution.decisions.map((d: any) => [d.kind, d.deadline])).toStrictEqual([
      ['APPLICATION', null],
      ['POSTPONEMENT', '2024-09-15'],
    ]);

    const approve =
      'mutation($input: RegistrationDecisionInput!) { approveRegistration(input: $input) { institution { status registeredOn } } }';
    const approved = await stack.client.data(approve, { input: { id, decision: { number: 'R-77', date: '2024-09-10' } } }, officer);
    expect(approved.approveRegistration.institution).toStrictEqual({ status: 'ACTIVE', registeredOn: '2024-09-10' });
    const asOfApplication = await stack.client.data(AS_OF, { id, asOf: '2024-09-01' });
    expect(asOfApplication.institution.status).toBe('PENDING');

    const refuse = 'mutation($input: RegistrationDecisionInput!) { refuseRegistration(input: $input) { institution { status } } }';
    const again = await stack.client.request(
      refuse,
      { input: { id, decision: { number: 'X-1', date: '2024-09-11', reason: 'late' } } },
      officer,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const { decision: _d, ...other } = institutionInput({ name: 'Cita privātskola' });
    const second = await stack.client.data(receive, { input: { ...other, application: { number: 'IES-2', date: '2024-08-21' } } }, officer);
    const otherId = second.receiveRegistrationApplication.institution.id;
    const withoutReason = await stack.client.request(
      refuse,
      { input: { id: otherId, decision: { number: 'X-2', date: '2024-09-01' } } },
      officer,
    );
    expect(withoutReason.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const refused = await stack.client.data(
      refuse,
      { input: { id: otherId, decision: { number: 'X-2', date: '2024-09-01', reason: 'The founder withdrew the premises' } } },
      officer,
    );
    expect(refused.refuseRegistration.institution.status).toBe('REFUSED');
  });

  it('revokes an amendment from the revocation date and cancels a pending liquidation', async () => {
    clock.date = '2024-10-01';
    const institution = await register({ name: 'Tukuma skola' });
    await stack.client.data(
      AMEND,
      { input: { id: institution.id, name: 'Tukuma Raiņa skola', decision: { number: 'G-5', date: '2024-09-20' } } },
      officer,
    );
    const decisions = async () =>
      (
        await stack.client.data(
          'query($id: ID!) { institution(id: $id) { name status decisions { id kind number revokedBy { number } } } }',
          { id: institution.id },
        )
      ).institution;
    const amendment = (await decisions()).decisions.find((d: any) => d.kind === 'AMENDMENT');
    const revoke = 'mutation($input: RevokeDecisionInput!) { revokeDecision(input: $input) { applied institution { name } } }';
    const revoked = await stack.client.data(
      revoke,
      { input: { decisionId: amendment.id, decision: { number: 'V-1', date: '2024-09-25', reason: 'Decided on a wrong application' } } },
      officer,
    );
    expect(revoked.revokeDecision).toStrictEqual({ applied: true, institution: { name: 'Tukuma skola' } });
    expect((await stack.client.data(AS_OF, { id: institution.id, asOf: '2024-09-22' })).institution.name).toBe('Tukuma Raiņa skola');
    expect((await decisions()).decisions.find((d: any) => d.id === amendment.id).revokedBy).toStrictEqual({ number: 'V-1' });
    const twice = await stack.client.request(
      revoke,
      { input: { decisionId: amendment.id, decision: { number: 'V-2', date: '2024-09-26' } } },
      officer,
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const registration = (await decisions()).decisions.find((d: any) => d.kind === 'REGISTRATION');
    const notRevocable = await stack.client.request(
      revoke,
      { input: { decisionId: registration.id, decision: { number: 'V-3', date: '2024-09-26' } } },
      officer,
    );
    expect(notRevocable.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');

    await stack.client.data(
      LIQUIDATE_LATER,
      { input: { id: institution.id, decision: { number: 'L-50', date: '2024-10-01', effectiveDate: '2024-11-30' } } },
      officer,
    );
    const liquidation = (await decisions()).decisions.find((d: any) => d.kind === 'LIQUIDATION');
    await stack.client.data(revoke, { input: { decisionId: liquidation.id, decision: { number: 'V-4', date: '2024-10-02' } } }, officer);
    clock.date = '2024-12-01';
    const applyRuns = await stack.services.registry!.db.query(
      'SELECT count(*)::int AS n FROM institution_change WHERE institution_id = $1 AND cancelled_at IS NOT NULL',
      [institution.id],
    );
    assert.ok(applyRuns[0].n >= 1, 'the pending changes are cancelled, not deleted');
    // Give the scheduler a pass over 1 December, then check it left the institution alone.
    await eventually(
      async () =>
        (
          await stack.services.registry!.db.query(
            'SELECT count(*)::int AS n FROM institution_change WHERE applied_at IS NULL AND cancelled_at IS NULL AND effective_date <= $1',
            ['2024-12-01'],
          )
        )[0].n,
      (n) => n === 0,
      { what: 'the scheduler to run' },
    );
    expect((await decisions()).status).toBe('ACTIVE');
    clock.date = '2024-10-01';
  });

  it('takes a learner-count report from the school through the founder to a locked year that refuses every edit', async () => {
    clock.date = '2024-09-02';
    const institution = await register({ name: 'Skaitļu skola' });
    const school = await stack.client.token({ role: Role.SCHOOL, institutionId: institution.id });
    const municipality = await stack.client.token({ role: Role.MUNICIPALITY, municipality: 'Rīga' });
    const counts = Object.fromEntries(
      ['preschoolAge5', 'preschoolAge6', ...Array.from({ length: 12 }, (_, i) => `grade${i + 1}`)].map((key) => [key, 20]),
    );
    const save = 'mutation($input: SaveLearnerCountReportInput!) { saveLearnerCountReport(input: $input) { report { id status total } } }';
    const saved = await stack.client.data(save, { input: { institutionId: institution.id, schoolYear: '2024/2025', counts } }, school);
    const reportId = saved.saveLearnerCountReport.report.id;
    expect(saved.saveLearnerCountReport.report.total).toBe(280);
    await stack.client.data('mutation($id: ID!) { confirmLearnerCountReport(id: $id) { report { status } } }', { id: reportId }, school);
    await stack.client.data(
      'mutation($id: ID!) { approveLearnerCountReport(id: $id) { report { status } } }',
      { id: reportId },
      municipality,
    );
    clock.date = '2024-09-10';
    const locked = await stack.client.data('mutation { lockSchoolYear(schoolYear: "2024/2025") { lockedReportCount } }', {}, officer);
    assert.ok(locked.lockSchoolYear.lockedReportCount >= 1);

    const edit = await stack.client.request(
      save,
      { input: { institutionId: institution.id, schoolYear: '2024/2025', counts: { ...counts, grade1: 21 } } },
      school,
    );
    expect(edit.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const { institution: read } = await stack.client.data(
      'query($id: ID!) { institution(id: $id) { learnerCounts(schoolYear: "2024/2025") { status total } } }',
      { id: institution.id },
    );
    expect(read.learnerCounts).toStrictEqual({ status: 'LOCKED', total: 280 });
    clock.date = '2024-10-01';
  });

  it('finds institutions by name ignoring case and Latvian diacritics', async () => {
    const institution = await register({ name: 'Rīgas Ķengaraga vidusskola' });
    const found = await stack.client.data('{ institutions(filter: { search: "rigas kengaraga" }) { totalCount edges { node { id } } } }');
    assert.ok(found.institutions.edges.some((edge: any) => edge.node.id === institution.id));
    const none = await stack.client.data('{ institutions(filter: { search: "kengaraga%" }) { totalCount } }');
    expect(none.institutions.totalCount).toBe(0);
  });

  it('never shows a PUBLIC caller a natural-person founder’s personal code or internal notes', async () => {
    const institution = await register({
      type: 'INTEREST_EDUCATION',
      founder: { kind: 'NATURAL_PERSON', name: 'Jānis Bērziņš', personalCode: '321234-56789' },
      internalNotes: 'Founder asked for a visit in spring',
    });
    const query = 'query($id: ID!) { institution(id: $id) { founder { name personalCode } internalNotes } }';
    const asPublic = await stack.client.data(query, { id: institution.id });
    const asSchool = await stack.client.data(
      query,
      { id: institution.id },
      await stack.client.token({ role: Role.SCHOOL, institutionId: institution.id }),
    );
    const asOfficer = await stack.client.data(query, { id: institution.id }, officer);
    expect(asPublic.institution).toStrictEqual({ founder: { name: 'Jānis Bērziņš', personalCode: null }, internalNotes: null });
    expect(asSchool.institution).toStrictEqual(asPublic.institution);
    expect(asOfficer.institution).toStrictEqual({
      founder: { name: 'Jānis Bērziņš', personalCode: '321234-56789' },
      internalNotes: 'Founder asked for a visit in spring',
    });
    const event = await eventually(async () => recorder.eventsFor(Topics.registryInstitution, [institution.id])[0], Boolean, {
      what: 'the registration event',
    });
    expect(JSON.stringify(event).includes('321234')).toBe(false);
  });

  it('grants and revokes state significance by decision, and filters by it', async () => {
    const institution = await register({ name: 'Tehniskās jaunrades nams', type: 'INTEREST_EDUCATION' });
    const grant =
      'mutation($input: StateSignificanceInput!) { grantStateSignificance(input: $input) { institution { stateSignificance } } }';
    const granted = await stack.client.data(
      grant,
      { input: { id: institution.id, decision: { number: 'S-1', date: '2024-09-01' } } },
      officer,
    );
    expect(granted.grantStateSignificance.institution.stateSignificance).toBe(true);
    const twice = await stack.client.request(
      grant,
      { input: { id: institution.id, decision: { number: 'S-2', date: '2024-09-02' } } },
      officer,
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const filtered = await stack.client.data(
      '{ institutions(filter: { stateSignificance: true, search: "jaunrades nams" }) { edges { node { id } } } }',
    );
    expect(filtered.institutions.edges.map((e: any) => e.node.id)).toStrictEqual([institution.id]);
    const revoke =
      'mutation($input: StateSignificanceInput!) { revokeStateSignificance(input: $input) { institution { stateSignificance } } }';
    const revoked = await stack.client.data(
      revoke,
      { input: { id: institution.id, decision: { number: 'S-3', date: '2024-09-30' } } },
      officer,
    );
    expect(revoked.revokeStateSignificance.institution.stateSignificance).toBe(false);
  });

  it('lists changed institutions since a time, liquidated ones included, page by page', async () => {
    const { time } = (await stack.services.registry!.db.query('SELECT now() AS time'))[0];
    const since = new Date(time).toISOString();
    const a = await register({ name: 'Changed A' });
    const b = await register({ name: 'Changed B' });
    await stack.client.data(LIQUIDATE, { input: { id: a.id, decision: { number: 'L-1', date: '2024-09-30' } } }, officer);
    const query =
      'query($since: DateTime!, $after: String) { institutionsChangedSince(since: $since, first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id status } } } }';
    const seen: Array<{ id: string; status: string }> = [];
    let after: string | null = null;
    do {
      const { institutionsChangedSince: page }: any = await stack.client.data(query, { since, after });
      expect(page.totalCount).toBe(2);
      seen.push(...page.edges.map((edge: any) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toStrictEqual([
      { id: b.id, status: 'ACTIVE' },
      { id: a.id, status: 'LIQUIDATED' },
    ]);
  });

  it('refuses bad input with a typed error and stores nothing', async () => {
    const countDecisions = async () => Number((await stack.services.registry!.db.query('SELECT count(*) AS n FROM decision'))[0].n);
    const existing = await register();
    const before = await countDecisions();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [
        'duplicate registration number',
        {
          registrationNumber: (
            await stack.client.data('query($id: ID!) { institution(id: $id) { registrationNumber } }', { id: existing.id })
          ).institution.registrationNumber,
        },
        'CONFLICT',
      ],
      ['malformed registration number', { registrationNumber: '12345' }, 'VALIDATION_FAILED'],
      [
        'unknown founder municipality',
        { founder: { kind: 'MUNICIPALITY', name: 'Atlantīdas pašvaldība', municipality: 'Atlantīda' } },
        'VALIDATION_FAILED',
      ],
      ['natural person without a personal code', { founder: { kind: 'NATURAL_PERSON', name: 'Anna' } }, 'VALIDATION_FAILED'],
      ['malformed personal code', { founder: { kind: 'NATURAL_PERSON', name: 'Anna', personalCode: '010101-12345' } }, 'VALIDATION_FAILED'],
    ];
    for (const [_what, overrides, code] of cases) {
      const response = await stack.client.request(REGISTER, { input: institutionInput(overrides) }, officer);
      expect(response.errors?.[0]?.extensions?.code).toBe(code);
    }
    const early = await stack.client.request(
      AMEND,
      { input: { id: existing.id, name: 'Too early', decision: { number: 'A-0', date: '2024-07-01' } } },
      officer,
    );
    expect(early.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(await countDecisions()).toBe(before);
  });
});
