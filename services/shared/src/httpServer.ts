import { once } from 'node:events';
import http, { type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** A named check run by the readiness endpoint; it throws (or rejects) when not ready. */
export type ReadinessCheck = { name: string; check: () => Promise<void> | void };

export interface ReadinessReport {
  ready: boolean;
  checks: Array<{ name: string; ok: boolean; error?: string }>;
}

/** Runs every check side by side; not ready if any fails, with each failure's message. */
export async function readinessOf(checks: readonly ReadinessCheck[]): Promise<ReadinessReport> {
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
  return { ready: results.every((result) => result.ok), checks: results };
}

/** Writes a complete answer with its length (so keep-alive connections stay usable). */
export function sendText(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

export interface HttpRoutes {
  /** `/graphql` (any method; with or without a query string): the component's GraphQL endpoint. */
  graphql: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
  readiness: readonly ReadinessCheck[];
  /** Served on `/metrics` one after the other (each keeps its own default labels, which Registry.merge drops). */
  metrics: readonly Registry[];
}

const pathOf = (url: string | undefined) => {
  const query = url?.indexOf('?') ?? -1;
  return query < 0 ? (url ?? '/') : url!.slice(0, query);
};

/**
 * Every component's one HTTP stack, on plain `node:http`: `/graphql`, and the operational
 * endpoints `GET /healthz` (liveness: the process answers), `GET /readyz` (every dependency
 * check passes; 503 with the failing checks otherwise) and `GET /metrics` (Prometheus). Anything
 * else is a JSON 404. No framework: the GraphQL path is the hot one (see graphqlRequestHandler.ts),
 * and three fixed routes need no router.
 */
export function httpRoutes(routes: HttpRoutes): RequestListener {
  return (req, res) => {
    const path = pathOf(req.url);
    if (path === '/graphql') return void routes.graphql(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      return sendJson(res, 404, { error: `No ${req.method} ${path} here` });
    }
    req.resume();
    switch (path) {
      case '/healthz':
        return sendJson(res, 200, { status: 'ok' });
      case '/readyz':
        return void readinessOf(routes.readiness).then(({ ready, checks }) =>
          sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks }),
        );
      case '/metrics':
        return void Promise.all(routes.metrics.map((registry) => registry.metrics())).then(
          (texts) => sendText(res, 200, routes.metrics[0]?.contentType ?? 'text/plain; version=0.0.4', texts.join('\n')),
          (error: unknown) => sendJson(res, 500, { error: (error as Error).message }),
        );
      default:
        return sendJson(res, 404, { error: `No ${path} here` });
    }
  };
}

export interface RunningHttpServer {
  server: http.Server;
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /**
   * Stops taking connections and lets the requests in flight finish, for at most the drain
   * grace; connections still busy after it are cut.
   */
  close(): Promise<void>;
}

/** How long `close()` waits for requests in flight by default. */
export const DEFAULT_DRAIN_MS = 5_000;

/** How often a draining server looks for connections that have become idle (their answer sent). */
const DRAIN_POLL_MS = 50;

/** Listens on host:port (port 0 picks a free one) and returns the real URL. */
export async function listen(
  handler: RequestListener,
  host: string,
  port: number,
  { drainMs = DEFAULT_DRAIN_MS }: { drainMs?: number } = {},
): Promise<RunningHttpServer> {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  const server = http.createServer((req, res) => {
    // While draining, each answer closes its connection, so no client sends another request on a
    // socket that is about to close.
    if (draining) res.setHeader('connection', 'close');
    inFlight.add(res);
    res.on('close', () => inFlight.delete(res));
    handler(req, res);
  });
  // Keep-alive longer than typical proxies' idle timeout so the gateway's pooled
  // connections are not closed under it mid-request.
  server.keepAliveTimeout = 65_000;
  server.listen(port, host);
  await once(server, 'listening');
  const { port: actualPort } = server.address() as AddressInfo;
  const close = () => {
    draining = true;
    for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    return drain(server, drainMs);
  };
  return { server, url: `http://${host}:${actualPort}`, close };
}

/**
 * Graceful close. `server.close()` stops accepting and closes the idle keep-alive connections;
 * a busy one is closed once its answer is written (Node would keep it open as idle keep-alive,
 * hence the polling). After `drainMs` whatever is still busy is cut.
 */
function drain(server: http.Server, drainMs: number): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => server.closeIdleConnections(), DRAIN_POLL_MS);
    const deadline = setTimeout(() => server.closeAllConnections(), drainMs);
    server.close((error) => {
      clearInterval(poll);
      clearTimeout(deadline);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
