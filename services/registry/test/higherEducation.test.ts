import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, Topics, type Caller } from '@eq/shared';
import { eventually } from '../../../test/support/eventually';
import { registrationNumber } from '../../../test/support/fixtures';
import { startServiceHarness, type ServiceHarness } from '../../../test/support/serviceHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { registry } from '../src/index';

const OFFICER: Caller = { role: Role.OFFICER, subject: 'officer-12' };

/** A unique ASCII word, so that searches see only this test's rows in a shared database. */
const token = () =>
  `zq${randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 8)}`;

const INSTITUTION_FIELDS = /* GraphQL */ `
  fragment HigherEducationInstitutionFields on HigherEducationInstitution {
    id
    registrationNumber
    name
    kind
    kindLabelLv
    status
    founder {
      kind
      name
    }
    registrationDecision {
      number
      date
      reason
    }
    branches {
      id
      address
      municipality
      planningRegion
      status
      openedDecision {
        number
        date
      }
      excludedDecision {
        number
        date
        reason
      }
    }
    amendments {
      field
      oldValue
      newValue
      decision {
        number
        date
      }
    }
  }
`;

const REGISTER = /* GraphQL */ `
  mutation HigherEducationRegister($input: RegisterHigherEducationInstitutionInput!) {
    registerHigherEducationInstitution(input: $input) {
      institution {
        ...HigherEducationInstitutionFields
      }
    }
  }
  ${INSTITUTION_FIELDS}
`;

const AMEND = /* GraphQL */ `
  mutation HigherEducationAmend($input: AmendHigherEducationInstitutionInput!) {
    amendHigherEducationInstitution(input: $input) {
      institution {
        ...HigherEducationInstitutionFields
      }
    }
  }
  ${INSTITUTION_FIELDS}
`;

const OPEN_BRANCH = /* GraphQL */ `
  mutation Open($input: OpenBranchInput!) {
    openBranch(input: $input) {
      branch {
        id
        status
      }
      institution {
        id
      }
    }
  }
`;

const EXCLUDE_BRANCH = /* GraphQL */ `
  mutation Exclude($input: ExcludeBranchInput!) {
    excludeBranch(input: $input) {
      branch {
        id
        status
        excludedDecision {
          number
          date
          reason
        }
      }
      institution {
        id
      }
    }
  }
`;

const GET = /* GraphQL */ `
  query Get($id: ID!) {
    higherEducationInstitution(id: $id) {
      ...HigherEducationInstitutionFields
    }
  }
  ${INSTITUTION_FIELDS}
`;

const LIST = /* GraphQL */ `
  query HigherEducationList($filter: HigherEducationInstitutionFilter, $first: Int, $after: String) {
    higherEducationInstitutions(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          kind
        }
      }
    }
  }
`;

function registerInput(overrides: Record<string, unknown> = {}) {
  return {
    registrationNumber: registrationNumber(),
    name: `Rēzeknes Tehnoloģiju akadēmija ${token()}`,
    kind: 'ACADEMY',
    founder: { kind: 'STATE', name: 'Izglītības un zinātnes ministrija' },
    decision: { number: 'IKVD-AR-2024/1', date: '2024-01-15' },
    ...overrides,
  };
}

const branchInput = (institutionId: string, overrides: Record<string, unknown> = {}) => ({
  institutionId,
  address: 'Atbrīvošanas aleja 115, Rēzekne',
  municipality: 'Rēzekne',
  planningRegion: 'LATGALE',
  decision: { number: 'IKVD-AR-2024/2', date: '2024-02-01' },
  ...overrides,
});

describe('higher-education register', () => {
  let harness: ServiceHarness;
  let recorder: TopicRecorder;

  const count = async (sql: string, params: unknown[] = []) => Number((await harness.service.db.query(sql, params))[0].count);
  const outboxCount = () => count('SELECT count(*) FROM outbox_event WHERE topic = $1', [Topics.registryHigherEducation]);

  async function call(query: string, input: Record<string, unknown>, caller: Caller = OFFICER) {
    const response = await harness.request(query, { input }, caller);
    expect(response.errors).toBe(undefined);
    return response.data;
  }
  const register = async (input = registerInput()) => (await call(REGISTER, input)).registerHigherEducationInstitution.institution;
  const openBranch = async (input: Record<string, unknown>) => (await call(OPEN_BRANCH, input)).openBranch.branch;

  beforeAll(async () => {
    harness = await startServiceHarness(registry);
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([Topics.registryHigherEducation]);
  });
  afterAll(async () => {
    await recorder?.stop();
    await harness?.close();
  });

  it('registers an institution, opens two branches and excludes one, publishing every change with the full state', async () => {
    const input = registerInput();
    const registered = await register(input);
    expect(registered.status).toBe('ACTIVE');
    expect(registered.kindLabelLv).toBe('akadēmija');
    expect(registered.registrationDecision).toStrictEqual({ number: 'IKVD-AR-2024/1', date: '2024-01-15', reason: null });

    const rezekne = await openBranch(branchInput(registered.id));
    const valmiera = await openBranch(
      branchInput(registered.id, { address: 'Cēsu iela 4, Valmiera', municipality: 'Valmieras novads', planningRegion: 'VIDZEME' }),
    );
    expect(rezekne.status).toBe('OPEN');

    const excluded = (
      await call(EXCLUDE_BRANCH, {
        branchId: rezekne.id,
        decision: { number: 'IKVD-AR-2024/9', date: '2024-03-20', reason: 'Filiālē vairs netiek īstenotas studiju programmas' },
      })
    ).excludeBranch.branch;
    expect(excluded).toStrictEqual({
      id: rezekne.id,
      status: 'EXCLUDED',
      excludedDecision: { number: 'IKVD-AR-2024/9', date: '2024-03-20', reason: 'Filiālē vairs netiek īstenotas studiju programmas' },
    });

    const stored = (await harness.request(GET, { id: registered.id })).data.higherEducationInstitution;
    expect(stored.branches.map((branch: any) => [branch.id, branch.planningRegion, branch.status])).toStrictEqual([
      [rezekne.id, 'LATGALE', 'EXCLUDED'],
      [valmiera.id, 'VIDZEME', 'OPEN'],
    ]);

    const events = await eventually(
      async () => recorder.eventsFor(Topics.registryHigherEducation, [registered.id]),
      (found) => found.length >= 4,
      { what: 'four events of the institution' },
    );
    expect(events.map((event) => event.type)).toStrictEqual([
      'registry.higher-education.registered',
      'registry.higher-education.branch-opened',
      'registry.higher-education.branch-opened',
      'registry.higher-education.branch-excluded',
    ]);
    const last = events[3]!.data;
    expect(last.changedFields).toStrictEqual(['branches']);
    expect(last.state.registrationNumber).toBe(input.registrationNumber);
    expect(last.state.branches.map((branch: any) => [branch.id, branch.status, branch.excludedDecision?.reason ?? null])).toStrictEqual([
      [rezekne.id, 'EXCLUDED', 'Filiālē vairs netiek īstenotas studiju programmas'],
      [valmiera.id, 'OPEN', null],
    ]);
    assert.ok(!JSON.stringify(events).includes('officer-12'), 'who recorded a decision stays internal');
  });

  it('refuses to exclude a branch twice with CONFLICT, keeping the first decision and publishing nothing', async () => {
    const institution = await register();
    const branch = await openBranch(branchInput(institution.id));
    const exclusion = { branchId: branch.id, decision: { number: 'IKVD-AR-2024/11', date: '2024-04-02', reason: 'Dibinātāja lēmums' } };
    await call(EXCLUDE_BRANCH, exclusion);
    const eventsBefore = await outboxCount();

    const again = await harness.request(
      EXCLUDE_BRANCH,
      { input: { ...exclusion, decision: { number: 'IKVD-AR-2024/12', date: '2024-04-03', reason: 'Atkārtoti' } } },
      OFFICER,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await outboxCount()).toBe(eventsBefore);
    const stored = (await harness.request(GET, { id: institution.id })).data.higherEducationInstitution;
    expect(stored.branches[0].excludedDecision).toStrictEqual({
      number: 'IKVD-AR-2024/11',
      date: '2024-04-02',
      reason: 'Dibinātāja lēmums',
    });
  });

  it('refuses an exclusion without a reason or dated before the branch was opened', async () => {
    const institution = await register();
    const branch = await openBranch(branchInput(institution.id));
    const noReason = await harness.request(
      EXCLUDE_BRANCH,
      { input: { branchId: branch.id, decision: { number: 'X-1', date: '2024-03-01', reason: '  ' } } },
      OFFICER,
    );
    expect(noReason.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(noReason.errors?.[0]?.extensions?.field).toBe('decision.reason');
    const tooEarly = await harness.request(
      EXCLUDE_BRANCH,
      { input: { branchId: branch.id, decision: { number: 'X-1', date: '2024-01-31', reason: 'Slēgta' } } },
      OFFICER,
    );
    expect(tooEarly.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(tooEarly.errors?.[0]?.extensions?.field).toBe('decision.date');
    expect(await count("SELECT count(*) FROM higher_education_branch WHERE id = $1 AND status = 'OPEN'", [branch.id])).toBe(1);
  });

  it('lets only an OFFICER change the register: a PUBLIC caller gets FORBIDDEN and stores nothing', async () => {
    const institution = await register();
    const branch = await openBranch(branchInput(institution.id));
    const eventsBefore = await outboxCount();
    const input = registerInput();
    const attempts: Array<[string, Record<string, unknown>]> = [
      [REGISTER, input],
      [AMEND, { id: institution.id, name: 'Cits nosaukums', decision: { number: 'X-1', date: '2024-05-01' } }],
      [OPEN_BRANCH, branchInput(institution.id, { address: 'Cita iela 1, Rēzekne' })],
      [EXCLUDE_BRANCH, { branchId: branch.id, decision: { number: 'X-2', date: '2024-05-01', reason: 'Nav' } }],
    ];
    for (const [mutation, variables] of attempts) {
      const response = await harness.request(mutation, { input: variables });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(
      await count('SELECT count(*) FROM higher_education_institution WHERE registration_number = $1', [input.registrationNumber]),
    ).toBe(0);
    expect(await count('SELECT count(*) FROM higher_education_branch WHERE institution_id = $1', [institution.id])).toBe(1);
    expect(await outboxCount()).toBe(eventsBefore);
  });

  it('refuses a duplicate registration number with CONFLICT and stores nothing', async () => {
    const first = registerInput();
    await register(first);
    const eventsBefore = await outboxCount();
    const duplicate = registerInput({ registrationNumber: first.registrationNumber });

    const response = await harness.request(REGISTER, { input: duplicate }, OFFICER);
    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await count('SELECT count(*) FROM higher_education_institution WHERE name = $1', [duplicate.name])).toBe(0);
    expect(
      await count('SELECT count(*) FROM higher_education_institution WHERE registration_number = $1', [first.registrationNumber]),
    ).toBe(1);
    expect(await outboxCount()).toBe(eventsBefore);

    const malformed = await harness.request(REGISTER, { input: registerInput({ registrationNumber: '33410-0021' }) }, OFFICER);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(malformed.errors?.[0]?.extensions?.field).toBe('registrationNumber');
  });

  it('amends the name and founder by decision, logging each old and new value and publishing the change', async () => {
    const institution = await register();
    const word = token();
    const amended = (
      await call(AMEND, {
        id: institution.id,
        name: `Latgales Tehnoloģiju universitāte ${word}`,
        founder: { kind: 'STATE', name: 'Ministru kabinets' },
        decision: { number: 'IKVD-AR-2024/20', date: '2024-05-14' },
      })
    ).amendHigherEducationInstitution.institution;
    expect(amended.name).toBe(`Latgales Tehnoloģiju universitāte ${word}`);
    expect(amended.amendments).toStrictEqual([
      { field: 'NAME', oldValue: institution.name, newValue: amended.name, decision: { number: 'IKVD-AR-2024/20', date: '2024-05-14' } },
      {
        field: 'FOUNDER_NAME',
        oldValue: 'Izglītības un zinātnes ministrija',
        newValue: 'Ministru kabinets',
        decision: { number: 'IKVD-AR-2024/20', date: '2024-05-14' },
      },
    ]);

    const found = (await harness.request(LIST, { filter: { search: `LATGALES tehnologiju universitate ${word}` } })).data
      .higherEducationInstitutions;
    expect(found.edges.map((edge: any) => edge.node.id)).toStrictEqual([institution.id]);

    const amendedEvent = await eventually(
      async () =>
        recorder
          .eventsFor(Topics.registryHigherEducation, [institution.id])
          .find((event) => event.type === 'registry.higher-education.amended'),
      Boolean,
      { what: 'the amended event' },
    );
    expect(amendedEvent!.data.changedFields).toStrictEqual(['name', 'founder', 'amendments']);
    expect(amendedEvent!.data.state.founder.name).toBe('Ministru kabinets');
  });

  it('finds institutions by name ignoring case and Latvian diacritics, filters by kind and region, and pages with a cursor', async () => {
    const word = token();
    const academy = await register(registerInput({ name: `Rēzeknes Tehnoloģiju akadēmija ${word}` }));
    const college = await register(registerInput({ name: `Rīgas Medicīnas koledža ${word}`, kind: 'COLLEGE' }));
    const university = await register(registerInput({ name: `Liepājas Universitāte ${word}`, kind: 'UNIVERSITY' }));
    await openBranch(
      branchInput(college.id, { address: 'Daugavpils iela 1, Daugavpils', municipality: 'Daugavpils', planningRegion: 'LATGALE' }),
    );

    const list = async (filter: Record<string, unknown>, first = 20, after?: string) => {
      const response = await harness.request(LIST, { filter, first, after });
      expect(response.errors).toBe(undefined);
      return response.data.higherEducationInstitutions;
    };

    const rezeknes = await list({ search: `REZEKNES tehnologiju akademija ${word}` });
    expect(rezeknes.edges.map((edge: any) => edge.node.id)).toStrictEqual([academy.id]);
    expect((await list({ search: `rīgas medicinas koledza ${word}` })).edges[0].node.id).toBe(college.id);
    expect((await list({ search: `LIEPĀJAS universitāte ${word}` })).edges[0].node.id).toBe(university.id);

    const colleges = await list({ search: word, kind: 'COLLEGE' });
    expect(colleges.edges.map((edge: any) => edge.node.name)).toStrictEqual([`Rīgas Medicīnas koledža ${word}`]);
    const inLatgale = await list({ search: word, planningRegion: 'LATGALE', status: 'ACTIVE' });
    expect(inLatgale.edges.map((edge: any) => edge.node.id)).toStrictEqual([college.id]);

    const page1 = await list({ search: word }, 2);
    expect(page1.totalCount).toBe(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await list({ search: word }, 2, page1.pageInfo.endCursor);
    expect(page2.totalCount).toBe(3);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect([...page1.edges, ...page2.edges].map((edge: any) => edge.node.id)).toStrictEqual([university.id, academy.id, college.id]);
  });
});
