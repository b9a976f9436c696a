import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, errorRequestIds, REQUEST_ERROR_CODES, type Logger } from '@eq/shared';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from './context';

/** Extensions the gateway or Apollo add that must not reach a client (service names, URLs, stacks). */
const INTERNAL_EXTENSIONS = new Set(['serviceName', 'stacktrace', 'exception', 'response', 'http']);

/** graphql-js suggestions map the schema; Apollo hides them, and this is the backstop. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * The gateway's error policy. An error with one of our codes or a request-error code (from the
 * gateway or forwarded by a subgraph, which masked it already) reaches the client with its code,
 * its message and its domain details (e.g. `field`), and nothing the gateway added. Anything
 * else is logged in full with the request id and answered as INTERNAL_SERVER_ERROR carrying
 * that `requestId`, so a report from a client leads to the log line (in the gateway's log and,
 * through x-request-id, in the subgraph's).
 */
export function gatewayErrorPolicy(logger: Logger): {
  formatError: NonNullable<ApolloServerOptions<GatewayContext>['formatError']>;
  plugin: ApolloServerPlugin<GatewayContext>;
} {
  const { plugin, requestIdOf } = errorRequestIds<GatewayContext>();

  const formatError = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = clientStatusWithoutCode(error) ? 'BAD_REQUEST' : formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([key]) => !INTERNAL_EXTENSIONS.has(key)));
      return {
        message: formatted.message.replace(SUGGESTION, ''),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { ...extensions, code },
      };
    }
    const requestId = requestIdOf(error);
    logger.error({ err: error, requestId, path: formatted.path, code, subgraph: formatted.extensions?.serviceName }, 'unexpected error');
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
    };
  };

  return { formatError, plugin };
}

/**
 * Apollo refuses some requests with a 4xx but no code (an APQ hash that does not match its
 * query, a persisted-query version other than 1), which would then read INTERNAL_SERVER_ERROR:
 * the status says the client caused it, so it gets BAD_REQUEST.
 */
function clientStatusWithoutCode(error: unknown): boolean {
  const extensions = (error as { extensions?: { code?: unknown; http?: { status?: unknown } } } | null)?.extensions;
  const status = extensions?.http?.status;
  return extensions?.code === undefined && typeof status === 'number' && status >= 400 && status < 500;
}
