import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { Role } from './auth';
import type { RequestContext } from './subgraphServer';

/**
 * The definitions of Apollo's `@cacheControl`, added to every subgraph's SDL when it is read:
 * a subgraph hints (only) its public data, e.g. `institution(id: ID!): Institution
 * @cacheControl(maxAge: 60)`. The directive is not composed into the supergraph: the gateway
 * learns each answer's policy from the subgraph's `Cache-Control` header instead. Its enum is
 * composed, so it is `@inaccessible` (federation's own directive, by its namespaced name): it
 * stays out of the public API.
 */
export const CACHE_CONTROL_SDL = /* GraphQL */ `
  enum CacheControlScope @federation__inaccessible {
    PUBLIC
    PRIVATE
  }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
`;

/**
 * Cache hints as `Cache-Control` on the subgraph's answers, for PUBLIC callers only. Fields
 * without a hint are not cacheable (defaultMaxAge 0), and an answer to a caller with a role is
 * never cacheable whatever its hints say: it may hold what only that role may see, so neither
 * the gateway nor any proxy may keep it.
 */
export function cacheControlPlugins<TContext extends RequestContext>(): ApolloServerPlugin<TContext>[] {
  return [
    ApolloServerPluginCacheControl({ defaultMaxAge: 0, calculateHttpHeaders: true }),
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ contextValue, overallCachePolicy }) {
            if (contextValue.caller.role !== Role.PUBLIC) overallCachePolicy.restrict({ maxAge: 0 });
          },
        };
      },
    },
  ];
}
