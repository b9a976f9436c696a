import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { createHttpApp, listen, maskUnexpectedErrors, type Logger, type RunningHttpServer } from '@eq/shared';
import express from 'express';
import { gatewayContext, type GatewayContext } from './context';
import type { GatewayConfig } from './config';
import { SubgraphDataSource } from './subgraphDataSource';

/** Reads subgraph URLs from the supergraph's `join__graph` directives. */
export function subgraphUrlsOf(supergraphSdl: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) {
    urls[match[1]!] = match[2]!;
  }
  return urls;
}

/**
 * The public door: an Apollo Gateway over the committed supergraph, with bearer-token auth and
 * liveness/readiness endpoints (readiness asks every subgraph's `/readyz`).
 */
export async function startGatewayServer(config: GatewayConfig, logger: Logger): Promise<RunningHttpServer> {
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  const urls: Record<string, string> = { ...subgraphUrlsOf(supergraphSdl), ...config.subgraphUrls };

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new SubgraphDataSource(urls[name] ?? url!, config.gatewaySecret),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: maskUnexpectedErrors(logger),
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    // The process owns shutdown (onShutdownSignal): Apollo re-raising SIGTERM would cut it short.
    stopOnTerminationSignals: false,
    plugins: config.production ? [ApolloServerPluginLandingPageDisabled()] : [],
  });
  await apollo.start();

  const app = createHttpApp(
    Object.entries(urls).map(([name, url]) => ({
      name,
      check: async () => {
        const response = await fetch(url.replace(/\/graphql$/, '/readyz'), { signal: AbortSignal.timeout(2_000) });
        if (!response.ok) throw new Error(`${name} answered ${response.status}`);
      },
    })),
  );
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, { context: ({ req }) => gatewayContext(req, config.jwtSecret) }),
  );
  const running = await listen(app, config.host, config.port);
  logger.info({ url: `${running.url}/graphql` }, 'gateway ready');
  return {
    ...running,
    close: async () => {
      await running.close();
      await apollo.stop();
    },
  };
}
