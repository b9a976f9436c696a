import { Role, Topics } from '@eq/shared';
import { institutionInput, LIQUIDATE, REGISTER } from '../fixtures';
import type { EventScenario, ScenarioContext } from './scenario';

const AMEND = /* GraphQL */ `
  mutation ScenarioRegistryAmendInstitution($input: AmendInstitutionInput!) {
    amendInstitution(input: $input) {
      applied
    }
  }
`;
export const REORGANISE = /* GraphQL */ `
  mutation ScenarioRegistryReorganiseInstitutions($input: ReorganiseInstitutionsInput!) {
    reorganiseInstitutions(input: $input) {
      applied
    }
  }
`;
const GRANT = /* GraphQL */ `
  mutation ScenarioRegistryGrantStateSignificance($input: StateSignificanceInput!) {
    grantStateSignificance(input: $input) {
      institution {
        stateSignificance
      }
    }
  }
`;
const REVOKE_SIGNIFICANCE = /* GraphQL */ `
  mutation ScenarioRegistryRevokeStateSignificance($input: StateSignificanceInput!) {
    revokeStateSignificance(input: $input) {
      institution {
        stateSignificance
      }
    }
  }
`;
const RECEIVE = /* GraphQL */ `
  mutation ScenarioRegistryReceiveRegistrationApplication($input: RegistrationApplicationInput!) {
    receiveRegistrationApplication(input: $input) {
      institution {
        id
      }
    }
  }
`;
const POSTPONE = /* GraphQL */ `
  mutation ScenarioRegistryPostponeRegistration($input: PostponeRegistrationInput!) {
    postponeRegistration(input: $input) {
      institution {
        status
      }
    }
  }
`;
const APPROVE = /* GraphQL */ `
  mutation ScenarioRegistryApproveRegistration($input: RegistrationDecisionInput!) {
    approveRegistration(input: $input) {
      institution {
        status
      }
    }
  }
`;
const REFUSE = /* GraphQL */ `
  mutation ScenarioRegistryRefuseRegistration($input: RegistrationDecisionInput!) {
    refuseRegistration(input: $input) {
      institution {
        status
      }
    }
  }
`;
const REVOKE_DECISION = /* GraphQL */ `
  mutation ScenarioRegistryRevokeDecision($input: RevokeDecisionInput!) {
    revokeDecision(input: $input) {
      applied
    }
  }
`;
const DECISIONS = /* GraphQL */ `
  query ScenarioRegistryInstitution($id: ID!) {
    institution(id: $id) {
      decisions {
        id
        kind
      }
    }
  }
`;

const GROUPS = ['preschoolAge5', 'preschoolAge6', ...Array.from({ length: 12 }, (_, i) => `grade${i + 1}`)];
const SAVE_COUNTS = /* GraphQL */ `
  mutation ScenarioRegistrySaveLearnerCountReport($input: SaveLearnerCountReportInput!) {
    saveLearnerCountReport(input: $input) {
      report {
        id
      }
    }
  }
`;
const CONFIRM_COUNTS = /* GraphQL */ `
  mutation ScenarioRegistryConfirmLearnerCountReport($id: ID!) {
    confirmLearnerCountReport(id: $id) {
      report {
        id
      }
    }
  }
`;
const APPROVE_COUNTS = /* GraphQL */ `
  mutation ScenarioRegistryApproveLearnerCountReport($id: ID!) {
    approveLearnerCountReport(id: $id) {
      report {
        id
      }
    }
  }
`;
const REOPEN_COUNTS = /* GraphQL */ `
  mutation ScenarioRegistryReopenLearnerCountReport($id: ID!) {
    reopenLearnerCountReport(id: $id) {
      report {
        id
      }
    }
  }
`;
const REOPEN_YEAR = /* GraphQL */ `
  mutation ScenarioRegistryReopenSchoolYear($input: ReopenSchoolYearInput!) {
    reopenSchoolYear(input: $input) {
      schoolYear {
        acceptsChanges
      }
    }
  }
`;
const SEND_COUNTS = /* GraphQL */ `
  mutation ScenarioRegistrySendLearnerCounts($input: LearnerCountSubmissionInput!) {
    sendLearnerCountsToMinistry(input: $input) {
      submission {
        id
      }
    }
  }
`;
const RETURN_COUNTS = /* GraphQL */ `
  mutation ScenarioRegistryReturnLearnerCounts($input: ReturnLearnerCountSubmissionInput!) {
    returnLearnerCountSubmission(input: $input) {
      submission {
        status
      }
    }
  }
`;
const ACCEPT_COUNTS = /* GraphQL */ `
  mutation ScenarioRegistryAcceptLearnerCounts($input: LearnerCountSubmissionInput!) {
    acceptLearnerCountSubmission(input: $input) {
      submission {
        status
      }
    }
  }
`;
const LOCK_YEAR = /* GraphQL */ `
  mutation ScenarioRegistryLockSchoolYear($schoolYear: String!) {
    lockSchoolYear(schoolYear: $schoolYear) {
      lockedReportCount
    }
  }
`;

const REGISTER_HIGHER = /* GraphQL */ `
  mutation ScenarioRegistryRegisterHigherEducationInstitution($input: RegisterHigherEducationInstitutionInput!) {
    registerHigherEducationInstitution(input: $input) {
      institution {
        id
      }
    }
  }
`;
const AMEND_HIGHER = /* GraphQL */ `
  mutation ScenarioRegistryAmendHigherEducationInstitution($input: AmendHigherEducationInstitutionInput!) {
    amendHigherEducationInstitution(input: $input) {
      institution {
        id
      }
    }
  }
`;
const OPEN_BRANCH = /* GraphQL */ `
  mutation ScenarioRegistryOpenBranch($input: OpenBranchInput!) {
    openBranch(input: $input) {
      branch {
        id
      }
    }
  }
`;
const EXCLUDE_BRANCH = /* GraphQL */ `
  mutation ScenarioRegistryExcludeBranch($input: ExcludeBranchInput!) {
    excludeBranch(input: $input) {
      branch {
        id
      }
    }
  }
`;

/** Registers an institution in the registry (as an OFFICER) and returns it with its places. */
export async function registerInstitution(context: ScenarioContext, overrides: Record<string, unknown> = {}) {
  return (await context.data(REGISTER, { input: institutionInput(overrides) }, context.officer)).registerInstitution.institution as {
    id: string;
    implementationPlaces: Array<{ id: string; address: string }>;
  };
}

/**
 * The registry runs on the system clock here, so the scenarios' past school years are past
 * their deadline: an OFFICER reopens the year for a day (its reports may then be prepared), and
 * `lockSchoolYear` closes it again at the end.
 */
async function reopenForADay(context: ScenarioContext, schoolYear: string): Promise<void> {
  const until = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString();
  await context.data(REOPEN_YEAR, { input: { schoolYear, until, reason: 'Event scenario: reports prepared late' } }, context.officer);
}

/** A school's counts saved and confirmed by it and approved by its founder; returns the report's id. */
async function approvedReport(context: ScenarioContext, schoolYear: string, institutionId: string, founder: string): Promise<string> {
  const counts = Object.fromEntries(GROUPS.map((group, i) => [group, 40 + i]));
  const school = await context.tokenFor({ role: Role.SCHOOL, institutionId, subject: `school-${institutionId.slice(0, 8)}` });
  const id = (await context.data(SAVE_COUNTS, { input: { institutionId, schoolYear, counts } }, school)).saveLearnerCountReport.report
    .id as string;
  await context.data(CONFIRM_COUNTS, { id }, school);
  await context.data(APPROVE_COUNTS, { id }, founder);
  return id;
}

/**
 * Learner counts of `schoolYear` for each school: saved and confirmed by the school, approved by
 * its founder (Rīga, as `institutionInput` founds them), then the year locked by an OFFICER.
 * Returns the reports' ids; the first is also reopened and approved again on the way.
 */
export async function lockLearnerCounts(context: ScenarioContext, schoolYear: string, institutionIds: string[]): Promise<string[]> {
  const founder = await context.tokenFor({ role: Role.MUNICIPALITY, municipality: 'Rīga', subject: 'riga-asyncapi' });
  await reopenForADay(context, schoolYear);
  const reports: string[] = [];
  for (const [index, institutionId] of institutionIds.entries()) {
    const id = await approvedReport(context, schoolYear, institutionId, founder);
    if (index === 0) {
      const school = await context.tokenFor({ role: Role.SCHOOL, institutionId, subject: `school-${institutionId.slice(0, 8)}` });
      await context.data(REOPEN_COUNTS, { id }, founder);
      await context.data(CONFIRM_COUNTS, { id }, school);
      await context.data(APPROVE_COUNTS, { id }, founder);
    }
    reports.push(id);
  }
  await context.data(LOCK_YEAR, { schoolYear }, context.officer);
  return reports;
}

/**
 * A municipality of its own (no other scenario founds schools there) sends its one school's
 * approved counts to the ministry, which returns them once with a reason and then accepts them
 * (locking the report). Returns the submission's and the report's ids.
 */
async function submitToMinistry(context: ScenarioContext, schoolYear: string): Promise<string[]> {
  const municipality = 'Varakļānu novads';
  const school = await registerInstitution(context, {
    name: 'Varakļānu vidusskola',
    founder: { kind: 'MUNICIPALITY', name: 'Varakļānu novada pašvaldība', municipality },
    planningRegion: 'LATGALE',
    implementationPlaces: [{ address: 'Rīgas iela 13, Varakļāni', municipality, planningRegion: 'LATGALE' }],
  });
  const founder = await context.tokenFor({ role: Role.MUNICIPALITY, municipality, subject: 'varaklani-asyncapi' });
  await reopenForADay(context, schoolYear);
  const report = await approvedReport(context, schoolYear, school.id, founder);
  const input = { municipality, schoolYear };
  const submission = (await context.data(SEND_COUNTS, { input }, founder)).sendLearnerCountsToMinistry.submission.id as string;
  await context.data(RETURN_COUNTS, { input: { ...input, reason: 'Please check grade 5 once more' } }, context.officer);
  await context.data(SEND_COUNTS, { input }, founder);
  await context.data(ACCEPT_COUNTS, { input }, context.officer);
  return [submission, report];
}

export const registryScenario: EventScenario = async (context) => {
  const data = (query: string, input: Record<string, unknown>) => context.data(query, { input }, context.officer);
  const register = async (overrides: Record<string, unknown> = {}) => (await registerInstitution(context, overrides)).id;

  // State significance is for interest-education institutions only.
  const amended = await register({ name: 'Shēmas pārbaudes skola', type: 'INTEREST_EDUCATION' });
  await data(AMEND, { id: amended, name: 'Shēmas pārbaudes pamatskola', decision: { number: 'A-1', date: '2024-09-10' } });
  await data(AMEND, { id: amended, headName: 'Anna Ozola', decision: { number: 'A-2', date: '2024-09-11' } });
  const amendment = (await context.data(DECISIONS, { id: amended })).institution.decisions.find((d: any) => d.kind === 'AMENDMENT');
  await data(REVOKE_DECISION, {
    decisionId: amendment.id,
    decision: { number: 'V-1', date: '2024-09-20', reason: 'Decided on a wrong application' },
  });
  await data(GRANT, { id: amended, decision: { number: 'S-1', date: '2024-09-21' } });
  await data(REVOKE_SIGNIFICANCE, { id: amended, decision: { number: 'S-2', date: '2024-09-22' } });

  const liquidated = await register();
  await data(LIQUIDATE, { id: liquidated, decision: { number: 'L-1', date: '2024-09-30' } });

  const [first, second, successor] = [await register(), await register(), await register({ name: 'Apvienotā skola' })];
  await data(REORGANISE, {
    kind: 'MERGER',
    predecessorIds: [first, second],
    successorIds: [successor],
    decision: { number: 'M-1', date: '2024-09-20' },
  });

  const { decision: _unused, ...fields } = institutionInput({ name: 'Jauna privātskola' });
  const applied = (await data(RECEIVE, { ...fields, application: { number: 'IES-1', date: '2024-08-20' } })).receiveRegistrationApplication
    .institution.id;
  await data(POSTPONE, {
    id: applied,
    deadline: '2024-09-15',
    decision: { number: 'P-1', date: '2024-08-25', reason: 'Fire-safety report missing' },
  });
  await data(APPROVE, { id: applied, decision: { number: 'R-7', date: '2024-09-10' } });
  const { decision: _other, ...otherFields } = institutionInput({ name: 'Cita privātskola' });
  const refused = (await data(RECEIVE, { ...otherFields, application: { number: 'IES-2', date: '2024-08-21' } }))
    .receiveRegistrationApplication.institution.id;
  await data(REFUSE, { id: refused, decision: { number: 'X-1', date: '2024-09-01', reason: 'The founder withdrew the premises' } });

  const school = await register();
  const submitted = await submitToMinistry(context, '2024/2025');
  const reports = await lockLearnerCounts(context, '2024/2025', [school]);

  const higher = (
    await data(REGISTER_HIGHER, {
      registrationNumber: institutionInput().registrationNumber,
      name: 'Shēmas pārbaudes akadēmija',
      kind: 'ACADEMY',
      founder: { kind: 'STATE', name: 'Izglītības un zinātnes ministrija' },
      decision: { number: 'AR-1', date: '2024-01-15' },
    })
  ).registerHigherEducationInstitution.institution.id;
  const branch = await data(OPEN_BRANCH, {
    institutionId: higher,
    address: 'Atbrīvošanas aleja 115, Rēzekne',
    municipality: 'Rēzekne',
    planningRegion: 'LATGALE',
    decision: { number: 'AR-2', date: '2024-02-01' },
  });
  await data(EXCLUDE_BRANCH, {
    branchId: branch.openBranch.branch.id,
    decision: { number: 'AR-3', date: '2024-03-20', reason: 'No programmes are run there any more' },
  });
  await data(AMEND_HIGHER, { id: higher, name: 'Shēmas pārbaudes universitāte', decision: { number: 'AR-4', date: '2024-05-01' } });

  return {
    [Topics.registryInstitution]: [amended, liquidated, first, second, successor, applied, refused],
    [Topics.registryLearnerCounts]: [...reports, ...submitted],
    [Topics.registryHigherEducation]: [higher],
  };
};
