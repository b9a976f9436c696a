import { Agent, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Counter, Registry } from 'prom-client';
import { httpRoutes, listen, sendJson, type RunningHttpServer } from '../httpServer';

/** One request, resolved with the status, headers and body; a keep-alive agent's connection stays open after it. */
function call(
  url: string,
  path: string,
  method = 'GET',
  agent: Agent | false = false,
): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A GraphQL route that answers only when the test releases it, and says when a request has reached it. */
function heldGraphql() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  const graphql = async (_req: IncomingMessage, res: ServerResponse) => {
    arrived();
    await released;
    sendJson(res, 200, { data: { ok: true } });
  };
  return { graphql, release, reached };
}

describe('httpRoutes', () => {
  let running: RunningHttpServer | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('serves /graphql, /healthz, /readyz and /metrics on one stack, and 404 for anything else', async () => {
    const registry = new Registry();
    new Counter({ name: 'probe_total', help: 'a probe', registers: [registry] }).inc();
    let dependencyUp = true;
    running = await listen(
      httpRoutes({
        graphql: (_req, res) => sendJson(res, 200, { data: { hello: 'world' } }),
        readiness: [
          {
            name: 'dependency',
            check: () => {
              if (!dependencyUp) throw new Error('dependency down');
            },
          },
        ],
        metrics: [registry],
      }),
      '127.0.0.1',
      0,
    );
    expect(JSON.parse((await call(running.url, '/graphql?query=%7B__typename%7D')).body)).toStrictEqual({ data: { hello: 'world' } });
    expect([(await call(running.url, '/healthz')).status, JSON.parse((await call(running.url, '/healthz')).body)]).toStrictEqual([
      200,
      { status: 'ok' },
    ]);
    expect((await call(running.url, '/readyz')).status).toBe(200);
    dependencyUp = false;
    const notReady = await call(running.url, '/readyz');
    expect([notReady.status, JSON.parse(notReady.body)]).toStrictEqual([
      503,
      { status: 'not ready', checks: [{ name: 'dependency', ok: false, error: 'dependency down' }] },
    ]);
    const metrics = await call(running.url, '/metrics');
    expect(metrics.body).toMatch(/^probe_total 1$/m);
    expect(metrics.headers['content-type']).toBe(registry.contentType);
    expect((await call(running.url, '/nowhere')).status).toBe(404);
    expect((await call(running.url, '/healthz', 'POST')).status).toBe(404);
  });
});

describe('listen(...).close()', () => {
  it('lets a request in flight finish and closes its keep-alive connection after the answer', async () => {
    const held = heldGraphql();
    const running = await listen(httpRoutes({ graphql: held.graphql, readiness: [], metrics: [] }), '127.0.0.1', 0, { drainMs: 30_000 });
    const agent = new Agent({ keepAlive: true });
    // Before the close, answers keep the connection for the next request.
    expect((await call(running.url, '/healthz', 'GET', agent)).headers.connection).toBe('keep-alive');
    const answer = call(running.url, '/graphql', 'GET', agent);
    await held.reached;
    const closed = running.close();
    held.release();
    const { status, headers } = await answer;
    // Resolves only once every connection, the kept-alive one too, has been closed.
    await closed;
    expect([status, headers.connection]).toStrictEqual([200, 'close']);
    expect(running.server.listening).toBe(false);
    agent.destroy();
  });

  it('cuts a request still running when the drain grace ends', async () => {
    const held = heldGraphql();
    const running = await listen(httpRoutes({ graphql: held.graphql, readiness: [], metrics: [] }), '127.0.0.1', 0, { drainMs: 100 });
    const answer = call(running.url, '/graphql').then(
      () => 'answered',
      (error: NodeJS.ErrnoException) => error.code,
    );
    await held.reached;
    await running.close();
    expect(await answer).toBe('ECONNRESET');
    held.release();
  });
});
