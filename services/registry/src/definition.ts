import { readSubgraphSdl, type SubgraphDefinition, Topics, systemClock } from '@eq/shared';
import { parse } from 'graphql';
import { buildContext, type Clock, type Context } from './context';
import { createMunicipalityClassifier } from './domain/municipalities';
import { DecisionEntity } from './entities/decision';
import { ImplementationPlaceEntity } from './entities/implementationPlace';
import { InstitutionEntity } from './entities/institution';
import { InstitutionChangeEntity } from './entities/institutionChange';
import { InstitutionLinkEntity } from './entities/institutionLink';
import { CreateInstitutionRegister1732300000100 } from './migrations/1732300000100-CreateInstitutionRegister';
import { InstitutionHistoryAndLinks1732300001000 } from './migrations/1732300001000-InstitutionHistoryAndLinks';
import { ApplicationsAndRevocation1732300001010 } from './migrations/1732300001010-ApplicationsAndRevocation';
import { HigherEducationAmendmentEntity } from './entities/higherEducationAmendment';
import { HigherEducationBranchEntity } from './entities/higherEducationBranch';
import { HigherEducationInstitutionEntity } from './entities/higherEducationInstitution';
import { CreateHigherEducationRegister1732300001200 } from './migrations/1732300001200-CreateHigherEducationRegister';
import { LearnerCountReportEntity } from './entities/learnerCountReport';
import { LearnerCountSubmissionEntity } from './entities/learnerCountSubmission';
import { LearnerCountYearLockEntity } from './entities/learnerCountYearLock';
import { learnerCountDeadlineJob } from './jobs/learnerCountDeadlineJob';
import { CreateLearnerCountReports1732300001100 } from './migrations/1732300001100-CreateLearnerCountReports';
import { LearnerCountDeadlineAndSubmissions1732300001300 } from './migrations/1732300001300-LearnerCountDeadlineAndSubmissions';
import { resolvers } from './resolvers';
import { applyDueChanges } from './store/dueChanges';

export interface RegistryOptions {
  /** What "today" is for decisions and the scheduler, and "now" for learner-count deadlines (tests pass their own). */
  clock?: Clock;
  /** How often decisions that have reached their effective date are applied. */
  scheduleIntervalMs?: number;
  /** How often school years whose learner-count deadline has passed are locked (default a minute). */
  learnerCountDeadlineIntervalMs?: number;
  /** The municipalities founders and places may name. */
  municipalities?: readonly string[];
}

/** The registry subgraph: the register of education institutions, the spine of the graph. */
export function createRegistry(options: RegistryOptions = {}): SubgraphDefinition<Context> {
  const clock = options.clock ?? systemClock;
  const municipalities = createMunicipalityClassifier(options.municipalities);
  return {
    name: 'registry',
    typeDefs: parse(readSubgraphSdl('registry')),
    resolvers,
    entities: [
      InstitutionEntity,
      ImplementationPlaceEntity,
      DecisionEntity,
      InstitutionChangeEntity,
      InstitutionLinkEntity,
      HigherEducationInstitutionEntity,
      HigherEducationBranchEntity,
      HigherEducationAmendmentEntity,
      LearnerCountReportEntity,
      LearnerCountYearLockEntity,
      LearnerCountSubmissionEntity,
    ],
    migrations: [
      CreateInstitutionRegister1732300000100,
      InstitutionHistoryAndLinks1732300001000,
      ApplicationsAndRevocation1732300001010,
      CreateLearnerCountReports1732300001100,
      CreateHigherEducationRegister1732300001200,
      LearnerCountDeadlineAndSubmissions1732300001300,
    ],
    publishes: [Topics.registryInstitution, Topics.registryLearnerCounts, Topics.registryHigherEducation],
    buildContext: (base, deps) => buildContext(base, deps, { clock, municipalities }),
    jobs: [
      {
        name: 'apply-due-decisions',
        intervalMs: options.scheduleIntervalMs ?? 60_000,
        run: ({ db, logger }) => applyDueChanges(db, clock.today(), logger).then(() => undefined),
      },
      learnerCountDeadlineJob({ clock, intervalMs: options.learnerCountDeadlineIntervalMs ?? 60_000 }),
    ],
  };
}

export const registry = createRegistry();
