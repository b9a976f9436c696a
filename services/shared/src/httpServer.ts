import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';

/** A named check run by the readiness endpoint; it throws (or rejects) when not ready. */
export type ReadinessCheck = { name: string; check: () => Promise<void> | void };

/**
 * An express app with the operational endpoints every component publishes:
 * `GET /healthz` (liveness: the process answers) and `GET /readyz` (readiness: every
 * dependency check passes; 503 with the failing checks otherwise).
 */
export function createHttpApp(checks: ReadinessCheck[]): Express {
  const app = express();
  app.disable('x-powered-by');
  // No ETag: res.send would hash every answer for it, and nobody revalidates a POSTed query.
  app.set('etag', false);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await check();
          return { name, ok: true };
        } catch (error) {
          return { name, ok: false, error: (error as Error).message };
        }
      }),
    );
    const ready = results.every((result) => result.ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: results });
  });
  return app;
}

export interface RunningHttpServer {
  server: http.Server;
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

/** Listens on host:port (port 0 picks a free one) and returns the real URL. */
export async function listen(handler: http.RequestListener, host: string, port: number): Promise<RunningHttpServer> {
  const server = http.createServer(handler);
  // Keep-alive longer than typical proxies' idle timeout so the gateway's pooled
  // connections are not closed under it mid-request.
  server.keepAliveTimeout = 65_000;
  server.listen(port, host);
  await once(server, 'listening');
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
