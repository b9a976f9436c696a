import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { defineAccreditation } from '@eq/accreditation';
import { Role, type RequestContext, type SubgraphDefinition, DayClock } from '@eq/shared';
import { eventually } from './support/eventually';
import { institutionInput, ISSUE_LICENCE, REGISTER } from './support/fixtures';
import { startTestStack, type TestStack } from './support/testStack';

/*
 * Issue 16, accreditation: a new programme must be accredited within two years of its start (the
 * licence's issue date), and officers list the programmes whose deadline is near or past; a term
 * may be extended during liquidation. Accreditation runs on a fixed "today".
 */
const TODAY = '2025-02-01';

const AWAITING = /* GraphQL */ `
  query E2eProgrammesAwaitingAccreditation($days: Int) {
    programmesAwaitingAccreditation(withinDays: $days) {
      licence {
        id
      }
      institution {
        id
      }
      programmeCode
      startedOn
      accreditationDueBy
      daysLeft
      overdue
    }
  }
`;
const ACCREDIT = /* GraphQL */ `
  mutation E2eDeadlineAccreditInstitution($input: AccreditInstitutionInput!) {
    accreditInstitution(input: $input) {
      accreditation {
        id
      }
    }
  }
`;
const EXTEND = /* GraphQL */ `
  mutation E2eExtendDuringLiquidation($input: ExtendAccreditationInput!) {
    extendAccreditation(input: $input) {
      accreditation {
        termEnd
        extensions {
          reason
          previousTermEnd
          termEnd
        }
      }
    }
  }
`;
const RESULTS = [
  { category: 'FITNESS_FOR_PURPOSE', level: 'GOOD' },
  { category: 'QUALITY_TEACHING', level: 'GOOD' },
  { category: 'INCLUSIVE_ENVIRONMENT', level: 'GOOD' },
  { category: 'GOOD_GOVERNANCE', level: 'GOOD' },
];

describe('accreditation: new programmes’ two-year deadline and extension during liquidation', () => {
  let stack: TestStack;
  let officer: string;
  const data = (query: string, variables: Record<string, unknown>) => stack.client.data(query, variables, officer);

  beforeAll(async () => {
    const accreditation = defineAccreditation({ clock: new DayClock(TODAY) });
    stack = await startTestStack('programmedeadline', {
      definitions: { accreditation } as Record<string, SubgraphDefinition<RequestContext>>,
    });
    officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-deadline' });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('lists programmes never accredited whose deadline is within N days or past, earliest first, to OFFICERs only', async () => {
    const school = (await data(REGISTER, { input: institutionInput({ decision: { number: 'IKVD-2020/1', date: '2020-01-10' } }) }))
      .registerInstitution.institution;
    const issue = async (programmeCode: string, issuedOn: string) => {
      const input = {
        institutionId: school.id,
        implementationPlaceId: school.implementationPlaces[0].id,
        programmeCode,
        programmeName: `Programma ${programmeCode}`,
        level: 'BASIC',
        decisionNumber: `L-${programmeCode}`,
        issuedOn,
      };
      const issued = await eventually(
        () => stack.client.request(ISSUE_LICENCE, { input }, officer),
        (r) => !r.errors,
        { what: 'licensing to know the institution' },
      );
      return issued.data.issueLicence.licence.id as string;
    };
    const overdue = await issue('21011111', '2022-01-10');
    const near = await issue('21011112', '2023-03-01');
    const later = await issue('21011113', '2024-08-15');
    const mine = (rows: Array<{ licence: { id: string }; institution: { id: string } }>) =>
      rows.filter((row) => row.institution.id === school.id);

    const within30 = await eventually(
      async () => mine((await data(AWAITING, { days: 30 })).programmesAwaitingAccreditation),
      (rows) => rows.length === 2,
      { what: 'accreditation to learn of the licences' },
    );
    expect(within30).toStrictEqual([
      {
        licence: { id: overdue },
        institution: { id: school.id },
        programmeCode: '21011111',
        startedOn: '2022-01-10',
        accreditationDueBy: '2024-01-09',
        daysLeft: -389,
        overdue: true,
      },
      {
        licence: { id: near },
        institution: { id: school.id },
        programmeCode: '21011112',
        startedOn: '2023-03-01',
        accreditationDueBy: '2025-02-28',
        daysLeft: 27,
        overdue: false,
      },
    ]);
    const pastOnly = mine((await data(AWAITING, {})).programmesAwaitingAccreditation);
    expect(pastOnly.map((row) => row.licence.id)).toStrictEqual([overdue]);
    const all = await eventually(
      async () => mine((await data(AWAITING, { days: 600 })).programmesAwaitingAccreditation),
      (rows) => rows.length === 3,
      { what: 'the third licence' },
    );
    expect(all.map((row) => row.licence.id)).toStrictEqual([overdue, near, later]);

    const bad = await stack.client.request(AWAITING, { days: -1 }, officer);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'withinDays' });
    const schoolToken = await stack.client.token({ role: Role.SCHOOL, institutionId: school.id, subject: 'school-deadline' });
    const forbidden = await stack.client.request(AWAITING, { days: 30 }, schoolToken);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('extends a term while the institution is being liquidated', async () => {
    const school = (await data(REGISTER, { input: institutionInput() })).registerInstitution.institution;
    const accredited = await eventually(
      () =>
        stack.client.request(
          ACCREDIT,
          {
            input: {
              institutionId: school.id,
              decisionNumber: 'IKVD-A-2024/9',
              decisionDate: '2024-08-20',
              termStart: '2024-09-01',
              results: RESULTS,
            },
          },
          officer,
        ),
      (r) => !r.errors,
      { what: 'accreditation to know the institution' },
    );
    const id = accredited.data.accreditInstitution.accreditation.id as string;
    const extended = await data(EXTEND, {
      input: {
        accreditationId: id,
        reason: 'LIQUIDATION',
        decisionNumber: 'IKVD-P-2025/1',
        decisionDate: '2025-01-15',
        termEnd: '2031-08-31',
      },
    });
    assert.equal(extended.extendAccreditation.accreditation.termEnd, '2031-08-31');
    expect(extended.extendAccreditation.accreditation.extensions).toStrictEqual([
      { reason: 'LIQUIDATION', previousTermEnd: '2030-08-31', termEnd: '2031-08-31' },
    ]);
  });
});
