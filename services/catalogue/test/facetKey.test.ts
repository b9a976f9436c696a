import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServiceHarness, type ServiceHarness } from '../../../test/support/serviceHarness';
import { catalogue } from '../src';
import { ACTIVITY_FIELDS, PLANNING_REGIONS } from '../src/domain/activityDraft';
import { encodeFacetKey } from '../src/domain/catalogueFacets';
import { GRADE_BANDS } from '../src/domain/gradeBands';

describe("the database's facet key and the code's", () => {
  let harness: ServiceHarness;

  before(async () => {
    harness = await startServiceHarness(catalogue);
  });

  after(async () => {
    await harness?.close();
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
      const [{ key }] = await harness.service.db.query('SELECT catalogue_facet_key($1::text[], $2::text[], $3) AS key', [fields, gradeBands, region]);
      assert.equal(key, encodeFacetKey(fields, gradeBands, region), JSON.stringify({ fields, gradeBands, region }));
    }
  });
});
