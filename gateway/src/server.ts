import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { graphqlRequestHandler, httpRoutes, listen, type Logger, type RunningHttpServer } from '@eq/shared';
import { accessLog, accessRecordOf, accessRecordPlugin } from './accessLog';
import { gatewayContext, type GatewayContext } from './context';
import type { GatewayConfig } from './config';
import { gatewayErrorPolicy } from './maskGatewayErrors';
import { GatewayMetrics } from './metrics';
import { queryLimitOptions } from './queryLimits';
import { responseCachePlugins } from './responseCache';
import { SubgraphDataSource } from './subgraphDataSource';
import { unservableRequestsPlugin } from './unservableRequests';

/** The largest GraphQL request body taken (as with express.json({ limit: "100kb" }) before); operations are a few kB. */
const GATEWAY_BODY_LIMIT_BYTES = 100 * 1024;

/**
 * The public door: an Apollo Gateway over the committed supergraph, with bearer-token auth,
 * query limits, masked errors, a deadline on every subgraph fetch, a response cache for PUBLIC
 * callers' cacheable answers, an access log line per request, and the operational endpoints `/healthz`, `/readyz` (asks every
 * subgraph's `/readyz`) and `/metrics` (Prometheus), on the same `node:http` stack as the subgraphs.
 */
export async function startGatewayServer(config: GatewayConfig, logger: Logger): Promise<RunningHttpServer> {
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  // Filled by the gateway as it reads the supergraph (at start): each subgraph's URL, overridden by configuration.
  const urls: Record<string, string> = {};
  const metrics = new GatewayMetrics(config.metricsOperations);
  const errorPolicy = gatewayErrorPolicy(logger);
  const limits = queryLimitOptions(config.limits);

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      urls[name] = config.subgraphUrls[name] ?? url!;
      return new SubgraphDataSource({
        name,
        url: urls[name],
        gatewaySecret: config.gatewaySecret,
        timeoutMs: config.subgraphTimeoutMs,
        metrics,
        logger,
      });
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...limits,
    formatError: errorPolicy.formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    // Apollo's default, stated because the tests rely on it: a GET or a "simple" content type
    // (the kinds a browser sends cross-site without a preflight) needs a non-simple header.
    csrfPrevention: true,
    // Automatic persisted queries are on by default, in a bounded in-memory LRU cache.
    // The process owns shutdown (onShutdownSignal): Apollo re-raising SIGTERM would cut it short.
    stopOnTerminationSignals: false,
    plugins: [
      ...(limits.plugins ?? []),
      errorPolicy.plugin,
      unservableRequestsPlugin(),
      accessRecordPlugin(),
      ...responseCachePlugins(config.responseCache, metrics),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  const readiness = Object.entries(urls).map(([name, url]) => ({
    name,
    check: async () => {
      const response = await fetch(url.replace(/\/graphql$/, '/readyz'), { signal: AbortSignal.timeout(2_000) });
      if (!response.ok) throw new Error(`${name} answered ${response.status}`);
    },
  }));
  const startAccess = accessLog(logger, metrics);
  const serveGraphql = graphqlRequestHandler(apollo, {
    admit: () => true,
    context: (req) => gatewayContext(req, accessRecordOf(req), config.jwtSecret, config.tokenMaxLifetimeSeconds),
    limitBytes: GATEWAY_BODY_LIMIT_BYTES,
    logger,
    onRefusal: (req, code) => accessRecordOf(req).errorCodes.push(code),
  });
  const routes = httpRoutes({
    graphql: (req, res) => {
      startAccess(req, res);
      return serveGraphql(req, res);
    },
    readiness,
    metrics: [metrics.registry],
  });
  const running = await listen(routes, config.host, config.port, { drainMs: config.drainMs });
  logger.info({ url: `${running.url}/graphql` }, 'gateway ready');
  return {
    ...running,
    close: async () => {
      await running.close();
      await apollo.stop();
    },
  };
}
