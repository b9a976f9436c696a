import { SUBGRAPHS, type RequestContext, type SubgraphDefinition } from '@eq/shared';

/**
 * Every subgraph's definition, in the manifest's start order (services/subgraphs.json): each
 * workspace package `@eq/<name>` exports its definition as `<name>`.
 */
export const SERVICES: SubgraphDefinition<RequestContext>[] = await Promise.all(
  SUBGRAPHS.map(async ({ name }) => {
    const module = (await import(`@eq/${name}`)) as Record<string, unknown>;
    const definition = module[name] as SubgraphDefinition<RequestContext> | undefined;
    if (!definition) throw new Error(`@eq/${name} exports no subgraph definition named "${name}"`);
    return definition;
  }),
);
