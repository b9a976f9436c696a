/**
 * Catalogue page bench: figures, not pass/fail. The page the site shows (activities with their
 * sessions' free places) asked by PUBLIC visitors, side by side through a gateway with its
 * response cache (entries live as long as the availability hint, CATALOGUE_AVAILABILITY_MAX_AGE,
 * 5 s by default) and one without (GATEWAY_RESPONSE_CACHE_MAX_AGE=0). Both gateways run in this
 * process beside the subgraphs, as the gateway bench does, so compare the two, not the totals.
 * Options: BENCH_SECONDS (default 10 per gateway), BENCH_CONCURRENCY (20), BENCH_ACTIVITIES (40).
 */
import { Agent, request } from 'node:http';
import { Role } from '@eq/shared';
import {
  activityInput,
  CREATE_ACTIVITY,
  futureWednesday,
  REGISTER_PROVIDER,
  REVIEW_ACTIVITY,
  SCHEDULE_SESSION,
  SUBMIT_ACTIVITY,
} from '../../services/catalogue/test/catalogueOperations';
import { startGatewayUnderTest } from '../../test/support/gatewayUnderTest';
import { startTestStack } from '../../test/support/testStack';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20);
const activities = Number(process.env.BENCH_ACTIVITIES ?? 40);
const MAX_REQUESTS = 100_000;
const WEEK = 7 * 24 * 60 * 60 * 1000;

const PAGE = /* GraphQL */ `
  query BenchCataloguePage($filter: ActivityFilter) {
    activities(filter: $filter, first: 20) {
      totalCount
      edges {
        node {
          id
          title
          provider {
            name
          }
          sessions {
            startsAt
            freePlaces
            waitingBookings
            bookingClosesOn
          }
        }
      }
    }
  }
`;
/** What visitors ask for: the first page, and three searches. */
const VARIANTS = [{}, { filter: { search: 'robot' } }, { filter: { search: 'ķīmija' } }, { filter: { fields: ['PHYSICS'] } }];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** PUBLIC POSTs over keep-alive connections for `seconds`; latencies in ms and the error count. */
async function load(url: string): Promise<{ latencies: number[]; errors: number; elapsed: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const bodies = VARIANTS.map((variables) => JSON.stringify({ query: PAGE, variables }));
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const deadline = Date.now() + seconds * 1000;
  const one = (body: string) =>
    new Promise<boolean>((resolve) => {
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve(res.statusCode === 200 && !text.includes('"errors"')));
        },
      );
      req.on('error', () => resolve(false));
      req.end(body);
    });
  const worker = async () => {
    while (Date.now() < deadline && sent < MAX_REQUESTS) {
      const body = bodies[sent++ % bodies.length]!;
      const started = performance.now();
      if (!(await one(body))) errors++;
      latencies.push(performance.now() - started);
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return { latencies: latencies.sort((a, b) => a - b), errors, elapsed: (performance.now() - began) / 1000 };
}

const stack = await startTestStack('benchpage', { ownInfrastructure: true });
try {
  const { client } = stack;
  const fundAdmin = await client.token({ role: Role.FUND_ADMIN, subject: 'bench-fund' });
  const providerId = (await client.data(REGISTER_PROVIDER, { input: { kind: 'MUSEUM', name: 'Bench muzejs' } }, fundAdmin)).registerProvider
    .provider.id;
  const provider = await client.token({ role: Role.PROVIDER, providerId, subject: 'bench-provider' });
  const fields = ['PHYSICS', 'CHEMISTRY', 'COMPUTING', 'BIOLOGY'];
  for (let i = 0; i < activities; i++) {
    const title = ['Robotika', 'Ķīmija laboratorijā', 'Fizikas eksperimenti', 'Bioloģija dabā'][i % 4]!;
    const input = activityInput({ title: `${title} ${i + 1}`, fields: [fields[i % 4]] });
    const id = (await client.data(CREATE_ACTIVITY, { input }, provider)).createActivity.activity.id;
    await client.data(SUBMIT_ACTIVITY, { input: { id } }, provider);
    await client.data(REVIEW_ACTIVITY, { input: { id, decision: 'PUBLISH' } }, fundAdmin);
    for (let week = 0; week < 3; week++) {
      const startsAt = new Date(futureWednesday().getTime() + week * WEEK).toISOString();
      await client.data(SCHEDULE_SESSION, { input: { activityId: id, startsAt, place: 'Rīga, Muzeja iela 1', capacity: 30 } }, provider);
    }
  }

  const cached = await startGatewayUnderTest(stack, { GATEWAY_RESPONSE_CACHE_MAX_AGE: '60' });
  const uncached = await startGatewayUnderTest(stack, { GATEWAY_RESPONSE_CACHE_MAX_AGE: '0' });
  console.log(
    `\nCatalogue page with sessions (20 activities x 3 sessions, ${VARIANTS.length} filter mixes), PUBLIC, Node ${process.version}, ${concurrency} concurrent, ${seconds} s each:`,
  );
  for (const [label, gateway] of [
    ['no response cache', uncached],
    ['response cache  ', cached],
  ] as const) {
    const { latencies, errors, elapsed } = await load(gateway.url);
    const metrics = await (await fetch(gateway.url.replace(/\/graphql$/, '/metrics'))).text();
    const count = (result: string) =>
      Number(new RegExp(`^gateway_response_cache_total\\{result="${result}"\\} (\\d+)$`, 'm').exec(metrics)?.[1] ?? 0);
    console.log(
      `  ${label}: ${(latencies.length / elapsed).toFixed(0)} req/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, errors ${errors}, cache hits ${count('hit')}, misses ${count('miss')}`,
    );
  }
  await cached.close();
  await uncached.close();
} finally {
  await stack.close();
}
