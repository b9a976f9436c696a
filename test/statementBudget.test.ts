import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, statementCounterOf } from '@eq/shared';
import { activityInput, futureWednesday } from '../services/catalogue/test/catalogueOperations';
import {
  childMinderInput,
  privatePracticeInput,
  CERTIFY,
  REGISTER as REGISTER_PSYCHOLOGIST,
  registerInput,
} from '../services/practitioners/test/fixtures';
import { issueLicence } from './support/eventScenarios/licensing';
import { registerInstitution } from './support/eventScenarios/registry';
import type { ScenarioContext } from './support/eventScenarios/scenario';
import { startTestStack, type TestStack } from './support/testStack';

/*
 * The N+1 guard: every list query, with the entity references the gateway resolves for each of
 * its items, runs the same number of SQL statements in every subgraph whether the page holds
 * two items or eight. A resolver that queries once per item (a missing DataLoader) makes the
 * larger page cost more, and fails here. Statements are counted in each subgraph's database
 * while it serves the gateway's requests only (not its relay, consumers or jobs).
 */

const SMALL = 2;
const LARGE = 8;

const INSTITUTIONS = /* GraphQL */ `
  query BudgetInstitutions($first: Int!) {
    institutions(first: $first) {
      totalCount
      edges {
        node {
          id
          name
          implementationPlaces {
            address
          }
          decisions {
            number
          }
          history {
            field
          }
          successors {
            institution {
              name
            }
          }
          licences {
            id
            status
          }
          interestProgrammes {
            id
          }
          accreditations {
            id
          }
          currentAccreditation {
            id
          }
          headEvaluations {
            id
          }
          activitiesOffered {
            id
            sessions {
              id
              freePlaces
            }
          }
          bookings {
            id
          }
        }
      }
    }
  }
`;

const ACTIVITIES = /* GraphQL */ `
  query BudgetActivities($first: Int!) {
    activities(first: $first) {
      totalCount
      edges {
        node {
          id
          title
          provider {
            name
          }
          sessions {
            id
            startsAt
            freePlaces
            bookingClosesOn
            activity {
              title
            }
          }
        }
      }
    }
  }
`;

const PSYCHOLOGISTS = /* GraphQL */ `
  query BudgetPsychologists($first: Int!) {
    psychologists(first: $first) {
      totalCount
      edges {
        node {
          id
          name
          mayPractise
          isSupervisor
          certificates {
            number
            isCurrent
            statusHistory {
              status
            }
          }
          supervisionContracts {
            isCurrent
            supervisor {
              name
            }
          }
          statusHistory {
            status
          }
          supervisorRights {
            validFrom
          }
          foreignQualifications {
            country
          }
        }
      }
    }
  }
`;

const CHANGED_SINCE = /* GraphQL */ `
  query BudgetChangedSince($first: Int!) {
    institutionsChangedSince(since: "2000-01-01T00:00:00Z", first: $first) {
      edges {
        node {
          id
          name
          licences {
            id
          }
          accreditations {
            id
          }
        }
      }
    }
  }
`;

const CHILDCARE_PROVIDERS = /* GraphQL */ `
  query BudgetChildcareProviders($first: Int!) {
    childcareProviders(first: $first) {
      totalCount
      edges {
        node {
          id
          name
          status
          decision {
            number
          }
          amendments {
            number
          }
        }
      }
    }
  }
`;

const PRIVATE_PRACTICE = /* GraphQL */ `
  query BudgetPrivatePractice($first: Int!) {
    privatePracticeCertificates(first: $first) {
      totalCount
      edges {
        node {
          id
          number
          status
          decision {
            number
          }
          extensions {
            validUntil
          }
        }
      }
    }
  }
`;

const HIGHER_EDUCATION = /* GraphQL */ `
  query BudgetHigherEducation($first: Int!) {
    higherEducationInstitutions(first: $first) {
      totalCount
      edges {
        node {
          id
          name
          founder {
            name
          }
          branches {
            id
          }
          amendments {
            field
          }
        }
      }
    }
  }
`;

const REGISTER_CHILDCARE = /* GraphQL */ `
  mutation BudgetRegisterChildcare($input: RegisterChildcareProviderInput!) {
    registerChildcareProvider(input: $input) {
      childcareProvider {
        id
      }
    }
  }
`;
const ISSUE_PRIVATE_PRACTICE = /* GraphQL */ `
  mutation BudgetIssuePrivatePractice($input: IssuePrivatePracticeCertificateInput!) {
    issuePrivatePracticeCertificate(input: $input) {
      certificate {
        id
      }
    }
  }
`;
const REGISTER_HIGHER_EDUCATION = /* GraphQL */ `
  mutation BudgetRegisterHigherEducation($input: RegisterHigherEducationInstitutionInput!) {
    registerHigherEducationInstitution(input: $input) {
      institution {
        id
      }
    }
  }
`;

const REGISTER_PROVIDER = /* GraphQL */ `
  mutation BudgetProvider($input: RegisterProviderInput!) {
    registerProvider(input: $input) {
      provider {
        id
      }
    }
  }
`;
const CREATE = /* GraphQL */ `
  mutation BudgetCreate($input: CreateActivityInput!) {
    createActivity(input: $input) {
      activity {
        id
      }
    }
  }
`;
const SUBMIT = /* GraphQL */ `
  mutation BudgetSubmit($input: SubmitActivityInput!) {
    submitActivity(input: $input) {
      activity {
        id
      }
    }
  }
`;
const REVIEW = /* GraphQL */ `
  mutation BudgetReview($input: ReviewActivityInput!) {
    reviewActivity(input: $input) {
      activity {
        id
      }
    }
  }
`;
const SCHEDULE = /* GraphQL */ `
  mutation BudgetSchedule($input: ScheduleSessionInput!) {
    scheduleSession(input: $input) {
      session {
        id
      }
    }
  }
`;

describe('SQL statements per list query do not grow with the page (N+1 guard, through the gateway)', () => {
  let stack: TestStack;
  let officer: string;

  /** The statements each subgraph ran while serving one gateway request. */
  async function statementsPerSubgraph(query: string, first: number): Promise<Record<string, string[]>> {
    const counters = Object.entries(stack.services).map(([name, service]) => [name, statementCounterOf(service.db)] as const);
    const before = new Map(counters.map(([name, counter]) => [name, counter.inRequests]));
    const answer = await stack.client.data(query, { first }, officer);
    const edges = (Object.values(answer)[0] as { edges: unknown[] }).edges;
    expect(edges.length).toBe(first);
    return Object.fromEntries(
      counters.map(([name, counter]) => {
        const ran = counter.inRequests - before.get(name)!;
        return [name, ran === 0 ? [] : counter.recentInRequests.slice(-ran)];
      }),
    );
  }

  async function expectNoGrowth(query: string) {
    await stack.client.data(query, { first: 1 }, officer); // warm the gateway's query plan
    const small = await statementsPerSubgraph(query, SMALL);
    const large = await statementsPerSubgraph(query, LARGE);
    for (const name of Object.keys(large)) {
      // Shown on failure: which statements the larger page added.
      expect({
        subgraph: name,
        statements: large[name]!.length,
        sql: large[name]!.length > small[name]!.length ? large[name] : [],
      }).toStrictEqual({
        subgraph: name,
        statements: small[name]!.length,
        sql: [],
      });
    }
  }

  beforeAll(async () => {
    stack = await startTestStack('statementbudget');
    officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-budget' });
    const context: ScenarioContext = {
      client: stack.client,
      officer,
      tokenFor: (caller) => stack.client.token(caller),
      data: (query, variables, token) => stack.client.data(query, variables, token),
    };
    const fundAdmin = await context.tokenFor({ role: Role.FUND_ADMIN, subject: 'fund-budget' });
    for (let i = 0; i < LARGE; i++) {
      const institution = await registerInstitution(context, { name: `Budžeta skola ${i}` });
      await issueLicence(context, institution);
      const unique = randomUUID().slice(0, 8);
      const psychologist = (await stack.client.data(REGISTER_PSYCHOLOGIST, { input: registerInput() }, officer)).registerPsychologist
        .psychologist;
      await stack.client.data(
        CERTIFY,
        {
          input: {
            psychologistId: psychologist.id,
            certificateNumber: `K-${unique}`,
            fieldOfPractice: 'LEGAL',
            decision: { number: `S-${unique}`, date: '2024-02-01' },
          },
        },
        officer,
      );
      await stack.client.data(REGISTER_CHILDCARE, { input: childMinderInput({ registrationNumber: `BU-${unique}` }) }, officer);
      await stack.client.data(ISSUE_PRIVATE_PRACTICE, { input: privatePracticeInput({ number: `PP-${unique}` }) }, officer);
      const higherEducation = {
        registrationNumber: String(3_000_000_000 + i),
        name: `Budžeta augstskola ${unique}`,
        kind: 'ACADEMY',
        founder: { kind: 'STATE', name: 'Izglītības un zinātnes ministrija' },
        decision: { number: 'IKVD-AR-2024/1', date: '2024-01-15' },
      };
      await stack.client.data(REGISTER_HIGHER_EDUCATION, { input: higherEducation }, officer);
    }
    const providerId = (await stack.client.data(REGISTER_PROVIDER, { input: { kind: 'MUSEUM', name: 'Zinātnes centrs' } }, fundAdmin))
      .registerProvider.provider.id as string;
    const provider = await context.tokenFor({ role: Role.PROVIDER, providerId, subject: 'provider-budget' });
    for (let i = 0; i < LARGE; i++) {
      const id = (await stack.client.data(CREATE, { input: activityInput({ title: `Budžeta nodarbība ${i}` }) }, provider)).createActivity
        .activity.id;
      await stack.client.data(SUBMIT, { input: { id } }, provider);
      await stack.client.data(REVIEW, { input: { id, decision: 'PUBLISH' } }, fundAdmin);
      for (const weeks of [6, 7]) {
        const input = { activityId: id, startsAt: futureWednesday(weeks).toISOString(), place: 'Rīga, Zinātnes iela 1', capacity: 30 };
        await stack.client.data(SCHEDULE, { input }, provider);
      }
    }
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('institutions, with the licences, accreditations, activities and bookings every subgraph adds to them', async () => {
    await expectNoGrowth(INSTITUTIONS);
  });

  it('activities, with their provider and sessions', async () => {
    await expectNoGrowth(ACTIVITIES);
  });

  it('psychologists, with their certificates and history', async () => {
    await expectNoGrowth(PSYCHOLOGISTS);
  });

  it('institutions changed since a time, as subscribers page through them', async () => {
    await expectNoGrowth(CHANGED_SINCE);
  });

  it('child-minders, private-practice certificates and higher-education institutions', async () => {
    await expectNoGrowth(CHILDCARE_PROVIDERS);
    await expectNoGrowth(PRIVATE_PRACTICE);
    await expectNoGrowth(HIGHER_EDUCATION);
  });
});
