import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Role } from '@eq/shared';
import { institutionInput, LIQUIDATE, REGISTER } from './support/fixtures';
import { startGatewayUnderTest, type GatewayUnderTest } from './support/gatewayUnderTest';
import { startTestStack, type TestStack } from './support/testStack';

/** The registry N+1 test's shape: depth 6, the deepest operation our clients send. */
const DEEP_BUT_FINE = '{ institutions(first: 5) { edges { node { name history { field decision { kind } } successors { institution { name } } } } } }';
/** Successors of successors: a cycle an attacker can nest as deep as the document allows. */
const TOO_DEEP = `query($id: ID!) { institution(id: $id) {
  successors { institution { successors { institution { successors { institution { successors { institution { name } } } } } } } } } }`;
const aliases = (count: number) => `query($id: ID!) { ${Array.from({ length: count }, (_, i) => `i${i}: institution(id: $id) { name }`).join(' ')} }`;
const costly = (first: number) => `{ institutions(first: ${first}) { edges { node { name implementationPlaces { address } history { field decision { kind } } } } } }`;

describe('gateway hardening: limits, introspection, errors, CSRF, APQ, metrics and access log', () => {
  let stack: TestStack;
  let production: GatewayUnderTest;
  let institutionId: string;

  before(async () => {
    stack = await startTestStack('gatewayhardening');
    production = await startGatewayUnderTest(stack, { NODE_ENV: 'production' });
    const officer = await stack.client.token({ role: Role.OFFICER });
    institutionId = (await stack.client.data(REGISTER, { input: institutionInput() }, officer)).registerInstitution.institution.id;
  });
  after(async () => {
    await production?.close();
    await stack?.close();
  });

  const post = (url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(url, { method: 'POST', headers, body });

  it('refuses an operation nested deeper than 8 levels and serves the deepest normal one', async () => {
    assert.equal((await stack.client.request(DEEP_BUT_FINE)).errors, undefined);
    const refused = await stack.client.request(TOO_DEEP, { id: institutionId });
    assert.equal(refused.status, 400);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(refused.errors![0]!.message, /^Query depth limit of 8 exceeded, found 10\./);
    assert.equal(refused.data, undefined);
  });

  it('refuses more than 10 aliases and serves 10', async () => {
    assert.equal((await stack.client.request(aliases(10), { id: institutionId })).errors, undefined);
    const refused = await stack.client.request(aliases(11), { id: institutionId });
    assert.equal(refused.status, 400);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(refused.errors![0]!.message, /^Aliases limit of 10 exceeded, found 11\./);
  });

  it('refuses a document of more than 1000 tokens while parsing', async () => {
    const refused = await stack.client.request(`{ institutions { ${'totalCount '.repeat(1_000)} } }`);
    assert.equal(refused.status, 400);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'GRAPHQL_PARSE_FAILED');
    assert.match(refused.errors![0]!.message, /contains more tha[nt] 1000 tokens/);
  });

  it('refuses an operation costing more than 20 000 and serves a full page of the same shape', async () => {
    assert.equal((await stack.client.request(costly(100))).errors, undefined);
    const refused = await stack.client.request(costly(1_000));
    assert.equal(refused.status, 400);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(refused.errors![0]!.message, /^Query Cost limit of 20000 exceeded, found \d+/);
  });

  it('refuses batched HTTP requests', async () => {
    const response = await post(stack.gatewayUrl, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    assert.equal(response.status, 400);
    assert.match(await response.text(), /batching disabled/i);
  });

  it('refuses introspection in production and allows it in development', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Institution") { fields { name } } }']) {
      const refused = await production.client.request(query);
      assert.equal(refused.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
      assert.match(refused.errors![0]!.message, /introspection is not allowed/);
      assert.equal(refused.data, undefined);
    }
    const allowed = await stack.client.data('{ __schema { queryType { name } } }');
    assert.equal(allowed.__schema.queryType.name, 'Query');
  });

  it('never suggests field, argument or input names ("Did you mean")', async () => {
    for (const client of [stack.client, production.client]) {
      for (const query of ['{ institution(id: "x") { nme } }', '{ institutions(filter: { serch: "x" }) { totalCount } }', '{ institutions(frist: 1) { totalCount } }']) {
        const response = await client.request(query);
        assert.equal(response.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED', query);
        assert.doesNotMatch(JSON.stringify(response), /did you mean/i);
      }
    }
  });

  it('never returns a stack trace: not for a malformed body, a bad query or a refused operation', async () => {
    const malformed = await post(production.url, '{"query": "{ __typename ');
    assert.equal(malformed.status, 400);
    const malformedBody = await malformed.text();
    assert.deepEqual(JSON.parse(malformedBody).errors[0].extensions, { code: 'BAD_REQUEST' });
    assert.doesNotMatch(malformedBody, /\bat \S+ \(|stack/i);
    for (const client of [stack.client, production.client]) {
      for (const response of [await client.request('{ nope }'), await client.request(TOO_DEEP, { id: institutionId }), await client.request('query { institutions(first: 1000) { totalCount } }')]) {
        assert.ok(response.errors?.length);
        assert.doesNotMatch(JSON.stringify(response), /stacktrace|exception|\.ts:\d+/);
      }
    }
  });

  it('forwards a subgraph’s domain error with its code and message only, without the subgraph’s name', async () => {
    const response = await stack.client.request(LIQUIDATE, { input: { id: institutionId, decision: { number: 'D-1', date: '2024-10-01' } } });
    assert.deepEqual(response.errors?.[0]?.extensions, { code: 'FORBIDDEN' });
    assert.match(response.errors![0]!.message, /roles/);
  });

  it('refuses a GET or a simple-content-type POST without a preflight header (CSRF) and serves it with one', async () => {
    const get = `${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`;
    const refusedGet = await fetch(get);
    assert.equal(refusedGet.status, 400);
    assert.match(await refusedGet.text(), /Cross-Site Request Forgery/);
    const refusedPost = await post(stack.gatewayUrl, JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' });
    assert.equal(refusedPost.status, 400);
    assert.match(await refusedPost.text(), /Cross-Site Request Forgery/);
    const preflighted = await fetch(get, { headers: { 'apollo-require-preflight': 'true' } });
    assert.equal(preflighted.status, 200);
    assert.deepEqual(await preflighted.json(), { data: { __typename: 'Query' } });
  });

  it('serves automatic persisted queries: an unknown hash asks for the query, then the hash alone works', async () => {
    const query = `query PersistedProbe { institution(id: "${institutionId}") { name } }`;
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const hashOnly = () => post(stack.gatewayUrl, JSON.stringify({ extensions: { persistedQuery } })).then((r) => r.json() as Promise<any>);
    const unknown = await hashOnly();
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'PERSISTED_QUERY_NOT_FOUND');
    const registered = (await post(stack.gatewayUrl, JSON.stringify({ query, extensions: { persistedQuery } })).then((r) => r.json())) as any;
    assert.equal(registered.data.institution.name, 'Rīgas Valsts tehnikums');
    assert.deepEqual(await hashOnly(), registered);
    const viaGet = `${stack.gatewayUrl}?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery }))}`;
    const cdnFriendly = await fetch(viaGet, { headers: { 'apollo-require-preflight': 'true' } });
    assert.deepEqual(await cdnFriendly.json(), registered);
  });

  it('publishes request counts, latency by operation, errors by code and subgraph fetch latency at /metrics', async () => {
    // With a token: a PUBLIC caller's unlisted operation names are counted as (public), see gatewayMetrics.test.ts.
    await stack.client.data('query MetricsProbe { institutions(first: 1) { totalCount } }', {}, await stack.client.token({ role: Role.OFFICER }));
    await stack.client.request(TOO_DEEP, { id: institutionId });
    const response = await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/metrics'));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    const text = await response.text();
    assert.match(text, /^gateway_requests_total\{operation="MetricsProbe",status="200"\} 1$/m);
    assert.match(text, /^gateway_request_duration_seconds_count\{operation="MetricsProbe"\} 1$/m);
    assert.match(text, /^gateway_request_duration_seconds_bucket\{le="0.5",operation="MetricsProbe"\} \d+$/m);
    assert.match(text, /^gateway_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} [1-9]\d*$/m);
    assert.match(text, /^gateway_subgraph_fetch_duration_seconds_count\{subgraph="registry",outcome="ok"\} [1-9]\d*$/m);

    const subgraph = await (await fetch(stack.services.registry!.url.replace(/\/graphql$/, '/metrics'))).text();
    assert.match(subgraph, /^subgraph_requests_total\{operation="MetricsProbe__registry__0",status="200",service="registry"\} 1$/m);
    assert.match(subgraph, /^subgraph_request_duration_seconds_count\{service="registry",operation="MetricsProbe__registry__0"\} 1$/m);
  });

  it('writes one access log line per request with its id, operation, status and error codes, and never the variables', async () => {
    const personalCode = '321234-56789';
    const response = await fetch(production.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'access-log-probe-1' },
      body: JSON.stringify({ query: 'query AccessLogProbe($search: String) { institutions(filter: { search: $search }) { totalCount } }', variables: { search: personalCode } }),
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-request-id'), 'access-log-probe-1');
    await production.client.request(TOO_DEEP, { id: institutionId }, undefined, { 'x-request-id': 'access-log-probe-2' });

    const lines = production.log.lines.filter((line) => line.msg === 'request');
    const probe = lines.find((line) => line.requestId === 'access-log-probe-1');
    assert.deepEqual(
      { method: probe?.method, operationName: probe?.operationName, status: probe?.status, errorCodes: probe?.errorCodes },
      { method: 'POST', operationName: 'AccessLogProbe', status: 200, errorCodes: [] },
    );
    assert.equal(typeof probe?.durationMs, 'number');
    const refused = lines.find((line) => line.requestId === 'access-log-probe-2');
    assert.deepEqual([refused?.status, refused?.errorCodes], [400, ['GRAPHQL_VALIDATION_FAILED']]);
    assert.equal(production.log.text.includes(personalCode), false);
  });
});
