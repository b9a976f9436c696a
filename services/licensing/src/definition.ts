import { readSubgraphSdl, type SubgraphDefinition, Topics } from '@eq/shared';
import { parse } from 'graphql';
import { buildContext, type Context } from './context';
import { KnownInstitutionEntity } from './entities/knownInstitution';
import { LicenceEntity } from './entities/licence';
import { registryEventHandlers } from './events/registryEvents';
import { CreateLicences1732300000200 } from './migrations/1732300000200-CreateLicences';
import { resolvers } from './resolvers';

/** The licensing subgraph: programme licences, reacting to the registry's institution events. */
export const licensing: SubgraphDefinition<Context> = {
  name: 'licensing',
  typeDefs: parse(readSubgraphSdl('licensing')),
  resolvers,
  entities: [LicenceEntity, KnownInstitutionEntity],
  migrations: [CreateLicences1732300000200],
  publishes: [Topics.licensingLicence],
  consumes: { topics: [Topics.registryInstitution], handlers: registryEventHandlers },
  buildContext,
};
