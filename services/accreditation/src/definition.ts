import { CreateRegistryInstitutionReplica1732300000050, readSubgraphSdl, type SubgraphDefinition, Topics, systemClock } from '@eq/shared';
import { parse } from 'graphql';
import { buildContext, type Clock, type Context } from './context';
import { DEFAULT_NEW_PROGRAMME_ACCREDITATION_YEARS } from './domain/programmeDeadline';
import { assertTermPolicy, DEFAULT_TERM_POLICY, type TermPolicy } from './domain/termPolicy';
import { AccreditationEntity } from './entities/accreditation';
import { AccreditationApplicationEntity } from './entities/accreditationApplication';
import { AccreditationExtensionEntity } from './entities/accreditationExtension';
import { AccreditationResultEntity } from './entities/accreditationResult';
import { HeadEvaluationEntity } from './entities/headEvaluation';
import { KnownLicenceEntity } from './entities/knownLicence';
import { AccreditationTaskEntity, MonitoringVisitEntity, TaskProgressEntity } from './entities/monitoring';
import { licenceEventHandlers } from './events/in/licenceEvents';
import { registryEventHandlers } from './events/in/registryEvents';
import { expiryJob } from './jobs/expiryJob';
import { CreateAccreditations1732300000300 } from './migrations/1732300000300-CreateAccreditations';
import { MoveToRegistryInstitutionReplica1732300000350 } from './migrations/1732300000350-MoveToRegistryInstitutionReplica';
import { AccreditationProcess1732300002300 } from './migrations/1732300002300-AccreditationProcess';
import { CreateHeadEvaluations1732300002310 } from './migrations/1732300002310-CreateHeadEvaluations';
import { CreateTasksAndMonitoring1732300002320 } from './migrations/1732300002320-CreateTasksAndMonitoring';
import { LiquidationExtensionReason1732300004300 } from './migrations/1732300004300-LiquidationExtensionReason';
import { resolvers } from './resolvers';

export interface AccreditationOptions {
  /** How results turn into a term; defaults to `DEFAULT_TERM_POLICY` (see domain/termPolicy.ts). */
  termPolicy?: TermPolicy;
  /** What "today" is for decisions, deadlines and expiry (tests pass their own); default: today in Latvia. */
  clock?: Clock;
  /** How often expired terms are marked and expiring ones announced; default one hour. */
  expiryIntervalMs?: number;
  /**
   * How many days before a term ends `accreditation.accreditation.expiring` goes out. A policy
   * (the reference data fixes none); default 180 days, two months ahead of the application
   * deadline, so the institution hears in time to apply.
   */
  expiringNoticeDays?: number;
  /**
   * Within how many years of its start a new programme must be accredited (see
   * domain/programmeDeadline.ts); default 2. Our configurable figure, not one from the reference data.
   */
  newProgrammeAccreditationYears?: number;
}

function assertWholeNumber(value: number, name: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${name} must be a whole number ${min}-${max}, got ${value}`);
  return value;
}

/**
 * The accreditation subgraph: applications, evaluations and decisions on institutions and on
 * programmes (by licence), terms with their extensions and expiry, reacting to the registry's
 * institution events and licensing's licence events. The options are checked here, once.
 */
export function defineAccreditation(options: AccreditationOptions = {}): SubgraphDefinition<Context> {
  const termPolicy = assertTermPolicy(options.termPolicy ?? DEFAULT_TERM_POLICY);
  const clock = options.clock ?? systemClock;
  const expiringNoticeDays = assertWholeNumber(options.expiringNoticeDays ?? 180, 'expiringNoticeDays', 0, 3660);
  const newProgrammeAccreditationYears = assertWholeNumber(
    options.newProgrammeAccreditationYears ?? DEFAULT_NEW_PROGRAMME_ACCREDITATION_YEARS,
    'newProgrammeAccreditationYears',
    1,
    10,
  );
  const intervalMs = assertWholeNumber(options.expiryIntervalMs ?? 3_600_000, 'expiryIntervalMs', 10, 86_400_000);
  return {
    name: 'accreditation',
    typeDefs: parse(readSubgraphSdl('accreditation')),
    resolvers,
    entities: [
      AccreditationEntity,
      AccreditationResultEntity,
      AccreditationApplicationEntity,
      AccreditationExtensionEntity,
      KnownLicenceEntity,
      HeadEvaluationEntity,
      AccreditationTaskEntity,
      MonitoringVisitEntity,
      TaskProgressEntity,
    ],
    migrations: [
      CreateRegistryInstitutionReplica1732300000050,
      CreateAccreditations1732300000300,
      MoveToRegistryInstitutionReplica1732300000350,
      AccreditationProcess1732300002300,
      CreateHeadEvaluations1732300002310,
      CreateTasksAndMonitoring1732300002320,
      LiquidationExtensionReason1732300004300,
    ],
    publishes: [Topics.accreditationAccreditation, Topics.accreditationApplication, Topics.accreditationHeadEvaluation],
    consumes: {
      topics: [Topics.registryInstitution, Topics.licensingLicence],
      handlers: { ...registryEventHandlers, ...licenceEventHandlers },
    },
    buildContext: (base, deps) => buildContext(base, deps, { termPolicy, clock, newProgrammeAccreditationYears }),
    jobs: [expiryJob({ clock, intervalMs, expiringNoticeDays })],
  };
}

export const accreditation = defineAccreditation();
