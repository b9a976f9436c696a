import { timingSafeEqual, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DocumentNode } from 'graphql';
import type { Registry } from 'prom-client';
import { cacheControlPlugins } from './cacheControl';
import { CALLER_HEADER, decodeCaller, GATEWAY_SECRET_HEADER, REQUEST_ID_HEADER, type Caller } from './auth';
import { errorRequestIds, maskUnexpectedErrors } from './errors';
import { refuseUnstorableText } from './refuseUnstorableText';
import { httpRoutes, listen, type ReadinessCheck, type RunningHttpServer } from './httpServer';
import { graphqlRequestHandler } from './graphqlRequestHandler';
import type { SubgraphResolvers } from './service';
import type { Logger } from './logger';
import { GraphQLMetrics, requestMetricsPlugin } from './metrics';

/** What every resolver receives, before a service adds its own dependencies. */
export interface RequestContext extends BaseContext {
  caller: Caller;
  requestId: string;
  log: Logger;
}

export interface SubgraphServerOptions<TContext extends RequestContext> {
  /** The service's name, a label on its metrics. */
  name?: string;
  typeDefs: DocumentNode;
  resolvers: SubgraphResolvers;
  host: string;
  port: number;
  gatewaySecret: string;
  logger: Logger;
  readiness: ReadinessCheck[];
  /** More metrics served on `/metrics` beside the GraphQL ones (the event backbone's). */
  metricsRegistries?: Registry[];
  /** How long closing waits for requests in flight before cutting them. */
  drainMs?: number;
  /** Adds the service's dependencies (database, loaders) to the request context. */
  buildContext: (base: RequestContext) => TContext;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function secretMatches(expected: Buffer, given: string | undefined): boolean {
  if (!given) return false;
  const candidate = Buffer.from(given);
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

/**
 * Serves a federation subgraph at `/graphql` with the operational endpoints beside it, on one
 * `node:http` stack (httpServer.ts): `/healthz`, `/readyz` and `/metrics` (Prometheus: requests,
 * latency by operation, errors by code). Answers carry `Cache-Control` from the SDL's `@cacheControl` hints, for PUBLIC
 * callers only (see cacheControl.ts); the gateway's response cache reads it. Requests without
 * the gateway's shared secret are refused before GraphQL sees them, so a subgraph cannot be
 * queried around the gateway's authentication.
 */
export async function startSubgraphServer<TContext extends RequestContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningHttpServer & { apollo: ApolloServer<TContext> }> {
  const metrics = new GraphQLMetrics('subgraph', options.name ? { service: options.name } : {});
  const errorIds = errorRequestIds<TContext>();
  const apollo = new ApolloServer<TContext>({
    schema: buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers }]),
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      refuseUnstorableText<TContext>(),
      errorIds.plugin,
      requestMetricsPlugin<TContext>(metrics),
      ...cacheControlPlugins<TContext>(),
    ],
    formatError: maskUnexpectedErrors(options.logger, errorIds.requestIdOf),
    includeStacktraceInErrorResponses: false,
    // The process owns shutdown (onShutdownSignal): Apollo re-raising SIGTERM would cut it short.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const secret = Buffer.from(options.gatewaySecret);
  const graphql = graphqlRequestHandler(apollo, {
    admit: (req) => secretMatches(secret, headerValue(req, GATEWAY_SECRET_HEADER)),
    context: async (req) => {
      const requestId = headerValue(req, REQUEST_ID_HEADER) ?? randomUUID();
      const caller = decodeCaller(headerValue(req, CALLER_HEADER));
      return options.buildContext({ caller, requestId, log: options.logger.child({ requestId }) });
    },
    limitBytes: 1024 * 1024,
    logger: options.logger,
  });
  const routes = httpRoutes({ graphql, readiness: options.readiness, metrics: [metrics.registry, ...(options.metricsRegistries ?? [])] });
  const running = await listen(routes, options.host, options.port, { drainMs: options.drainMs });
  return {
    ...running,
    apollo,
    close: async () => {
      await running.close();
      await apollo.stop();
    },
  };
}
