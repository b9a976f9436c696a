import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTIVITY_FIELDS, PLANNING_REGIONS } from '../activityDraft';
import { decodeFacetKey, encodeFacetKey, summariseFacets, type FacetGroup } from '../catalogueFacets';
import { GRADE_BANDS } from '../gradeBands';

const groups: FacetGroup[] = [
  { fields: ['PHYSICS'], gradeBands: ['GRADES_7_9'], planningRegion: 'RIGA', count: 5 },
  { fields: ['PHYSICS', 'MATHEMATICS'], gradeBands: ['GRADES_10_12'], planningRegion: 'KURZEME', count: 2 },
  { fields: ['CHEMISTRY'], gradeBands: ['GRADES_7_9', 'GRADES_10_12'], planningRegion: null, count: 3 },
];

describe('summariseFacets', () => {
  it('counts every activity once per value it has, most frequent first', () => {
    assert.deepEqual(summariseFacets(groups, {}), {
      totalCount: 10,
      fields: [{ value: 'PHYSICS', count: 7 }, { value: 'CHEMISTRY', count: 3 }, { value: 'MATHEMATICS', count: 2 }],
      gradeBands: [{ value: 'GRADES_7_9', count: 8 }, { value: 'GRADES_10_12', count: 5 }],
      planningRegions: [{ value: 'RIGA', count: 5 }, { value: 'KURZEME', count: 2 }],
    });
  });

  it("counts each facet past its own filter but within the others'", () => {
    const facets = summariseFacets(groups, { fields: ['PHYSICS'], gradeBands: ['GRADES_10_12'] });
    assert.equal(facets.totalCount, 2);
    // Fields: every activity for grades 10-12, whatever its field.
    assert.deepEqual(facets.fields, [{ value: 'CHEMISTRY', count: 3 }, { value: 'MATHEMATICS', count: 2 }, { value: 'PHYSICS', count: 2 }]);
    // Grade bands: every physics activity, whatever its band.
    assert.deepEqual(facets.gradeBands, [{ value: 'GRADES_7_9', count: 5 }, { value: 'GRADES_10_12', count: 2 }]);
    // Regions: only what matches both other filters.
    assert.deepEqual(facets.planningRegions, [{ value: 'KURZEME', count: 2 }]);
  });

  it('narrows by region everywhere but in the region facet', () => {
    const facets = summariseFacets(groups, { planningRegion: 'RIGA' });
    assert.equal(facets.totalCount, 5);
    assert.deepEqual(facets.fields, [{ value: 'PHYSICS', count: 5 }]);
    assert.deepEqual(facets.planningRegions, [{ value: 'RIGA', count: 5 }, { value: 'KURZEME', count: 2 }]);
  });
});

describe('facet keys', () => {
  it('decode to the values they were encoded from, for every field, band and region', () => {
    for (const group of groups) {
      const key = encodeFacetKey(group.fields, group.gradeBands, group.planningRegion);
      const decoded = decodeFacetKey(key);
      assert.deepEqual(new Set(decoded.fields), new Set(group.fields));
      assert.deepEqual(new Set(decoded.gradeBands), new Set(group.gradeBands));
      assert.equal(decoded.planningRegion, group.planningRegion);
    }
    const everything = decodeFacetKey(encodeFacetKey(ACTIVITY_FIELDS, GRADE_BANDS, 'LATGALE'));
    assert.deepEqual(everything, { fields: [...ACTIVITY_FIELDS], gradeBands: [...GRADE_BANDS], planningRegion: 'LATGALE' });
    for (const region of [...PLANNING_REGIONS, null]) assert.equal(decodeFacetKey(encodeFacetKey(['MATHEMATICS'], ['GRADES_1_3'], region)).planningRegion, region);
  });

  it('give different keys to different groups', () => {
    const keys = new Set<number>();
    for (const field of ACTIVITY_FIELDS) for (const band of GRADE_BANDS) for (const region of [...PLANNING_REGIONS, null]) keys.add(encodeFacetKey([field], [band], region));
    assert.equal(keys.size, ACTIVITY_FIELDS.length * GRADE_BANDS.length * (PLANNING_REGIONS.length + 1));
  });
});
