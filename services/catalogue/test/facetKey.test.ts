import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startServiceHarness, type ServiceHarness } from '../../../test/support/serviceHarness';
import { catalogue } from '../src';
import { ACTIVITY_FIELDS, PLANNING_REGIONS } from '../src/domain/activityDraft';
import { encodeFacetKey } from '../src/domain/catalogueFacets';
import { GRADE_BANDS } from '../src/domain/gradeBands';

describe("the database's facet key and the code's", () => {
  let harness: ServiceHarness;

  beforeAll(async () => {
    harness = await startServiceHarness(catalogue);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('refuses to store a value the key has no bit for, rather than leaving it out of the counts', async () => {
    const db = harness.service.db;
    const [{ id: providerId }] = await db.query(
      `INSERT INTO activity_provider (id, name, kind) VALUES (gen_random_uuid(), 'Facet test', 'MUSEUM') RETURNING id`,
    );
    const insert = (fields: string[], gradeBands: string[], region: string | null) =>
      db.query(
        `INSERT INTO activity (id, provider_id, title, description, search_text, fields, grade_bands, format, duration_minutes, language,
                               planning_region, max_group_size, price_per_pupil_cents, status)
         VALUES (gen_random_uuid(), $1, 'Facet', 'Facet', 'facet', $2::text[], $3::text[], 'ONLINE', 60, 'lv', $4, 30, 1000, 'DRAFT')
         RETURNING facet_key`,
        [providerId, fields, gradeBands, region],
      );
    const [stored] = await insert(['PHYSICS'], ['GRADES_7_9'], 'KURZEME');
    expect(stored.facet_key).toBe(encodeFacetKey(['PHYSICS'], ['GRADES_7_9'], 'KURZEME'));
    for (const [fields, bands, region] of [
      [['ASTRONOMY'], ['GRADES_7_9'], null],
      [['PHYSICS'], ['GRADES_13_14'], null],
      [['PHYSICS'], ['GRADES_7_9'], 'ATLANTIS'],
    ] as const) {
      await assert.rejects(
        insert([...fields], [...bands], region),
        (error: { driverError?: { code?: string } }) => error.driverError?.code === '23514',
      );
    }
  });

  it('agree for every single value and for groups of several', async () => {
    const cases: Array<[string[], string[], string | null]> = [
      ...ACTIVITY_FIELDS.map((field): [string[], string[], string | null] => [[field], ['GRADES_7_9'], null]),
      ...GRADE_BANDS.map((band): [string[], string[], string | null] => [['PHYSICS'], [band], 'RIGA']),
      ...PLANNING_REGIONS.map((region): [string[], string[], string | null] => [['MATHEMATICS'], ['GRADES_1_3'], region]),
      [[...ACTIVITY_FIELDS], [...GRADE_BANDS], 'LATGALE'],
      [['CIVIC_PARTICIPATION', 'COMPUTING', 'CIVIC_PARTICIPATION'], ['GRADES_10_12', 'PRESCHOOL_5_6'], null],
    ];
    for (const [fields, gradeBands, region] of cases) {
      const [{ key }] = await harness.service.db.query('SELECT catalogue_facet_key($1::text[], $2::text[], $3) AS key', [
        fields,
        gradeBands,
        region,
      ]);
      expect(key).toBe(encodeFacetKey(fields, gradeBands, region));
    }
  });
});
