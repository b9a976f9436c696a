import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@eq/shared';
import { institutionInput, LIQUIDATE, REGISTER } from './support/fixtures';
import { startGatewayUnderTest, type GatewayUnderTest } from './support/gatewayUnderTest';
import { startTestStack, type TestStack } from './support/testStack';

/** The registry N+1 test's shape: depth 6, the deepest operation our clients send. */
const DEEP_BUT_FINE =
  '{ institutions(first: 5) { edges { node { name history { field decision { kind } } successors { institution { name } } } } } }';
/** Successors of successors: a cycle an attacker can nest as deep as the document allows. */
const TOO_DEEP = `query($id: ID!) { institution(id: $id) {
  successors { institution { successors { institution { successors { institution { successors { institution { name } } } } } } } } } }`;
const aliases = (count: number) =>
  `query($id: ID!) { ${Array.from({ length: count }, (_, i) => `i${i}: institution(id: $id) { name }`).join(' ')} }`;
const costly = (first: number) =>
  `{ institutions(first: ${first}) { edges { node { name implementationPlaces { address } history { field decision { kind } } } } } }`;

describe('gateway hardening: limits, introspection, errors, CSRF, APQ, metrics and access log', () => {
  let stack: TestStack;
  let production: GatewayUnderTest;
  let institutionId: string;

  beforeAll(async () => {
    stack = await startTestStack('gatewayhardening');
    production = await startGatewayUnderTest(stack, { NODE_ENV: 'production' });
    const officer = await stack.client.token({ role: Role.OFFICER });
    institutionId = (await stack.client.data(REGISTER, { input: institutionInput() }, officer)).registerInstitution.institution.id;
  });
  afterAll(async () => {
    await production?.close();
    await stack?.close();
  });

  const post = (url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(url, { method: 'POST', headers, body });

  it('refuses an operation nested deeper than 8 levels and serves the deepest normal one', async () => {
    expect((await stack.client.request(DEEP_BUT_FINE)).errors).toBe(undefined);
    const refused = await stack.client.request(TOO_DEEP, { id: institutionId });
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors![0]!.message).toMatch(/^Query depth limit of 8 exceeded, found 10\./);
    expect(refused.data).toBe(undefined);
  });

  it('refuses more than 10 aliases and serves 10', async () => {
    expect((await stack.client.request(aliases(10), { id: institutionId })).errors).toBe(undefined);
    const refused = await stack.client.request(aliases(11), { id: institutionId });
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors![0]!.message).toMatch(/^Aliases limit of 10 exceeded, found 11\./);
  });

  it('refuses a document of more than 1000 tokens while parsing', async () => {
    const refused = await stack.client.request(`{ institutions { ${'totalCount '.repeat(1_000)} } }`);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(refused.errors![0]!.message).toMatch(/contains more tha[nt] 1000 tokens/);
  });

  it('refuses an operation costing more than 20 000 and serves a full page of the same shape', async () => {
    expect((await stack.client.request(costly(100))).errors).toBe(undefined);
    const refused = await stack.client.request(costly(1_000));
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors![0]!.message).toMatch(/^Query Cost limit of 20000 exceeded, found \d+/);
  });

  it('refuses batched HTTP requests', async () => {
    const response = await post(stack.gatewayUrl, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batching disabled/i);
  });

  it('refuses introspection in production and allows it in development', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Institution") { fields { name } } }']) {
      const refused = await production.client.request(query);
      expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(refused.errors![0]!.message).toMatch(/introspection is not allowed/);
      expect(refused.data).toBe(undefined);
    }
    const allowed = await stack.client.data('{ __schema { queryType { name } } }');
    expect(allowed.__schema.queryType.name).toBe('Query');
  });

  it('never suggests field, argument or input names ("Did you mean")', async () => {
    for (const client of [stack.client, production.client]) {
      for (const query of [
        '{ institution(id: "x") { nme } }',
        '{ institutions(filter: { serch: "x" }) { totalCount } }',
        '{ institutions(frist: 1) { totalCount } }',
      ]) {
        const response = await client.request(query);
        expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(JSON.stringify(response)).not.toMatch(/did you mean/i);
      }
    }
  });

  it('never returns a stack trace: not for a malformed body, a bad query or a refused operation', async () => {
    const malformed = await post(production.url, '{"query": "{ __typename ');
    expect(malformed.status).toBe(400);
    const malformedBody = await malformed.text();
    expect(JSON.parse(malformedBody).errors[0].extensions).toStrictEqual({ code: 'BAD_REQUEST' });
    expect(malformedBody).not.toMatch(/\bat \S+ \(|stack/i);
    for (const client of [stack.client, production.client]) {
      for (const response of [
        await client.request('{ nope }'),
        await client.request(TOO_DEEP, { id: institutionId }),
        await client.request('query { institutions(first: 1000) { totalCount } }'),
      ]) {
        assert.ok(response.errors?.length);
        expect(JSON.stringify(response)).not.toMatch(/stacktrace|exception|\.ts:\d+/);
      }
    }
  });

  it('forwards a subgraph’s domain error with its code and message only, without the subgraph’s name', async () => {
    const response = await stack.client.request(LIQUIDATE, {
      input: { id: institutionId, decision: { number: 'D-1', date: '2024-10-01' } },
    });
    expect(response.errors?.[0]?.extensions).toStrictEqual({ code: 'FORBIDDEN' });
    expect(response.errors![0]!.message).toMatch(/roles/);
  });

  it('refuses a GET or a simple-content-type POST without a preflight header (CSRF) and serves it with one', async () => {
    const get = `${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`;
    const refusedGet = await fetch(get);
    expect(refusedGet.status).toBe(400);
    expect(await refusedGet.text()).toMatch(/Cross-Site Request Forgery/);
    const refusedPost = await post(stack.gatewayUrl, JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' });
    expect(refusedPost.status).toBe(400);
    expect(await refusedPost.text()).toMatch(/Cross-Site Request Forgery/);
    const preflighted = await fetch(get, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toStrictEqual({ data: { __typename: 'Query' } });
  });

  it('serves automatic persisted queries: an unknown hash asks for the query, then the hash alone works', async () => {
    const query = `query PersistedProbe { institution(id: "${institutionId}") { name } }`;
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const hashOnly = () => post(stack.gatewayUrl, JSON.stringify({ extensions: { persistedQuery } })).then((r) => r.json() as Promise<any>);
    const unknown = await hashOnly();
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = (await post(stack.gatewayUrl, JSON.stringify({ query, extensions: { persistedQuery } })).then((r) =>
      r.json(),
    )) as any;
    expect(registered.data.institution.name).toBe('Rīgas Valsts tehnikums');
    expect(await hashOnly()).toStrictEqual(registered);
    const viaGet = `${stack.gatewayUrl}?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery }))}`;
    const cdnFriendly = await fetch(viaGet, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await cdnFriendly.json()).toStrictEqual(registered);
  });

  it('publishes request counts, latency by operation, errors by code and subgraph fetch latency at /metrics', async () => {
    // With a token: a PUBLIC caller's unlisted operation names are counted as (public), see gatewayMetrics.test.ts.
    await stack.client.data(
      'query MetricsProbe { institutions(first: 1) { totalCount } }',
      {},
      await stack.client.token({ role: Role.OFFICER }),
    );
    await stack.client.request(TOO_DEEP, { id: institutionId });
    const response = await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type') ?? '').toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^gateway_requests_total\{operation="MetricsProbe",status="200"\} 1$/m);
    expect(text).toMatch(/^gateway_request_duration_seconds_count\{operation="MetricsProbe"\} 1$/m);
    expect(text).toMatch(/^gateway_request_duration_seconds_bucket\{le="0.5",operation="MetricsProbe"\} \d+$/m);
    expect(text).toMatch(/^gateway_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} [1-9]\d*$/m);
    expect(text).toMatch(/^gateway_subgraph_fetch_duration_seconds_count\{subgraph="registry",outcome="ok"\} [1-9]\d*$/m);

    const subgraph = await (await fetch(stack.services.registry!.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(subgraph).toMatch(/^subgraph_requests_total\{operation="MetricsProbe__registry__0",status="200",service="registry"\} 1$/m);
    expect(subgraph).toMatch(/^subgraph_request_duration_seconds_count\{service="registry",operation="MetricsProbe__registry__0"\} 1$/m);
  });

  it('writes one access log line per request with its id, operation, status and error codes, and never the variables', async () => {
    const personalCode = '321234-56789';
    const response = await fetch(production.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'access-log-probe-1' },
      body: JSON.stringify({
        query: 'query AccessLogProbe($search: String) { institutions(filter: { search: $search }) { totalCount } }',
        variables: { search: personalCode },
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('access-log-probe-1');
    await production.client.request(TOO_DEEP, { id: institutionId }, undefined, { 'x-request-id': 'access-log-probe-2' });

    const lines = production.log.lines.filter((line) => line.msg === 'request');
    const probe = lines.find((line) => line.requestId === 'access-log-probe-1');
    expect({
      method: probe?.method,
      operationName: probe?.operationName,
      status: probe?.status,
      errorCodes: probe?.errorCodes,
    }).toStrictEqual({ method: 'POST', operationName: 'AccessLogProbe', status: 200, errorCodes: [] });
    expect(typeof probe?.durationMs).toBe('number');
    const refused = lines.find((line) => line.requestId === 'access-log-probe-2');
    expect([refused?.status, refused?.errorCodes]).toStrictEqual([400, ['GRAPHQL_VALIDATION_FAILED']]);
    expect(production.log.text.includes(personalCode)).toBe(false);
  });
});
