import { CreateRegistryInstitutionReplica1732300000050, readSubgraphSdl, type SubgraphDefinition, Topics } from '@eq/shared';
import { parse } from 'graphql';
import { DEFAULT_CATALOGUE_OPTIONS, type CatalogueOptions } from './catalogueOptions';
import { contextBuilder, type Context } from './context';
import { ActivityEntity } from './entities/activity';
import { ActivityProviderEntity } from './entities/activityProvider';
import { registryEventHandlers } from './events/registryEvents';
import { CreateActivityCatalogue1732300000500 } from './migrations/1732300000500-CreateActivityCatalogue';
import { MoveToRegistryInstitutionReplica1732300000550 } from './migrations/1732300000550-MoveToRegistryInstitutionReplica';
import { resolvers } from './resolvers';

const typeDefs = parse(readSubgraphSdl('catalogue'));

/**
 * The catalogue subgraph: providers and their STEM and civic-participation activities under
 * ESF+ measure 4.2.2.1, with a replica of the register's institutions.
 */
export function createCatalogue(options: CatalogueOptions): SubgraphDefinition<Context> {
  return {
    name: 'catalogue',
    typeDefs,
    resolvers,
    entities: [ActivityProviderEntity, ActivityEntity],
    migrations: [CreateRegistryInstitutionReplica1732300000050, CreateActivityCatalogue1732300000500, MoveToRegistryInstitutionReplica1732300000550],
    publishes: [Topics.catalogueActivity],
    consumes: { topics: [Topics.registryInstitution], handlers: registryEventHandlers },
    buildContext: contextBuilder(options),
  };
}

/** The catalogue with the measure's own figures (what the stack and tests run). */
export const catalogue = createCatalogue(DEFAULT_CATALOGUE_OPTIONS);
