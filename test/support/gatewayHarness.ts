import { PUBLIC_CALLER, type Caller, type RequestContext, type RunningService, type SubgraphDefinition } from '@eq/shared';
import type { Infrastructure } from '../../scripts/stack/infrastructure';
import type { GraphQLResponse } from './graphqlClient';
import { requestSubgraph } from './serviceHarness';
import { startTestStack, type TestStack } from './testStack';

export interface GatewayHarness {
  /** The subgraph under test, for its database and direct checks. */
  service: RunningService;
  infrastructure: Infrastructure;
  stack: TestStack;
  /** Calls the gateway, as a front end would, with a JWT for `caller` (none for PUBLIC). */
  request<T = any>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResponse<T>>;
  /** Calls the subgraph directly with the gateway's secret: for `_entities` and the subgraph's own schema. */
  direct<T = any>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * The whole stack (five subgraphs and the gateway) with `definition` in place of its standard
 * subgraph (so a test can give it a clock of its own), for services' tests that must go through
 * the gateway exactly as clients do. Same `request` shape as the service harness.
 */
export async function startGatewayHarness<T extends RequestContext>(
  definition: SubgraphDefinition<T>,
  { logLevel }: { logLevel?: string } = {},
): Promise<GatewayHarness> {
  const stack = await startTestStack(definition.name, {
    definitions: { [definition.name]: definition },
    logLevel,
  });
  const service = stack.services[definition.name]!;
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (caller: Caller) => {
    const key = JSON.stringify(caller);
    if (!tokens.has(key)) tokens.set(key, stack.client.token(caller));
    return tokens.get(key)!;
  };
  return {
    service,
    infrastructure: stack.infrastructure,
    stack,
    request: async (query, variables = {}, caller = PUBLIC_CALLER) =>
      stack.client.request(query, variables, caller.role === PUBLIC_CALLER.role ? undefined : await tokenFor(caller)),
    direct: (query, variables = {}, caller = PUBLIC_CALLER) => requestSubgraph(service.url, query, variables, caller),
    close: () => stack.close(),
  };
}
