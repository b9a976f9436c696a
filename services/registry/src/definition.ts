import { readSubgraphSdl, type SubgraphDefinition, Topics } from '@eq/shared';
import { parse } from 'graphql';
import { buildContext, type Context } from './context';
import { DecisionEntity } from './entities/decision';
import { ImplementationPlaceEntity } from './entities/implementationPlace';
import { InstitutionEntity } from './entities/institution';
import { CreateInstitutionRegister1732300000100 } from './migrations/1732300000100-CreateInstitutionRegister';
import { resolvers } from './resolvers';

/** The registry subgraph: the register of education institutions, the spine of the graph. */
export const registry: SubgraphDefinition<Context> = {
  name: 'registry',
  typeDefs: parse(readSubgraphSdl('registry')),
  resolvers,
  entities: [InstitutionEntity, ImplementationPlaceEntity, DecisionEntity],
  migrations: [CreateInstitutionRegister1732300000100],
  publishes: [Topics.registryInstitution, Topics.registryLearnerCounts],
  buildContext,
};
