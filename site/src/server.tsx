import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { accessLog } from './accessLog';
import type { SiteConfig } from './config';
import { GatewayClient } from './gateway/gatewayClient';
import { ErrorPage } from './pages/errorPage';
import { activityRoute } from './routes/activityRoute';
import { catalogueRoute } from './routes/catalogueRoute';
import { renderPage } from './routes/renderPage';
import { mountSchoolArea } from './school/schoolArea';
import { securityHeaders } from './securityHeaders';
import type { SiteEnv, SiteLogger } from './siteEnv';
import { STYLESHEET } from './styles';

export interface RunningSite {
  /** e.g. `http://127.0.0.1:3000` */
  url: string;
  close(): Promise<void>;
}

/** The site's routes: the catalogue, activity pages, the school area (when sign-in is configured), the stylesheet and the operational endpoints. */
export function createSite(config: SiteConfig, logger: SiteLogger): Hono<SiteEnv> {
  const gateway = new GatewayClient(config.gatewayUrl, config.gatewayTimeoutMs);
  const app = new Hono<SiteEnv>();
  app.use('*', accessLog(logger));
  app.use('*', securityHeaders);
  if (config.demoSignIn)
    mountSchoolArea(app, gateway, { jwtSecret: config.demoSignIn.jwtSecret, secureCookies: config.secureCookies }, logger);
  app.get('/', catalogueRoute(gateway, config.pageSize, logger));
  app.get('/norises/:id', activityRoute(gateway, Boolean(config.demoSignIn), logger));
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
    // The Origin check of the school area's forms (hono/csrf) refuses a form sent from another site.
    if (error instanceof HTTPException && error.status === 403)
      return renderPage(
        c,
        <ErrorPage title="Forma nav derīga" message="Forma nav nosūtīta no šīs vietnes, tāpēc nekas netika mainīts." />,
        403,
      );
    logger.error({ requestId: c.get('requestId'), path: c.req.path, err: error }, 'unexpected error');
    return renderPage(c, <ErrorPage title="Kļūda" message="Radās neparedzēta kļūda. Lūdzu, mēģiniet vēlāk." />, 502);
  });
  return app;
}

/** Starts the site on `config.host:config.port` (0: a free port) and resolves once it listens. */
export async function startSite(config: SiteConfig, logger: SiteLogger): Promise<RunningSite> {
  const app = createSite(config, logger);
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
