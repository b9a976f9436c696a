import { describe, expect, it } from '@jest/globals';
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
    expect(summariseFacets(groups, {})).toStrictEqual({
      totalCount: 10,
      fields: [
        { value: 'PHYSICS', count: 7 },
        { value: 'CHEMISTRY', count: 3 },
        { value: 'MATHEMATICS', count: 2 },
      ],
      gradeBands: [
        { value: 'GRADES_7_9', count: 8 },
        { value: 'GRADES_10_12', count: 5 },
      ],
      planningRegions: [
        { value: 'RIGA', count: 5 },
        { value: 'KURZEME', count: 2 },
      ],
    });
  });

  it("counts each facet past its own filter but within the others'", () => {
    const facets = summariseFacets(groups, { fields: ['PHYSICS'], gradeBands: ['GRADES_10_12'] });
    expect(facets.totalCount).toBe(2);
    // Fields: every activity for grades 10-12, whatever its field.
    expect(facets.fields).toStrictEqual([
      { value: 'CHEMISTRY', count: 3 },
      { value: 'MATHEMATICS', count: 2 },
      { value: 'PHYSICS', count: 2 },
    ]);
    // Grade bands: every physics activity, whatever its band.
    expect(facets.gradeBands).toStrictEqual([
      { value: 'GRADES_7_9', count: 5 },
      { value: 'GRADES_10_12', count: 2 },
    ]);
    // Regions: only what matches both other filters.
    expect(facets.planningRegions).toStrictEqual([{ value: 'KURZEME', count: 2 }]);
  });

  it('narrows by region everywhere but in the region facet', () => {
    const facets = summariseFacets(groups, { planningRegion: 'RIGA' });
    expect(facets.totalCount).toBe(5);
    expect(facets.fields).toStrictEqual([{ value: 'PHYSICS', count: 5 }]);
    expect(facets.planningRegions).toStrictEqual([
      { value: 'RIGA', count: 5 },
      { value: 'KURZEME', count: 2 },
    ]);
  });
});

describe('facet keys', () => {
  it('decode to the values they were encoded from, for every field, band and region', () => {
    for (const group of groups) {
      const key = encodeFacetKey(group.fields, group.gradeBands, group.planningRegion);
      const decoded = decodeFacetKey(key);
      expect(new Set(decoded.fields)).toStrictEqual(new Set(group.fields));
      expect(new Set(decoded.gradeBands)).toStrictEqual(new Set(group.gradeBands));
      expect(decoded.planningRegion).toBe(group.planningRegion);
    }
    const everything = decodeFacetKey(encodeFacetKey(ACTIVITY_FIELDS, GRADE_BANDS, 'LATGALE'));
    expect(everything).toStrictEqual({ fields: [...ACTIVITY_FIELDS], gradeBands: [...GRADE_BANDS], planningRegion: 'LATGALE' });
    for (const region of [...PLANNING_REGIONS, null])
      expect(decodeFacetKey(encodeFacetKey(['MATHEMATICS'], ['GRADES_1_3'], region)).planningRegion).toBe(region);
  });

  it('give different keys to different groups', () => {
    const keys = new Set<number>();
    for (const field of ACTIVITY_FIELDS)
      for (const band of GRADE_BANDS) for (const region of [...PLANNING_REGIONS, null]) keys.add(encodeFacetKey([field], [band], region));
    expect(keys.size).toBe(ACTIVITY_FIELDS.length * GRADE_BANDS.length * (PLANNING_REGIONS.length + 1));
  });
});
