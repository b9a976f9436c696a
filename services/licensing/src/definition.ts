import { CreateRegistryInstitutionReplica1732300000050, readSubgraphSdl, type SubgraphDefinition, Topics, systemClock } from '@eq/shared';
import { parse } from 'graphql';
import { buildContext, type Context } from './context';
import { STEM_SHARE_MINIMUMS } from './domain/stemSubsidyShare';
import { InterestProgrammeEntity } from './entities/interestProgramme';
import { InterestProgrammeDecisionEntity } from './entities/interestProgrammeDecision';
import { InterestProgrammeLearnerCountEntity } from './entities/interestProgrammeLearnerCount';
import { InterestProgrammeVersionEntity } from './entities/interestProgrammeVersion';
import { LicenceEntity } from './entities/licence';
import { LicenceDecisionEntity } from './entities/licenceDecision';
import { LicencePlaceEntity } from './entities/licencePlace';
import { registryEventHandlers } from './events/in/registryEvents';
import { CreateLicences1732300000200 } from './migrations/1732300000200-CreateLicences';
import { MoveToRegistryInstitutionReplica1732300000250 } from './migrations/1732300000250-MoveToRegistryInstitutionReplica';
import { LicenceKindsLifecycleAndInterestProgrammes1732300002200 } from './migrations/1732300002200-LicenceKindsLifecycleAndInterestProgrammes';
import { InterestProgrammeHistoryAndLearners1732300004250 } from './migrations/1732300004250-InterestProgrammeHistoryAndLearners';
import type { LicensingOptions } from './licensingOptions';
import { resolvers } from './resolvers';

/**
 * The licensing subgraph: programme licences and their lifecycle, interest-education
 * programmes; reacts to the registry's institution events (liquidation, reorganisation).
 */
export function createLicensing(options: LicensingOptions = {}): SubgraphDefinition<Context> {
  const clock = options.clock ?? systemClock;
  const stemMinimums = options.stemMinimums ?? STEM_SHARE_MINIMUMS;
  return {
    name: 'licensing',
    typeDefs: parse(readSubgraphSdl('licensing')),
    resolvers,
    entities: [
      LicenceEntity,
      LicencePlaceEntity,
      LicenceDecisionEntity,
      InterestProgrammeEntity,
      InterestProgrammeDecisionEntity,
      InterestProgrammeVersionEntity,
      InterestProgrammeLearnerCountEntity,
    ],
    migrations: [
      CreateRegistryInstitutionReplica1732300000050,
      CreateLicences1732300000200,
      MoveToRegistryInstitutionReplica1732300000250,
      LicenceKindsLifecycleAndInterestProgrammes1732300002200,
      InterestProgrammeHistoryAndLearners1732300004250,
    ],
    publishes: [Topics.licensingLicence, Topics.licensingInterestProgramme],
    consumes: { topics: [Topics.registryInstitution], handlers: registryEventHandlers },
    buildContext: (base, deps) => buildContext(base, deps, { clock, stemMinimums }),
  };
}

export const licensing = createLicensing();
