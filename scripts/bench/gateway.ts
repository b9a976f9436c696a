/**
 * Gateway bench: figures, not pass/fail. Starts the stack on its own embedded servers and
 * prints:
 *  1. gateway throughput and latency of a federated query (registry + licensing join), with
 *     bounded concurrency, request count and duration;
 *  2. event propagation: liquidation mutation → licence LAPSED in licensing (outbox → Kafka →
 *     consumer → outbox), p50/p95 over a bounded number of institutions.
 * Options: BENCH_SECONDS (default 10), BENCH_CONCURRENCY (20), BENCH_INSTITUTIONS (50).
 */
import { Role } from '@eq/shared';
import { INSTITUTION_WITH_LICENCES, institutionInput, ISSUE_LICENCE, LIQUIDATE, REGISTER } from '../../test/support/fixtures';
import { eventually } from '../../test/support/eventually';
import { startTestStack } from '../../test/support/testStack';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20);
const institutions = Number(process.env.BENCH_INSTITUTIONS ?? 50);
const MAX_REQUESTS = 50_000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

const stack = await startTestStack('bench', { ownInfrastructure: true });
try {
  const { client } = stack;
  const officer = await client.token({ role: Role.OFFICER });
  const ids: Array<{ id: string; licence: string }> = [];
  for (let i = 0; i < institutions; i++) {
    const { registerInstitution } = await client.data(REGISTER, { input: institutionInput({ name: `Bench skola ${i}` }) }, officer);
    const { id, implementationPlaces } = registerInstitution.institution;
    const issued = await eventually(
      () =>
        client.request(
          ISSUE_LICENCE,
          {
            input: {
              institutionId: id,
              implementationPlaceId: implementationPlaces[0].id,
              programmeCode: '21011111',
              programmeName: 'Pamatizglītība',
              level: 'BASIC',
              decisionNumber: 'B-1',
              issuedOn: '2024-09-01',
            },
          },
          officer,
        ),
      (r) => !r.errors,
    );
    ids.push({ id, licence: issued.data.issueLicence.licence.id });
  }

  // 1. Federated read throughput.
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  let issuedRequests = 0;
  const worker = async () => {
    while (Date.now() < deadline && issuedRequests < MAX_REQUESTS) {
      const target = ids[issuedRequests++ % ids.length]!;
      const start = performance.now();
      const response = await client.request(INSTITUTION_WITH_LICENCES, { id: target.id });
      latencies.push(performance.now() - start);
      if (response.errors) errors++;
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `\nFederated query institution { licences } through the gateway (Node ${process.version}, ${concurrency} concurrent, ${elapsed.toFixed(1)} s):`,
  );
  console.log(`  ${latencies.length} requests, ${(latencies.length / elapsed).toFixed(0)} req/s, errors ${errors}`);
  console.log(`  p50 ${ms(percentile(latencies, 50))}  p95 ${ms(percentile(latencies, 95))}  p99 ${ms(percentile(latencies, 99))}`);

  // 2. Event propagation, one institution at a time.
  const propagation: number[] = [];
  for (const { id } of ids.slice(0, Math.min(ids.length, 30))) {
    const start = performance.now();
    await client.data(LIQUIDATE, { input: { id, decision: { number: 'B-L', date: '2024-10-01' } } }, officer);
    await eventually(
      () => client.data(INSTITUTION_WITH_LICENCES, { id }),
      (d) => d.institution.licences[0]?.status === 'LAPSED',
      { intervalMs: 5 },
    );
    propagation.push(performance.now() - start);
  }
  propagation.sort((a, b) => a - b);
  console.log(`\nLiquidation → licence LAPSED (outbox → Kafka → licensing consumer), ${propagation.length} institutions:`);
  console.log(`  p50 ${ms(percentile(propagation, 50))}  p95 ${ms(percentile(propagation, 95))}  max ${ms(propagation.at(-1)!)}`);
} finally {
  await stack.close();
}
