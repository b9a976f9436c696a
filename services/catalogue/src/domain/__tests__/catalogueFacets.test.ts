import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summariseFacets, type FacetGroup } from '../catalogueFacets';

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
