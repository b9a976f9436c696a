import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { licensing } from '@eq/licensing';
import { createLogger, loadServiceConfig, Role, startService, type RunningService } from '@eq/shared';
import { eventually } from './support/eventually';
import { institutionInput, ISSUE_LICENCE, REGISTER } from './support/fixtures';
import { startGatewayUnderTest, type GatewayUnderTest } from './support/gatewayUnderTest';
import { startTestStack, TEST_GATEWAY_SECRET, type TestStack } from './support/testStack';

/** One operation over two subgraphs: the registry's institution and licensing's licence. */
const BOTH = 'query Both($id: ID!, $licenceId: ID!) { institution(id: $id) { name } licence(id: $licenceId) { status } }';

/** A stand-in for the licensing subgraph that hangs, or answers with an unexpected error. */
async function startFakeSubgraph() {
  const state = { mode: 'hang' as 'hang' | 'internal-error' };
  const server = http.createServer((_req, res) => {
    if (state.mode === 'hang') return; // never answers
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        data: { licence: null },
        errors: [
          {
            message: 'relation "licence" does not exist',
            path: ['licence'],
            extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at licenceRepository.ts:42'] },
          },
        ],
      }),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    state,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('gateway when a subgraph is down, slow or failing', () => {
  let stack: TestStack;
  let institutionId: string;
  let licenceId: string;
  let fake: Awaited<ReturnType<typeof startFakeSubgraph>>;
  let impatient: GatewayUnderTest;

  beforeAll(async () => {
    stack = await startTestStack('gatewayfailure');
    const officer = await stack.client.token({ role: Role.OFFICER });
    const institution = (await stack.client.data(REGISTER, { input: institutionInput() }, officer)).registerInstitution.institution;
    institutionId = institution.id;
    const issued = await eventually(
      () =>
        stack.client.request(
          ISSUE_LICENCE,
          {
            input: {
              institutionId,
              implementationPlaceId: institution.implementationPlaces[0].id,
              programmeCode: '33481011',
              programmeName: 'Programmēšanas tehniķis',
              level: 'VOCATIONAL',
              decisionNumber: 'L-1',
              issuedOn: '2024-08-15',
            },
          },
          officer,
        ),
      (r) => !r.errors,
      { what: 'licensing to know the institution' },
    );
    licenceId = issued.data.issueLicence.licence.id;
    fake = await startFakeSubgraph();
    impatient = await startGatewayUnderTest(stack, { SUBGRAPH_TIMEOUT_MS: '300', SUBGRAPH_LICENSING_URL: fake.url });
  });
  afterAll(async () => {
    await impatient?.close();
    await fake?.close();
    await stack?.close();
  });

  it('answers with the registry’s data and SUBGRAPH_UNAVAILABLE for licensing while it is stopped, and in full once it is back', async () => {
    const readyz = stack.gatewayUrl.replace(/\/graphql$/, '/readyz');
    expect((await stack.client.data(BOTH, { id: institutionId, licenceId })).licence).toStrictEqual({ status: 'ACTIVE' });

    const running = stack.services.licensing!;
    await running.stop();
    const started = Date.now();
    const partial = await stack.client.request(BOTH, { id: institutionId, licenceId });
    assert.ok(Date.now() - started < 5_000, 'answers within the subgraph timeout');
    expect(partial.status).toBe(200);
    expect(partial.data).toStrictEqual({ institution: { name: 'Rīgas Valsts tehnikums' }, licence: null });
    expect(partial.errors?.length).toBe(1);
    expect(partial.errors![0]!.extensions).toStrictEqual({ code: 'SUBGRAPH_UNAVAILABLE', service: 'licensing' });
    expect(partial.errors![0]!.message).toMatch(/licensing service could not be reached/);
    const notReady = await fetch(readyz);
    expect(notReady.status).toBe(503);
    expect(((await notReady.json()) as any).checks.filter((c: any) => !c.ok).map((c: any) => c.name)).toStrictEqual(['licensing']);

    stack.services.licensing = await restart(stack, running);
    expect(await stack.client.data(BOTH, { id: institutionId, licenceId })).toStrictEqual({
      institution: { name: 'Rīgas Valsts tehnikums' },
      licence: { status: 'ACTIVE' },
    });
    expect((await fetch(readyz)).status).toBe(200);
  });

  it('gives up on a subgraph slower than SUBGRAPH_TIMEOUT_MS and answers with the rest', async () => {
    fake.state.mode = 'hang';
    const started = Date.now();
    const partial = await impatient.client.request(BOTH, { id: institutionId, licenceId });
    const took = Date.now() - started;
    assert.ok(took >= 300 && took < 2_000, `answered in ${took} ms`);
    expect(partial.data).toStrictEqual({ institution: { name: 'Rīgas Valsts tehnikums' }, licence: null });
    expect(partial.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(partial.errors![0]!.message).toMatch(/did not answer within 300 ms/);
    const metrics = await (await fetch(impatient.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toMatch(/^gateway_subgraph_fetch_duration_seconds_count\{subgraph="licensing",outcome="timeout"\} [1-9]\d*$/m);
  });

  it('masks a subgraph’s unexpected error as INTERNAL_SERVER_ERROR with a request id that is in the gateway’s log', async () => {
    fake.state.mode = 'internal-error';
    const response = await impatient.client.request(BOTH, { id: institutionId, licenceId }, undefined, {
      'x-request-id': 'masking-probe-1',
    });
    expect(response.data?.institution?.name).toBe('Rīgas Valsts tehnikums');
    expect(response.errors?.map((e) => [e.message, e.extensions])).toStrictEqual([
      ['Internal server error', { code: 'INTERNAL_SERVER_ERROR', requestId: 'masking-probe-1' }],
    ]);
    expect(JSON.stringify(response)).not.toMatch(/relation|stacktrace|licenceRepository/);
    const logged = impatient.log.lines.find((line) => line.msg === 'unexpected error' && line.requestId === 'masking-probe-1');
    assert.ok(logged, 'the unexpected error is logged with the request id');
    expect(JSON.stringify(logged)).toMatch(/relation \\"licence\\" does not exist/);
  });
});

/** Starts a stopped service again on the same port, database and consumer group. */
async function restart(stack: TestStack, service: RunningService): Promise<RunningService> {
  const { database: named, url } = service.db.options as { database?: string; url?: string };
  const database = named ?? new URL(url!).pathname.slice(1);
  const prefix = database.slice(0, -`_${service.name}`.length);
  const config = loadServiceConfig(service.name, {
    DATABASE_URL: stack.infrastructure.databaseUrl,
    DATABASE_NAME: database,
    KAFKA_BROKERS: stack.infrastructure.kafkaBrokers.join(','),
    KAFKA_CONSUMER_GROUP: `${service.name}-${prefix}`,
    PORT: new URL(service.url).port,
    GATEWAY_SECRET: TEST_GATEWAY_SECRET,
    OUTBOX_POLL_MS: '500',
  });
  return startService(licensing as never, config, createLogger(service.name, 'silent'));
}
