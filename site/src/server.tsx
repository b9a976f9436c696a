import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { SiteConfig } from './config';
import { GatewayClient } from './gateway/gatewayClient';
import { ErrorPage } from './pages/errorPage';
import { activityRoute } from './routes/activityRoute';
import { catalogueRoute } from './routes/catalogueRoute';
import { renderPage } from './routes/renderPage';
import { securityHeaders } from './securityHeaders';
import { STYLESHEET } from './styles';

export interface RunningSite {
  /** e.g. `http://127.0.0.1:3000` */
  url: string;
  close(): Promise<void>;
}

/** The site's routes: the catalogue, activity pages, the stylesheet and the operational endpoints. */
export function createSite(config: SiteConfig, log: (line: string) => void = console.error): Hono {
  const gateway = new GatewayClient(config.gatewayUrl, config.gatewayTimeoutMs);
  const app = new Hono();
  app.use('*', securityHeaders);
  app.get('/', catalogueRoute(gateway, config.pageSize, log));
  app.get('/norises/:id', activityRoute(gateway, log));
  app.get('/styles.css', (c) =>
    c.body(STYLESHEET, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=300' }),
  );
  app.get('/healthz', (c) => c.text('ok'));
  // Ready when the pages can be served: the gateway behind the site answers its own readiness.
  app.get('/readyz', async (c) => ((await gateway.reachable()) ? c.text('ready') : c.text('gateway not ready', 503)));
  app.notFound((c) =>
    renderPage(c, <ErrorPage title="Lapa nav atrasta" message="Šādas lapas nav. Pārbaudiet adresi vai sāciet no kataloga." />, 404),
  );
  app.onError((error, c) => {
    log(`site error on ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return renderPage(c, <ErrorPage title="Kļūda" message="Radās neparedzēta kļūda. Lūdzu, mēģiniet vēlāk." />, 502);
  });
  return app;
}

/** Starts the site on `config.host:config.port` (0: a free port) and resolves once it listens. */
export async function startSite(config: SiteConfig, log: (line: string) => void = console.error): Promise<RunningSite> {
  const app = createSite(config, log);
  const server = await new Promise<ServerType>((resolve) => {
    const started: ServerType = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
