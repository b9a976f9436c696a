/**
 * Catalogue bench: `npm run bench -- catalogue` (or `npx tsx services/catalogue/bench/catalogueBench.ts`;
 * on the servers of DATABASE_URL and KAFKA_BROKERS when both are set, else its own). Loads 10,000 published
 * activities with 100,000 sessions, 200 schools with locked learner counts (bulk SQL straight
 * into the catalogue's database: the read models are what events would have built), then at the
 * subgraph (gateway secret, no gateway hop):
 *  1. p50/p95 of a filtered catalogue page with facets (target p95 ≤ 30 ms);
 *  2. confirmed bookings per second with 100 concurrent clients (target ≥ 300/s), and the
 *     overbooking count, which must be 0, and whether the fund's ledger still equals the money
 *     its bookings hold and spent.
 * Prints figures; fails only on an overbooking or a ledger mismatch. Options: BENCH_ACTIVITIES (10000),
 * BENCH_SESSIONS_PER_ACTIVITY (10), BENCH_READS (300), BENCH_CLIENTS (100), BENCH_BOOKINGS (3000),
 * BENCH_WARMUP_BOOKINGS (500: sent first, left out of the rate, as the page bench's first 20 reads are).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Role } from '@eq/shared';
import { startServiceHarness, subgraphHeaders } from '../../../test/support/serviceHarness';
import { catalogue } from '../src';
import { semesterOf } from '../src/domain/semesters';
import type { BookingLoadPlan, BookingLoadResult } from './bookingLoad';

const activities = Number(process.env.BENCH_ACTIVITIES ?? 10_000);
const sessionsPerActivity = Number(process.env.BENCH_SESSIONS_PER_ACTIVITY ?? 10);
const reads = Number(process.env.BENCH_READS ?? 300);
const clients = Number(process.env.BENCH_CLIENTS ?? 100);
const bookings = Number(process.env.BENCH_BOOKINGS ?? 3000);
const warmupBookings = Number(process.env.BENCH_WARMUP_BOOKINGS ?? 500);
const SCHOOLS = 200;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const DAY = 24 * 60 * 60 * 1000;

const harness = await startServiceHarness(catalogue);
try {
  const db = harness.service.db;
  const firstSession = new Date(Date.now() + 21 * DAY);
  const schoolYear = semesterOf(firstSession.toISOString().slice(0, 10)).schoolYear;
  const loadStart = performance.now();
  await db.transaction(async (manager) => {
    const [{ id: providerId }] = await manager.query(
      `INSERT INTO activity_provider (id, name, kind) VALUES (gen_random_uuid(), 'Bench provider', 'MUSEUM') RETURNING id`,
    );
    await manager.query(
      `INSERT INTO activity (id, provider_id, title, description, search_text, fields, grade_bands, format, duration_minutes, language,
                             municipality, municipality_key, planning_region, max_group_size, price_per_pupil_cents, status, published_at)
       SELECT gen_random_uuid(), $1, 'Norise ' || n, 'Apraksts ' || n, 'norise ' || n || ' apraksts ' || n,
              ARRAY[(ARRAY['MATHEMATICS','PHYSICS','CHEMISTRY','BIOLOGY','GEOGRAPHY','COMPUTING','ENGINEERING','DESIGN_AND_TECHNOLOGY','CIVIC_PARTICIPATION'])[1 + n % 9]],
              ARRAY[(ARRAY['PRESCHOOL_5_6','GRADES_1_3','GRADES_4_6','GRADES_7_9','GRADES_10_12'])[1 + n % 5], 'GRADES_7_9'],
              (ARRAY['AT_PROVIDER','AT_SCHOOL','ONLINE'])[1 + n % 3], 90, 'lv',
              (ARRAY['Rīga','Cēsis','Liepāja','Daugavpils','Jelgava'])[1 + n % 5], (ARRAY['riga','cesis','liepaja','daugavpils','jelgava'])[1 + n % 5],
              (ARRAY['RIGA','VIDZEME','KURZEME','LATGALE','ZEMGALE'])[1 + n % 5], 30, 1000, 'PUBLISHED', now() - n * interval '1 minute'
         FROM generate_series(1, $2) AS n`,
      [providerId, activities],
    );
    await manager.query(
      `INSERT INTO activity_session (id, activity_id, starts_at, ends_at, place, capacity, booked_pupils, status)
       SELECT gen_random_uuid(), a.id, $1::timestamptz + (k * 3) * interval '1 day' + (hashtext(a.id::text) % 8) * interval '1 hour',
              $1::timestamptz + (k * 3) * interval '1 day' + interval '90 minutes', 'Vieta', 30, (hashtext(a.id::text || k) & 31) % 31, 'SCHEDULED'
         FROM activity a CROSS JOIN generate_series(0, $2 - 1) AS k`,
      [firstSession, sessionsPerActivity],
    );
    await manager.query(
      `INSERT INTO registry_institution (id, state, state_at)
       SELECT gen_random_uuid(), jsonb_build_object('id', gen_random_uuid(), 'name', 'Bench skola ' || n, 'type', 'SECONDARY_SCHOOL', 'status', 'ACTIVE',
              'planningRegion', 'RIGA', 'founder', jsonb_build_object('kind', 'MUNICIPALITY', 'name', 'Pašvaldība', 'municipality', 'Rīga'),
              'implementationPlaces', '[]'::jsonb), now()
         FROM generate_series(1, $1) AS n`,
      [SCHOOLS],
    );
    await manager.query(`UPDATE registry_institution SET state = jsonb_set(state, '{id}', to_jsonb(id::text))`);
    await manager.query(
      `INSERT INTO learner_count_report (id, institution_id, school_year, status, counts, total, state_at)
       SELECT gen_random_uuid(), id, $1, 'LOCKED', '{"grade7": 5000}'::jsonb, 5000, now() FROM registry_institution WHERE state->>'name' LIKE 'Bench skola %'`,
      [schoolYear],
    );
  });
  // What autovacuum does after a bulk load: statistics, and the visibility map that lets the
  // session filter answer from its covering index alone.
  await db.query('VACUUM ANALYZE');
  // And what the checkpointer would do a little later: write the load's pages out now, rather
  // than in the middle of the booking load (a checkpoint there made runs differ by a sixth).
  // Needs a superuser or pg_checkpoint: on a server given by DATABASE_URL it may be refused.
  await db.query('CHECKPOINT').catch(() => console.log('  (CHECKPOINT refused: figures may include one)'));
  console.log(
    `\nCatalogue bench: ${activities} activities, ${activities * sessionsPerActivity} sessions, ${SCHOOLS} schools, loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s (Node ${process.version})`,
  );

  // 1. A catalogue page with facets, under a rotation of the site's filters.
  const PAGE = `query Q($filter: ActivityFilter, $sort: ActivitySort) { activities(filter: $filter, sort: $sort, first: 20) {
    totalCount edges { node { id title } } pageInfo { endCursor }
    facets { fields { value count } gradeBands { value count } planningRegions { value count } } } }`;
  const filters = [
    { filter: { fields: ['PHYSICS', 'CHEMISTRY'], gradeBands: ['GRADES_7_9'] } },
    { filter: { planningRegion: 'VIDZEME', format: 'AT_PROVIDER' }, sort: 'NEWEST' },
    { filter: { search: 'norise 12', gradeBands: ['GRADES_10_12'] } },
    {
      filter: {
        sessionsFrom: new Date(firstSession.getTime() + 3 * DAY).toISOString(),
        sessionsTo: new Date(firstSession.getTime() + 9 * DAY).toISOString(),
        minFreePlaces: 10,
      },
    },
    { filter: { municipality: 'cesis', fields: ['COMPUTING'] }, sort: 'NEWEST' },
  ];
  const publicCaller = { role: Role.PUBLIC };
  for (let i = 0; i < 20; i++) await harness.request(PAGE, filters[i % filters.length], publicCaller);
  const samples: number[] = [];
  const byFilter = filters.map(() => [] as number[]);
  for (let i = 0; i < reads; i++) {
    const start = performance.now();
    const response = await harness.request(PAGE, filters[i % filters.length], publicCaller);
    samples.push(performance.now() - start);
    byFilter[i % filters.length]!.push(performance.now() - start);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
  }
  samples.sort((a, b) => a - b);
  console.log(
    `  filtered page of 20 with facets               p50 ${percentile(samples, 50).toFixed(2)} ms   p95 ${percentile(samples, 95).toFixed(2)} ms   (${reads} reads; target p95 ≤ 30 ms)`,
  );
  const perFilter = byFilter.map(
    (times, index) =>
      `${index + 1}: ${percentile(
        times.sort((a, b) => a - b),
        95,
      ).toFixed(1)}`,
  );
  console.log(`    p95 per filter mix (ms)                      ${perFilter.join('   ')}`);

  // 2. Bookings: 100 clients, each a school, booking groups of 1-5 on sessions of the first week.
  const schools: string[] = (await db.query(`SELECT id FROM registry_institution WHERE state->>'name' LIKE 'Bench skola %'`)).map(
    (row: { id: string }) => row.id,
  );
  const sessions: string[] = (await db.query(`SELECT id FROM activity_session ORDER BY starts_at LIMIT 2000`)).map(
    (row: { id: string }) => row.id,
  );
  const plan: BookingLoadPlan = {
    url: harness.service.url,
    clients: Array.from({ length: clients }, (_, client) =>
      subgraphHeaders({ role: Role.SCHOOL, institutionId: schools[client % schools.length]!, subject: `bench-${client}` }),
    ),
    sessions,
    warmup: warmupBookings,
    bookings,
  };
  const load = fork(fileURLToPath(new URL('./bookingLoad.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] });
  const result = await new Promise<BookingLoadResult>((resolve, reject) => {
    load.once('message', (message) => resolve(message as BookingLoadResult));
    load.once('error', reject);
    load.once('exit', (code) => reject(new Error(`the booking load process exited with ${code} before reporting`)));
    load.send(plan);
  });
  const { issued, confirmed, waiting, seconds } = result.measured;
  const refusals = new Map(result.measured.refusals);
  const refused = [...refusals.values()].reduce((sum, n) => sum + n, 0);
  const [{ overbooked }] = await db.query(
    `SELECT COUNT(*)::int AS overbooked FROM activity_session s
     WHERE s.booked_pupils > s.capacity
        OR s.booked_pupils < (SELECT COALESCE(SUM(pupils), 0) FROM booking b WHERE b.session_id = s.id AND b.status = 'CONFIRMED')`,
  );
  console.log(
    `  bookings, ${clients} concurrent clients             ${(confirmed / seconds).toFixed(0)} confirmed/s (${(issued / seconds).toFixed(0)} requests/s; ${confirmed} confirmed, ${waiting} waiting, ${refused} refused in ${seconds.toFixed(1)} s; target ≥ 300/s)`,
  );
  const warm = result.warmup;
  console.log(
    `    after a warm-up of ${warm.issued} bookings (${(warm.confirmed / warm.seconds).toFixed(0)} confirmed/s while the code was being compiled)`,
  );
  if (warm.refusals.length > 0) console.log(`  warm-up refusals: ${warm.refusals.map(([why, count]) => `${why} ${count}`).join(', ')}`);
  if (refusals.size > 0) console.log(`  refusals: ${[...refusals].map(([why, count]) => `${why} ${count}`).join(', ')}`);
  console.log(`  overbooked sessions                            ${overbooked} (must be 0)`);
  const [{ ledger, held }] = await db.query(
    `SELECT (SELECT SUM(committed_cents + spent_cents) FROM fund_semester_ledger)::bigint AS ledger,
            (SELECT COALESCE(SUM(committed_cents + cost_cents), 0) FROM booking)::bigint AS held`,
  );
  console.log(`  fund ledger equals bookings' money             ${ledger === held ? 'yes' : `NO (${ledger} vs ${held})`}`);
  if (overbooked !== 0 || ledger !== held) process.exitCode = 1;
} finally {
  await harness.close();
}
