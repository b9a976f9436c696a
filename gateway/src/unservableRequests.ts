import type { ApolloServerPlugin } from '@apollo/server';
import { REQUEST_ERROR_CODES } from '@eq/shared';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context';

/** No input type of the supergraph nests anywhere near this; deeper variables are a client's mistake or an attack. */
export const MAX_VARIABLE_DEPTH = 32;

/** Whether `value` nests deeper than `limit`, walked without recursion (8 000 levels overflow the stack). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });

/** A client-chosen name echoed in a message, bounded. */
const named = (name: string) => JSON.stringify(name.length > 100 ? `${name.slice(0, 100)}…` : name);

/**
 * Refuses with 400 BAD_REQUEST, before the response cache or the query planner see them, the
 * requests that Apollo would otherwise answer with HTTP 500 although the client caused them:
 * an `operationName` the document does not contain, several operations without an
 * `operationName`, a subscription (the gateway serves none; events go out on Kafka), and
 * variables nested deeper than any input type (their response-cache key overflowed the stack).
 * As a backstop, an answer Apollo gives status 500 whose errors all carry client codes is
 * sent as 400: the status must agree with the code.
 */
export function unservableRequestsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) {
            throw badRequest(
              request.operationName
                ? `The document has no operation named ${named(request.operationName)}`
                : 'The document has several operations: say which to run with operationName',
            );
          }
          if (operation.operation === 'subscription') {
            throw badRequest('Subscriptions are not served over HTTP; changes are published as events on Kafka (see docs/subscribing.md)');
          }
          if (nestsDeeperThan(request.variables ?? {}, MAX_VARIABLE_DEPTH)) {
            throw badRequest(`Variables may nest at most ${MAX_VARIABLE_DEPTH} levels deep`);
          }
        },
        async willSendResponse({ response }) {
          if (response.http.status !== 500 || response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.length > 0 && errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code))))
            response.http.status = 400;
        },
      };
    },
  };
}
