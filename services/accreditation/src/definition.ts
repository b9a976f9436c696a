import { CreateRegistryInstitutionReplica1732300000050, readSubgraphSdl, type SubgraphDefinition, Topics } from '@eq/shared';
import { parse } from 'graphql';
import { buildContext, type Context } from './context';
import { assertTermPolicy, DEFAULT_TERM_POLICY, type TermPolicy } from './domain/termPolicy';
import { AccreditationEntity } from './entities/accreditation';
import { AccreditationResultEntity } from './entities/accreditationResult';
import { registryEventHandlers } from './events/registryEvents';
import { CreateAccreditations1732300000300 } from './migrations/1732300000300-CreateAccreditations';
import { MoveToRegistryInstitutionReplica1732300000350 } from './migrations/1732300000350-MoveToRegistryInstitutionReplica';
import { resolvers } from './resolvers';

export interface AccreditationOptions {
  /** How results turn into a term; defaults to `DEFAULT_TERM_POLICY` (see domain/termPolicy.ts). */
  termPolicy?: TermPolicy;
}

/**
 * The accreditation subgraph: accreditations of institutions with their results per quality
 * category, reacting to the registry's institution events. The options are checked here, once.
 */
export function defineAccreditation(options: AccreditationOptions = {}): SubgraphDefinition<Context> {
  const termPolicy = assertTermPolicy(options.termPolicy ?? DEFAULT_TERM_POLICY);
  return {
    name: 'accreditation',
    typeDefs: parse(readSubgraphSdl('accreditation')),
    resolvers,
    entities: [AccreditationEntity, AccreditationResultEntity],
    migrations: [CreateRegistryInstitutionReplica1732300000050, CreateAccreditations1732300000300, MoveToRegistryInstitutionReplica1732300000350],
    publishes: [Topics.accreditationAccreditation],
    consumes: { topics: [Topics.registryInstitution], handlers: registryEventHandlers },
    buildContext: (base, deps) => buildContext(base, deps, termPolicy),
  };
}

export const accreditation = defineAccreditation();
