import { CreateRegistryInstitutionReplica1732300000050, readSubgraphSdl, type SubgraphDefinition, Topics } from '@eq/shared';
import { parse } from 'graphql';
import { buildContext, type Context } from './context';
import { LicenceEntity } from './entities/licence';
import { registryEventHandlers } from './events/registryEvents';
import { CreateLicences1732300000200 } from './migrations/1732300000200-CreateLicences';
import { MoveToRegistryInstitutionReplica1732300000250 } from './migrations/1732300000250-MoveToRegistryInstitutionReplica';
import { resolvers } from './resolvers';

/** The licensing subgraph: programme licences, reacting to the registry's institution events. */
export const licensing: SubgraphDefinition<Context> = {
  name: 'licensing',
  typeDefs: parse(readSubgraphSdl('licensing')),
  resolvers,
  entities: [LicenceEntity],
  migrations: [CreateRegistryInstitutionReplica1732300000050, CreateLicences1732300000200, MoveToRegistryInstitutionReplica1732300000250],
  publishes: [Topics.licensingLicence],
  consumes: { topics: [Topics.registryInstitution], handlers: registryEventHandlers },
  buildContext,
};
