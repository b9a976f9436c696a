import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CALLER_HEADER, decodeCaller, GATEWAY_SECRET_HEADER, REQUEST_ID_HEADER, Role } from '@eq/shared';
import { eventually } from './support/eventually';
import { institutionInput, REGISTER } from './support/fixtures';
import { startGatewayUnderTest, type GatewayUnderTest } from './support/gatewayUnderTest';
import { startTestStack, TEST_GATEWAY_SECRET, type TestStack } from './support/testStack';

const SUBGRAPHS = ['registry', 'licensing', 'accreditation', 'practitioners', 'catalogue'];
/** The subgraphs that read other services' topics. */
const CONSUMING: readonly string[] = ['licensing', 'accreditation', 'catalogue'];

/** Passes requests on to a subgraph unchanged and keeps the headers the gateway sent. */
async function startRecordingProxy(target: string): Promise<{ url: string; seen: IncomingHttpHeaders[]; close(): Promise<void> }> {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer(async (req, res) => {
    seen.push(req.headers);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)),
    ) as Record<string, string>;
    const answer = await fetch(target, { method: req.method, headers, body: Buffer.concat(chunks) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('operational endpoints and request-id propagation', () => {
  let stack: TestStack;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  let recorded: GatewayUnderTest;

  beforeAll(async () => {
    stack = await startTestStack('gatewayoperations');
    proxy = await startRecordingProxy(stack.services.registry!.url);
    recorded = await startGatewayUnderTest(stack, { SUBGRAPH_REGISTRY_URL: proxy.url, GATEWAY_RESPONSE_CACHE_MAX_AGE: '0' });
  });
  afterAll(async () => {
    await recorded?.close();
    await proxy?.close();
    await stack?.close();
  });

  it('serves /healthz, /readyz (with its checks) and /metrics on the gateway and on every subgraph', async () => {
    const base = (url: string) => url.replace(/\/graphql$/, '');
    for (const [name, url] of [
      ['gateway', stack.gatewayUrl],
      ...SUBGRAPHS.map((subgraph) => [subgraph, stack.services[subgraph]!.url]),
    ] as const) {
      expect(await (await fetch(`${base(url)}/healthz`)).json()).toStrictEqual({ status: 'ok' });
      // Just started, a consumer may still be joining its group: readiness says so until it has.
      const ready = await eventually(
        async () => {
          const response = await fetch(`${base(url)}/readyz`);
          return { status: response.status, body: await response.text() };
        },
        (answer) => answer.status === 200,
        { what: `${name} ready` },
      );
      const body = JSON.parse(ready.body) as { status: string; checks: Array<{ name: string; ok: boolean }> };
      expect(body.status).toBe('ready');
      assert.ok(body.checks.length > 0 && body.checks.every((check) => check.ok), `${name}: ${JSON.stringify(body.checks)}`);
      if (name === 'gateway') expect(body.checks.map((check) => check.name).sort()).toStrictEqual([...SUBGRAPHS].sort());
      else {
        const expected = CONSUMING.includes(name) ? ['consumer', 'consumer-lag', 'database', 'outbox'] : ['database', 'outbox'];
        expect(body.checks.map((check) => check.name).sort()).toStrictEqual(expected);
      }
      const metrics = await fetch(`${base(url)}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(
        name === 'gateway' ? /^# TYPE gateway_requests_total counter$/m : /^# TYPE subgraph_requests_total counter$/m,
      );
    }
  });

  it('counts the event backbone on /metrics: events published from the outbox, consumed by each reader, lag and backlog', async () => {
    const officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-metrics' });
    await stack.client.data(REGISTER, { input: institutionInput() }, officer);
    const scrape = async (service: string) => (await fetch(stack.services[service]!.url.replace(/\/graphql$/, '/metrics'))).text();
    const value = (text: string, series: RegExp) => Number(series.exec(text)?.[1] ?? 0);
    await eventually(
      () => scrape('registry'),
      (text) => value(text, /^outbox_published_events_total\{service="registry"\} (\d+)$/m) >= 1,
      {
        what: 'the registry to count the published registration',
      },
    );
    const licensing = await eventually(
      () => scrape('licensing'),
      (text) =>
        value(text, /^kafka_consumer_messages_total\{topic="registry\.institution\.v1",result="processed",service="licensing"\} (\d+)$/m) >=
        1,
      { what: 'licensing to count the consumed registration' },
    );
    for (const series of [
      'kafka_consumer_lag gauge',
      'kafka_consumer_restarts_total counter',
      'kafka_consumer_last_contact_age_seconds gauge',
      'outbox_unsent_events gauge',
      'outbox_oldest_unsent_age_seconds gauge',
      'outbox_publish_errors_total counter',
    ]) {
      expect(licensing).toMatch(new RegExp(`^# TYPE ${series}$`, 'm'));
    }
    expect(licensing).toMatch(/^outbox_unsent_events\{service="licensing"\} \d+$/m);
  });

  it("forwards the client's request id, the caller and the gateway secret to the subgraph, and makes up an id when there is none", async () => {
    const officer = await recorded.client.token({ role: Role.OFFICER, subject: 'officer-probe' });
    const given = await fetch(recorded.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}`, [REQUEST_ID_HEADER]: 'propagation-probe-1' },
      body: JSON.stringify({ query: 'query Probe { institutions(first: 1) { totalCount } }' }),
    });
    expect(given.status).toBe(200);
    expect(given.headers.get(REQUEST_ID_HEADER)).toBe('propagation-probe-1');
    const forwarded = proxy.seen.find((headers) => headers[REQUEST_ID_HEADER] === 'propagation-probe-1');
    assert.ok(forwarded, 'the registry received the request id');
    expect(forwarded[GATEWAY_SECRET_HEADER]).toBe(TEST_GATEWAY_SECRET);
    expect(decodeCaller(forwarded[CALLER_HEADER] as string)).toStrictEqual({ role: Role.OFFICER, subject: 'officer-probe' });

    const made = await fetch(recorded.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Probe { institutions(first: 1) { totalCount } }' }),
    });
    const id = made.headers.get(REQUEST_ID_HEADER);
    assert.ok(id && id !== 'propagation-probe-1');
    assert.ok(
      proxy.seen.some((headers) => headers[REQUEST_ID_HEADER] === id),
      'the id the gateway made up reached the registry',
    );
    const line = recorded.log.lines.find((entry) => entry.msg === 'request' && entry.requestId === id);
    expect(line?.operationName).toBe('Probe');
  });
});
