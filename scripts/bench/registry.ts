/**
 * Registry bench: loads 2,000 institutions with 20,000 history rows straight into the
 * registry's database (bulk SQL: the API is not what is measured here), then times, at the
 * subgraph (the gateway's secret, no gateway hop), name searches and `asOf` reads. Prints
 * p50/p95; the target is p95 ≤ 20 ms on this 2-core machine.
 * Options: BENCH_INSTITUTIONS (2000), BENCH_HISTORY_PER_INSTITUTION (10), BENCH_READS (500).
 */
import { registry } from '@eq/registry';
import { Role } from '@eq/shared';
import { startServiceHarness } from '../../test/support/serviceHarness';

const institutions = Number(process.env.BENCH_INSTITUTIONS ?? 2000);
const historyPerInstitution = Number(process.env.BENCH_HISTORY_PER_INSTITUTION ?? 10);
const reads = Number(process.env.BENCH_READS ?? 500);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function time(label: string, run: (i: number) => Promise<{ errors?: unknown }>): Promise<void> {
  for (let i = 0; i < 20; i++) await run(i); // warm up
  const samples: number[] = [];
  for (let i = 0; i < reads; i++) {
    const start = performance.now();
    const response = await run(i);
    samples.push(performance.now() - start);
    if (response.errors) throw new Error(`${label}: ${JSON.stringify(response.errors)}`);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(46)} p50 ${percentile(samples, 50).toFixed(2)} ms   p95 ${percentile(samples, 95).toFixed(2)} ms   (${reads} reads)`,
  );
}

const harness = await startServiceHarness(registry);
try {
  const db = harness.service.db;
  const loadStart = performance.now();
  await db.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO institution (id, registration_number, name, search_name, type, status, founder_kind, founder_name, founder_municipality, planning_region, registered_on)
       SELECT gen_random_uuid(), lpad((4000000000 + n)::text, 10, '0'),
              (ARRAY['Rīgas','Cēsu','Liepājas','Daugavpils','Jelgavas'])[1 + n % 5] || ' ' || n || '. vidusskola',
              lower((ARRAY['rigas','cesu','liepajas','daugavpils','jelgavas'])[1 + n % 5] || ' ' || n || '. vidusskola'),
              'SECONDARY_SCHOOL', 'ACTIVE', 'MUNICIPALITY', 'Pašvaldība', 'Rīga', 'RIGA', DATE '2010-09-01'
         FROM generate_series(1, $1) AS n`,
      [institutions],
    );
    await manager.query(
      `INSERT INTO decision (id, institution_id, kind, number, date, effective_date)
       SELECT gen_random_uuid(), i.id, 'REGISTRATION', 'B-' || i.registration_number, DATE '2010-09-01', DATE '2010-09-01' FROM institution i`,
    );
    await manager.query(
      `INSERT INTO implementation_place (id, institution_id, address, municipality, planning_region, position)
       SELECT gen_random_uuid(), i.id, 'Skolas iela ' || row_number() OVER (), 'Rīga', 'RIGA', 0 FROM institution i`,
    );
    // History: the registration's fields, then yearly renames, one a year from 2011.
    await manager.query(
      `INSERT INTO institution_change (institution_id, decision_id, field, old_value, new_value, effective_date, applied_at)
       SELECT i.id, d.id, f.field, NULL, f.value, DATE '2010-09-01', now()
         FROM institution i JOIN decision d ON d.institution_id = i.id
         CROSS JOIN LATERAL (VALUES ('name', to_jsonb(i.name)), ('type', to_jsonb(i.type)), ('status', '"ACTIVE"'::jsonb),
           ('founder', jsonb_build_object('kind', 'MUNICIPALITY', 'name', 'Pašvaldība', 'municipality', 'Rīga')),
           ('planningRegion', '"RIGA"'::jsonb),
           ('implementationPlaces', (SELECT jsonb_agg(jsonb_build_object('id', p.id, 'address', p.address, 'municipality', p.municipality, 'planningRegion', p.planning_region)) FROM implementation_place p WHERE p.institution_id = i.id))
         ) AS f(field, value)`,
    );
    await manager.query(
      `INSERT INTO institution_change (institution_id, decision_id, field, old_value, new_value, effective_date, applied_at)
       SELECT i.id, d.id, 'name', to_jsonb(i.name), to_jsonb(i.name || ' (' || (2010 + y) || ')'), make_date(2010 + y, 9, 1), now()
         FROM institution i JOIN decision d ON d.institution_id = i.id CROSS JOIN generate_series(1, $1) AS y`,
      [Math.max(0, historyPerInstitution - 6)],
    );
    await manager.query('ANALYZE');
  });
  const [{ n: historyRows }] = await db.query('SELECT count(*)::int AS n FROM institution_change');
  const ids: string[] = (await db.query('SELECT id FROM institution ORDER BY random() LIMIT 200')).map((row: { id: string }) => row.id);
  console.log(
    `\nRegistry bench: ${institutions} institutions, ${historyRows} history rows, loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s (Node ${process.version})`,
  );

  const searches = ['rigas', 'cesu 1', 'LIEPĀJAS', 'daugavpils 19', 'vidusskola', 'jelgavas 7'];
  await time('search by name (first 20, with totalCount)', (i) =>
    harness.request('query($q: String) { institutions(filter: { search: $q }, first: 20) { totalCount edges { node { id name } } } }', {
      q: searches[i % searches.length],
    }),
  );
  await time('institution(id, asOf) with places', (i) =>
    harness.request('query($id: ID!, $asOf: Date) { institution(id: $id, asOf: $asOf) { name status implementationPlaces { address } } }', {
      id: ids[i % ids.length],
      asOf: `${2011 + (i % 4)}-06-30`,
    }),
  );
  await time('institution(id) with history (officer)', (i) =>
    harness.request(
      'query($id: ID!) { institution(id: $id) { name history { field newValue effectiveDate } } }',
      { id: ids[i % ids.length] },
      { role: Role.OFFICER },
    ),
  );
} finally {
  await harness.close();
}
