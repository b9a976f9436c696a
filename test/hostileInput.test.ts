import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@eq/shared';
import { SignJWT } from 'jose';
import { hyphenated, personalCode, registerInput } from '../services/practitioners/test/fixtures';
import { eventually } from './support/eventually';
import { institutionInput, REGISTER, registrationNumber } from './support/fixtures';
import type { GraphQLResponse } from './support/graphqlClient';
import { TEST_JWT_SECRET, startTestStack, type TestStack } from './support/testStack';

/**
 * The reproducers of issue 13, replayed through the gateway: each one used to end in
 * INTERNAL_SERVER_ERROR or HTTP 500. Each must now be a client error code with HTTP < 500,
 * and a refused mutation must leave nothing stored.
 */

const MADE_UP_CURSOR = 'WyJ4Iiwibm90LWEtdXVpZCJd'; // ["x","not-a-uuid"]
const RECEIVE =
  'mutation Receive($input: RegistrationApplicationInput!) { receiveRegistrationApplication(input: $input) { institution { id } } }';
const REGISTER_PSYCHOLOGIST =
  'mutation RegisterPsychologist($input: RegisterPsychologistInput!) { registerPsychologist(input: $input) { psychologist { id } } }';
const ACCREDIT = 'mutation Accredit($input: AccreditInstitutionInput!) { accreditInstitution(input: $input) { accreditation { id } } }';
const RESULTS = ['FITNESS_FOR_PURPOSE', 'QUALITY_TEACHING', 'INCLUSIVE_ENVIRONMENT', 'GOOD_GOVERNANCE'].map((category) => ({
  category,
  level: 'GOOD',
}));

/** Asserts a refusal a client can act on: HTTP < 500, the code (and field), and no INTERNAL_SERVER_ERROR anywhere. */
function assertRefused(response: GraphQLResponse, code: string, field?: string): void {
  assert.ok(response.status < 500, `HTTP ${response.status}: ${JSON.stringify(response.errors)}`);
  expect(response.errors?.[0]?.extensions?.code).toBe(code);
  if (field) expect(response.errors?.[0]?.extensions?.field).toBe(field);
  assert.ok(!response.errors?.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR'), JSON.stringify(response.errors));
}

describe('hostile input: every client mistake is a typed client error, never an internal one', () => {
  let stack: TestStack;
  let officer: string;
  let institutionId: string;

  const post = async (body: string, headers: Record<string, string> = {}): Promise<GraphQLResponse> => {
    const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, ...((await response.json()) as object) };
  };
  const count = async (service: string, sql: string, params: unknown[]) =>
    Number((await stack.services[service]!.db.query(sql, params))[0].count);

  beforeAll(async () => {
    stack = await startTestStack('hostileinput');
    officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-13' });
    institutionId = (await stack.client.data(REGISTER, { input: institutionInput() }, officer)).registerInstitution.institution.id;
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('refuses a made-up keyset cursor on every kind of list as VALIDATION_FAILED on after', async () => {
    for (const query of [
      `{ institutions(after: "${MADE_UP_CURSOR}") { totalCount } }`,
      `{ institutionsChangedSince(since: "2024-01-01T00:00:00Z", after: "${MADE_UP_CURSOR}") { totalCount } }`,
      `{ activities(after: "${MADE_UP_CURSOR}") { totalCount } }`,
      `{ psychologists(after: "${MADE_UP_CURSOR}") { totalCount } }`,
    ]) {
      assertRefused(await stack.client.request(query, {}, officer), 'VALIDATION_FAILED', 'after');
    }
  });

  it('refuses a cursor of one list given to another', async () => {
    const page = await stack.client.data('{ institutions(first: 1) { pageInfo { endCursor } } }');
    const cursor = page.institutions.pageInfo.endCursor as string;
    expect(typeof cursor).toBe('string');
    const changed = await stack.client.request(
      'query($after: String) { institutionsChangedSince(since: "2000-01-01T00:00:00Z", after: $after) { totalCount } }',
      { after: cursor },
    );
    assertRefused(changed, 'VALIDATION_FAILED', 'after');
    expect(
      (await stack.client.request('query($after: String) { institutions(after: $after) { totalCount } }', { after: cursor })).errors,
    ).toBe(undefined);
  });

  it('refuses a DateTime past 9999 after normalisation and a Date of year 0000, as variables and as literals', async () => {
    const since = '9999-12-31T23:59:59-12:00';
    assertRefused(
      await stack.client.request('query($since: DateTime!) { institutionsChangedSince(since: $since) { totalCount } }', { since }),
      'VALIDATION_FAILED',
    );
    assertRefused(
      await stack.client.request(`{ institutionsChangedSince(since: "${since}") { totalCount } }`),
      'GRAPHQL_VALIDATION_FAILED',
    );
    assertRefused(
      await stack.client.request('query($id: ID!, $asOf: Date) { institution(id: $id, asOf: $asOf) { name } }', {
        id: institutionId,
        asOf: '0000-01-01',
      }),
      'VALIDATION_FAILED',
    );
    assertRefused(
      await stack.client.request(`{ institution(id: "${institutionId}", asOf: "0000-01-01") { name } }`),
      'GRAPHQL_VALIDATION_FAILED',
    );
    const liquidate = 'mutation($input: LiquidateInstitutionInput!) { liquidateInstitution(input: $input) { institution { status } } }';
    assertRefused(
      await stack.client.request(liquidate, { input: { id: institutionId, decision: { number: 'L-0', date: '0000-01-01' } } }, officer),
      'VALIDATION_FAILED',
    );
    const status = await stack.client.data('query($id: ID!) { institution(id: $id) { status } }', { id: institutionId });
    expect(status.institution.status).toBe('ACTIVE');
  });

  it('refuses a NUL byte in a filter and in a stored string, naming the field and storing nothing', async () => {
    assertRefused(
      await stack.client.request('{ stemSubsidyShares(municipality: "a\\u0000b") { schoolYear } }'),
      'VALIDATION_FAILED',
      'municipality',
    );
    assertRefused(
      await stack.client.request('query($m: String!) { stemSubsidyShares(municipality: $m) { schoolYear } }', { m: 'a\u0000b' }),
      'VALIDATION_FAILED',
      'm',
    );

    const psychologist = registerInput({ name: 'Anna\u0000Bērziņa' });
    assertRefused(await stack.client.request(REGISTER_PSYCHOLOGIST, { input: psychologist }, officer), 'VALIDATION_FAILED', 'input.name');
    expect(
      await count('practitioners', 'SELECT count(*) FROM psychologist WHERE registration_number = $1', [psychologist.registrationNumber]),
    ).toBe(0);

    const institution = institutionInput({
      implementationPlaces: [{ address: 'Braslas iela 16\u0000, Rīga', municipality: 'Rīga', planningRegion: 'RIGA' }],
    });
    assertRefused(
      await stack.client.request(REGISTER, { input: institution }, officer),
      'VALIDATION_FAILED',
      'input.implementationPlaces.0.address',
    );
    assertRefused(
      await stack.client.request(REGISTER, { input: institutionInput({ name: 'Skola \ud800' }) }, officer),
      'VALIDATION_FAILED',
      'input.name',
    );
    expect(
      await count('registry', 'SELECT count(*) FROM institution WHERE registration_number = $1', [institution.registrationNumber]),
    ).toBe(0);
  });

  it('refuses an accreditation term starting 9999-12-31 (it would end past 9999) and stores nothing', async () => {
    const decisionNumber = `IKVD-A-${registrationNumber()}`;
    const input = { institutionId, decisionNumber, decisionDate: '2024-08-20', termStart: '9999-12-31', results: RESULTS };
    // The accreditation service learns of the institution from Kafka: until then it answers NOT_FOUND.
    const response = await eventually(
      () => stack.client.request(ACCREDIT, { input }, officer),
      (r) => r.errors?.[0]?.extensions?.code !== 'NOT_FOUND',
      { what: 'accreditation to know the institution' },
    );
    assertRefused(response, 'VALIDATION_FAILED');
    expect(await count('accreditation', 'SELECT count(*) FROM accreditation WHERE decision_number = $1', [decisionNumber])).toBe(0);
  });

  it('answers concurrent registrations of one registration number with one success and CONFLICT for the rest', async () => {
    for (const [mutation, inputOf] of [
      [REGISTER, (input: Record<string, unknown>) => input],
      [RECEIVE, ({ decision, ...input }: Record<string, unknown>) => ({ ...input, application: decision })],
    ] as const) {
      const input = inputOf(institutionInput()) as Record<string, unknown> & { registrationNumber: string };
      const responses = await Promise.all(Array.from({ length: 4 }, () => stack.client.request(mutation, { input }, officer)));
      expect(responses.filter((r) => !r.errors).length).toBe(1);
      for (const response of responses.filter((r) => r.errors)) assertRefused(response, 'CONFLICT');
      expect(await count('registry', 'SELECT count(*) FROM institution WHERE registration_number = $1', [input.registrationNumber])).toBe(
        1,
      );
    }
  });

  it('answers operations the gateway cannot run with 400 BAD_REQUEST, not 500', async () => {
    for (const body of [
      { query: 'subscription { __typename }' },
      { query: 'query A { __typename } query B { __typename }' },
      { query: 'query A { __typename }', operationName: 'Nope' },
    ]) {
      const response = await post(JSON.stringify(body));
      expect(response.status).toBe(400);
      assertRefused(response, 'BAD_REQUEST');
    }
  });

  it('refuses variables nested 8 000 levels deep with 400 before the response cache keys them', async () => {
    const depth = 8_000;
    const deep = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const response = await post(
      `{"query":"query($f: InstitutionFilter) { institutions(filter: $f) { totalCount } }","variables":{"f":${deep}}}`,
    );
    expect(response.status).toBe(400);
    assertRefused(response, 'BAD_REQUEST');
    expect((await stack.client.request('{ institutions(first: 1) { totalCount } }')).status).toBe(200);
  });

  it('answers an APQ hash mismatch and an unsupported APQ version with 400 BAD_REQUEST', async () => {
    const query = '{ __typename }';
    const mismatch = await post(JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }));
    expect(mismatch.status).toBe(400);
    assertRefused(mismatch, 'BAD_REQUEST');
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const version2 = await post(JSON.stringify({ query, extensions: { persistedQuery: { version: 2, sha256Hash } } }));
    expect(version2.status).toBe(400);
    assertRefused(version2, 'BAD_REQUEST');
  });

  it('refuses a token without exp, or living longer than the maximum lifetime, as UNAUTHENTICATED', async () => {
    const key = new TextEncoder().encode(TEST_JWT_SECRET);
    const base = () =>
      new SignJWT({ role: Role.OFFICER })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('education-quality-supergraph')
        .setSubject('officer')
        .setIssuedAt();
    for (const token of [await base().sign(key), await base().setExpirationTime('3650d').sign(key)]) {
      const response = await stack.client.request('{ __typename }', {}, token);
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('keeps a PUBLIC client from using up the operation labels of the metrics', async () => {
    for (let i = 0; i < 250; i++) await stack.client.request(`query Flood${i} { __typename }`);
    await stack.client.data('query OfficerAfterFlood { __typename }', {}, officer);
    const text = await (await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
    expect(text).toMatch(/^gateway_requests_total\{operation="\(public\)",status="200"\} (2[5-9]\d|[3-9]\d\d|\d{4,})$/m);
    expect(text).toMatch(/^gateway_requests_total\{operation="OfficerAfterFlood",status="200"\} 1$/m);
    expect(text).not.toMatch(/Flood\d/);
  });

  describe('logs', () => {
    /** The stack's log lines up to a marker request: once its access line is written, every earlier line is too (one stream). */
    const linesUpTo = async (marker: string) => {
      await stack.client.request('{ __typename }', {}, undefined, { 'x-request-id': marker });
      const text = await eventually(
        () => readFile(stack.logFile, 'utf8'),
        (content) => content.split('\n').some((line) => line.includes(`"requestId":"${marker}"`) && line.includes('"msg":"request"')),
        { what: `the access log line of ${marker}` },
      );
      return text.split('\n').filter(Boolean);
    };

    it('never carry a personal code, hyphenated or not, or its birth date, after writes that fail in several ways', async () => {
      const code = personalCode();
      const [day, month, year] = [code.slice(0, 2), code.slice(2, 4), code.slice(4, 6)];
      const practitioners = stack.services.practitioners!.db;
      // Real PostgreSQL failures quoting the row back, as a check constraint or a faulty trigger would.
      await practitioners.query(`
        CREATE FUNCTION refuse_planted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.name LIKE 'Planted%' THEN
            RAISE EXCEPTION 'check failed for %', NEW.personal_code USING ERRCODE = 'check_violation', DETAIL = format('Failing row contains (%s, %s)', NEW.name, NEW.personal_code);
          END IF;
          IF NEW.name LIKE 'Broken%' THEN
            RAISE EXCEPTION 'trigger broke on % %', NEW.personal_code, NEW.name USING DETAIL = format('row (%s)', NEW.personal_code);
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER refuse_planted BEFORE INSERT ON psychologist FOR EACH ROW EXECUTE FUNCTION refuse_planted();`);
      try {
        const attempts: Array<[Record<string, unknown>, string]> = [
          [registerInput({ personalCode: code, name: 'Anna\u0000Bērziņa' }), 'VALIDATION_FAILED'],
          [registerInput({ personalCode: hyphenated(code), name: 'Planted Bērziņa' }), 'VALIDATION_FAILED'],
          [registerInput({ personalCode: code, name: 'Broken Bērziņa' }), 'INTERNAL_SERVER_ERROR'],
        ];
        for (const [index, [input, expected]] of attempts.entries()) {
          const response = await stack.client.request(REGISTER_PSYCHOLOGIST, { input }, officer, { 'x-request-id': `privacy-${index}` });
          expect(response.errors?.[0]?.extensions?.code).toBe(expected);
        }
        // A natural-person founder's code, in four racing registrations: three lose on the unique index.
        const founded = institutionInput({ founder: { kind: 'NATURAL_PERSON', name: 'Jānis Bērziņš', personalCode: hyphenated(code) } });
        const raced = await Promise.all(Array.from({ length: 4 }, () => stack.client.request(REGISTER, { input: founded }, officer)));
        expect(raced.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT').length).toBe(3);
        expect(
          await count('practitioners', "SELECT count(*) FROM psychologist WHERE name LIKE 'Planted%' OR name LIKE 'Broken%'", []),
        ).toBe(0);

        const lines = await linesUpTo('privacy-marker');
        const broken = lines
          .map((line) => JSON.parse(line))
          .find((line) => line.service === 'practitioners' && line.msg === 'unexpected error' && line.requestId === 'privacy-2');
        assert.ok(broken, 'the subgraph logs the unexpected failure with the client’s request id');
        expect(broken.err.code).toBe('P0001');
        expect(broken.err.query).toMatch(/INSERT INTO "psychologist"/);
        expect(broken.err.parameters).toBe(undefined);
        expect(broken.err.detail).toBe(undefined);
        const backstop = lines
          .map((line) => JSON.parse(line))
          .find((line) => line.service === 'practitioners' && line.requestId === 'privacy-1' && line.level === 40);
        expect(backstop?.err?.code).toBe('23514');

        const forbidden = [code, hyphenated(code), `${day}${month}${year}`, `19${year}-${month}-${day}`];
        for (const line of lines) {
          for (const secret of forbidden) expect(new RegExp(`(?<![\\w.])${secret}(?![\\w.])`).test(line)).toBe(false);
        }
      } finally {
        await practitioners.query('DROP TRIGGER refuse_planted ON psychologist; DROP FUNCTION refuse_planted()');
      }
    });

    it('are bounded in length: a 90 kB operation name does not make a 90 kB line', async () => {
      const name = `Q${'x'.repeat(90_000)}`;
      const response = await stack.client.request(`query ${name} { __typename }`, {}, undefined, { 'x-request-id': 'huge-name' });
      expect(response.status).toBe(200);
      const line = (await linesUpTo('huge-name-marker')).find((candidate) => candidate.includes('"requestId":"huge-name"'));
      assert.ok(line);
      assert.ok(line.length < 4_000, `${line.length} characters`);
    });
  });
});
