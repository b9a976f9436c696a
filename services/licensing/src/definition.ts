import { CreateRegistryInstitutionReplica1732300000050, readSubgraphSdl, type SubgraphDefinition, todayInLatvia, Topics } from '@eq/shared';
import { parse } from 'graphql';
import { buildContext, type Clock, type Context } from './context';
import { InterestProgrammeEntity } from './entities/interestProgramme';
import { LicenceEntity } from './entities/licence';
import { LicenceDecisionEntity } from './entities/licenceDecision';
import { LicencePlaceEntity } from './entities/licencePlace';
import { registryEventHandlers } from './events/registryEvents';
import { CreateLicences1732300000200 } from './migrations/1732300000200-CreateLicences';
import { MoveToRegistryInstitutionReplica1732300000250 } from './migrations/1732300000250-MoveToRegistryInstitutionReplica';
import { LicenceKindsLifecycleAndInterestProgrammes1732300002200 } from './migrations/1732300002200-LicenceKindsLifecycleAndInterestProgrammes';
import { resolvers } from './resolvers';

export interface LicensingOptions {
  /** What "today" is for the classifier's default date and the subsidy report (tests pass their own). */
  clock?: Clock;
}

const systemClock: Clock = { today: () => todayInLatvia() };

/**
 * The licensing subgraph: programme licences and their lifecycle, interest-education
 * programmes; reacts to the registry's institution events (liquidation, reorganisation).
 */
export function createLicensing(options: LicensingOptions = {}): SubgraphDefinition<Context> {
  const clock = options.clock ?? systemClock;
  return {
    name: 'licensing',
    typeDefs: parse(readSubgraphSdl('licensing')),
    resolvers,
    entities: [LicenceEntity, LicencePlaceEntity, LicenceDecisionEntity, InterestProgrammeEntity],
    migrations: [
      CreateRegistryInstitutionReplica1732300000050,
      CreateLicences1732300000200,
      MoveToRegistryInstitutionReplica1732300000250,
      LicenceKindsLifecycleAndInterestProgrammes1732300002200,
    ],
    publishes: [Topics.licensingLicence, Topics.licensingInterestProgramme],
    consumes: { topics: [Topics.registryInstitution], handlers: registryEventHandlers },
    buildContext: (base, deps) => buildContext(base, deps, { clock }),
  };
}

export const licensing = createLicensing();
