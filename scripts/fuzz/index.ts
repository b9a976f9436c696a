/**
 * `npm run fuzz`: hostile-input fuzzing of the whole stack through the gateway. Generates
 * operations from the supergraph (every query and mutation, boundary and malformed values,
 * the six roles, and requests malformed at the HTTP level), sends them with bounded
 * concurrency to a stack on 127.0.0.1, and counts the answers. Every answer must be data or a
 * client error: it exits 1 on any INTERNAL_SERVER_ERROR or HTTP 5xx and prints the requests
 * that caused them. Uses the servers of DATABASE_URL / KAFKA_BROKERS when set, else its own.
 * Options: FUZZ_OPERATIONS (default 10 000, at most 100 000), FUZZ_CONCURRENCY (4, at most
 * 16), FUZZ_SEED (13; the same seed generates the same operations).
 */
import { randomUUID } from 'node:crypto';
import { Role, type Caller } from '@eq/shared';
import { buildClientSchema, getIntrospectionQuery } from 'graphql';
import { institutionInput, REGISTER } from '../../test/support/fixtures';
import { startTestStack } from '../../test/support/testStack';
import { OperationGenerator, seededRandom, type FuzzOperation } from './operations';

const operations = Math.min(Number(process.env.FUZZ_OPERATIONS ?? 10_000), 100_000);
const concurrency = Math.min(Number(process.env.FUZZ_CONCURRENCY ?? 4), 16);
const seed = Number(process.env.FUZZ_SEED ?? 13);

const stack = await startTestStack('fuzz', { logLevel: 'warn' });
try {
  const { client } = stack;
  const officer = await client.token({ role: Role.OFFICER, subject: 'fuzz-officer' });
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { institution } = (await client.data(REGISTER, { input: institutionInput({ name: `Fuzz skola ${i}` }) }, officer))
      .registerInstitution;
    ids.push(institution.id, ...institution.implementationPlaces.map((place: { id: string }) => place.id));
  }
  const cursors = [(await client.data('{ institutions(first: 1) { pageInfo { endCursor } } }')).institutions.pageInfo.endCursor as string];
  const schema = buildClientSchema((await client.data(getIntrospectionQuery())) as never);

  const callers: Array<Caller | undefined> = [
    undefined,
    { role: Role.OFFICER, subject: 'fuzz-officer' },
    { role: Role.MUNICIPALITY, municipality: 'Rīga' },
    { role: Role.SCHOOL, institutionId: ids[0] },
    { role: Role.PROVIDER, providerId: randomUUID() },
    { role: Role.FUND_ADMIN },
  ];
  const tokens = await Promise.all(callers.map((caller) => (caller ? client.token(caller) : undefined)));
  const generator = new OperationGenerator(schema, { ids, cursors }, seed);
  const pickRole = seededRandom(seed + 1);

  const byStatus = new Map<number, number>();
  const byCode = new Map<string, number>();
  const offenders: Array<{ operation: FuzzOperation; role: string; status: number; answer: string }> = [];
  const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  let sent = 0;
  let clean = 0;
  const began = performance.now();

  const worker = async () => {
    while (sent < operations) {
      sent++;
      const operation = generator.next();
      const role = Math.floor(pickRole() * callers.length);
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(tokens[role] ? { authorization: `Bearer ${tokens[role]}` } : {}) },
        body: operation.body,
      });
      const answer = await response.text();
      bump(byStatus, response.status);
      let codes: string[];
      try {
        codes = ((JSON.parse(answer) as { errors?: Array<{ extensions?: { code?: string } }> }).errors ?? []).map((error) =>
          String(error.extensions?.code),
        );
      } catch {
        codes = ['(not JSON)'];
      }
      for (const code of new Set(codes)) bump(byCode, code);
      if (codes.length === 0) clean++;
      if (response.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR') || codes.includes('(not JSON)')) {
        offenders.push({ operation, role: callers[role]?.role ?? 'PUBLIC', status: response.status, answer: answer.slice(0, 300) });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - began) / 1000;

  const internal = byCode.get('INTERNAL_SERVER_ERROR') ?? 0;
  const serverErrors = [...byStatus].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
  console.log(`\nFuzz run: ${sent} operations, seed ${seed}, ${concurrency} concurrent, ${seconds.toFixed(0)} s (Node ${process.version})`);
  console.log(`  answered without any error: ${clean}`);
  console.log(
    `  HTTP status: ${[...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status} × ${n}`)
      .join(', ')}`,
  );
  console.log(
    `  error codes (responses carrying each): ${[...byCode]
      .sort(([, a], [, b]) => b - a)
      .map(([code, n]) => `${code} × ${n}`)
      .join(', ')}`,
  );
  console.log(`  INTERNAL_SERVER_ERROR: ${internal}, HTTP 5xx: ${serverErrors}`);
  for (const { operation, role, status, answer } of offenders.slice(0, 20)) {
    console.log(`  ✖ ${operation.label} as ${role}: HTTP ${status} ${answer}\n    ${operation.body.slice(0, 600)}`);
  }
  process.exitCode = internal + serverErrors + offenders.length > 0 ? 1 : 0;
} finally {
  await stack.close();
}
