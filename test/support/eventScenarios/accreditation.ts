import { Topics } from '@eq/shared';
import { eventually } from '../eventually';
import { LIQUIDATE } from '../fixtures';
import { issueLicence } from './licensing';
import { REORGANISE, registerInstitution } from './registry';
import type { EventScenario, ScenarioContext } from './scenario';

const ACCREDIT = /* GraphQL */ `
  mutation ScenarioAccreditationAccreditInstitution($input: AccreditInstitutionInput!) {
    accreditInstitution(input: $input) {
      accreditation {
        id
        termEnd
      }
    }
  }
`;
const EXTEND = /* GraphQL */ `
  mutation ScenarioAccreditationExtendAccreditation($input: ExtendAccreditationInput!) {
    extendAccreditation(input: $input) {
      accreditation {
        id
      }
    }
  }
`;
const ASSIGN = /* GraphQL */ `
  mutation ScenarioAccreditationAssignAccreditationTasks($input: AssignAccreditationTasksInput!) {
    assignAccreditationTasks(input: $input) {
      tasks {
        id
      }
    }
  }
`;
const VISIT = /* GraphQL */ `
  mutation ScenarioAccreditationRecordMonitoringVisit($input: RecordMonitoringVisitInput!) {
    recordMonitoringVisit(input: $input) {
      monitoringVisit {
        id
      }
    }
  }
`;
const APPLY = /* GraphQL */ `
  mutation ScenarioAccreditationApplyForAccreditation($input: ApplyForAccreditationInput!) {
    applyForAccreditation(input: $input) {
      application {
        id
      }
    }
  }
`;
const EVALUATE = /* GraphQL */ `
  mutation ScenarioAccreditationRecordAccreditationEvaluation($input: RecordAccreditationEvaluationInput!) {
    recordAccreditationEvaluation(input: $input) {
      application {
        id
      }
    }
  }
`;
const DECIDE = /* GraphQL */ `
  mutation ScenarioAccreditationDecideAccreditation($input: DecideAccreditationInput!) {
    decideAccreditation(input: $input) {
      accreditation {
        id
      }
    }
  }
`;
const REFUSE = /* GraphQL */ `
  mutation ScenarioAccreditationRefuseAccreditation($input: RefuseAccreditationInput!) {
    refuseAccreditation(input: $input) {
      application {
        id
      }
    }
  }
`;
const EVALUATE_HEAD = /* GraphQL */ `
  mutation ScenarioAccreditationEvaluateHead($input: EvaluateHeadInput!) {
    evaluateHead(input: $input) {
      headEvaluation {
        id
      }
    }
  }
`;
const ACCREDITATION = /* GraphQL */ `
  query ScenarioAccreditationAccreditation($id: ID!) {
    accreditation(id: $id) {
      status
    }
  }
`;
const APPLICATION = /* GraphQL */ `
  query ScenarioAccreditationAccreditationApplication($id: ID!) {
    accreditationApplication(id: $id) {
      status
    }
  }
`;

/** The accreditation service's "today" in this scenario (its definition gets this clock). */
export const ACCREDITATION_TODAY = '2024-10-01';

const results = (level: string) => [
  { category: 'FITNESS_FOR_PURPOSE', level: 'VERY_GOOD' },
  { category: 'QUALITY_TEACHING', level },
  { category: 'INCLUSIVE_ENVIRONMENT', level: 'EXCELLENT' },
  { category: 'GOOD_GOVERNANCE', level: 'GOOD' },
];

/** Accredits an institution, waiting until accreditation has replicated it from the registry's topic. */
async function accredit(context: ScenarioContext, institutionId: string, termStart: string, level: string): Promise<string> {
  const granted = await eventually(
    () =>
      context.client.request(
        ACCREDIT,
        {
          input: { institutionId, decisionNumber: `A-${termStart}`, decisionDate: termStart, termStart, results: results(level) },
        },
        context.officer,
      ),
    (response) => !response.errors,
    { what: 'accreditation to know the institution' },
  );
  return granted.data.accreditInstitution.accreditation.id;
}

export const accreditationScenario: EventScenario = async (context) => {
  const data = (query: string, input: Record<string, unknown>) => context.data(query, { input }, context.officer);
  const institution = async () => (await registerInstitution(context, { type: 'BASIC_SCHOOL' })).id;

  // Granted, monitored, extended; later ended by the institution's liquidation, which also
  // closes the application it has open then.
  const monitored = await institution();
  const accreditation = await accredit(context, monitored, '2024-09-01', 'GOOD');
  const tasks = (
    await data(ASSIGN, {
      accreditationId: accreditation,
      assignedOn: '2024-09-01',
      tasks: [{ category: 'GOOD_GOVERNANCE', description: 'Publish the self-assessment report', deadline: '2024-12-01' }],
    })
  ).assignAccreditationTasks.tasks;
  await data(VISIT, {
    accreditationId: accreditation,
    visitedOn: '2024-09-20',
    progress: [{ taskId: tasks[0].id, progress: 'COMPLETED' }],
  });
  await data(EXTEND, {
    accreditationId: accreditation,
    reason: 'BUILDING_WORKS',
    decisionNumber: 'E-1',
    decisionDate: '2024-09-30',
    termEnd: '2031-08-31',
  });
  const headEvaluation = (
    await data(EVALUATE_HEAD, {
      institutionId: monitored,
      headName: 'Anna Bērziņa',
      institutionCategory: 'GENERAL',
      decisionNumber: 'H-1',
      decisionDate: '2024-09-15',
      results: results('GOOD'),
      evaluatorsNotes: 'Not published.',
    })
  ).evaluateHead.headEvaluation.id as string;

  // Refused, then applied again and closed undecided.
  const refused = (await data(APPLY, { institutionId: monitored, submittedOn: '2024-09-02' })).applyForAccreditation.application.id;
  await data(EVALUATE, { applicationId: refused, evaluatedOn: '2024-09-10', results: results('INSUFFICIENT') });
  await data(REFUSE, {
    applicationId: refused,
    decisionNumber: 'X-1',
    decisionDate: '2024-09-20',
    reason: 'Quality teaching assessed insufficient',
  });
  const closed = (await data(APPLY, { institutionId: monitored, submittedOn: '2024-09-25' })).applyForAccreditation.application.id;
  await context.data(LIQUIDATE, { input: { id: monitored, decision: { number: 'LQ-2', date: '2024-09-30' } } }, context.officer);
  await eventually(
    () => context.data(APPLICATION, { id: closed }, context.officer),
    (found) => found.accreditationApplication.status === 'CLOSED',
    {
      what: 'the liquidation to close the application',
    },
  );

  // Decided on an application.
  const decidedOn = await institution();
  const applied = await eventually(
    () => context.client.request(APPLY, { input: { institutionId: decidedOn, submittedOn: '2024-05-02' } }, context.officer),
    (response) => !response.errors,
    { what: 'accreditation to know the institution' },
  );
  const decided = applied.data.applyForAccreditation.application.id as string;
  await data(EVALUATE, { applicationId: decided, evaluatedOn: '2024-06-10', results: results('GOOD') });
  await data(DECIDE, { applicationId: decided, decisionNumber: 'D-1', decisionDate: '2024-08-20', termStart: '2024-09-01' });

  // A programme accreditation moves with its licence to the successor of a reorganisation.
  const predecessor = await registerInstitution(context, { type: 'BASIC_SCHOOL' });
  const successor = await registerInstitution(context, { type: 'BASIC_SCHOOL' });
  const licence = await issueLicence(context, predecessor);
  const programmeApplication = await eventually(
    () =>
      context.client.request(
        APPLY,
        { input: { institutionId: predecessor.id, licenceId: licence, submittedOn: '2024-09-02' } },
        context.officer,
      ),
    (response) => !response.errors,
    { what: 'accreditation to know the licence' },
  );
  const programmeApplicationId = programmeApplication.data.applyForAccreditation.application.id as string;
  await data(EVALUATE, { applicationId: programmeApplicationId, evaluatedOn: '2024-09-10', results: results('GOOD') });
  const programme = (
    await data(DECIDE, {
      applicationId: programmeApplicationId,
      decisionNumber: 'D-2',
      decisionDate: '2024-09-20',
      termStart: '2024-09-21',
    })
  ).decideAccreditation.accreditation.id as string;
  await context.data(
    REORGANISE,
    {
      input: {
        kind: 'ATTACHMENT',
        predecessorIds: [predecessor.id],
        successorIds: [successor.id],
        decision: { number: 'RO-2', date: '2024-09-30' },
      },
    },
    context.officer,
  );

  // NEEDS_IMPROVEMENT gives two years: one term ended before "today", one ends within the notice.
  const expired = await accredit(context, await institution(), '2020-09-01', 'NEEDS_IMPROVEMENT');
  const expiring = await accredit(context, await institution(), '2023-01-01', 'NEEDS_IMPROVEMENT');
  await eventually(
    () => context.data(ACCREDITATION, { id: expired }, context.officer),
    (found) => found.accreditation.status === 'EXPIRED',
    { what: 'the expiry job' },
  );

  return {
    [Topics.accreditationAccreditation]: [accreditation, programme, expired, expiring],
    [Topics.accreditationApplication]: [refused, closed, decided],
    [Topics.accreditationHeadEvaluation]: [headEvaluation],
  };
};
