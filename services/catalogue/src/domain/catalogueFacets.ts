import { ACTIVITY_FIELDS, PLANNING_REGIONS } from './activityDraft';
import { GRADE_BANDS } from './gradeBands';

/**
 * Facet counts of the public catalogue. The database hands over the matching activities grouped
 * by (fields, grade bands, region) (as facet keys, below), a few dozen groups however many activities there are, and
 * the counting happens here. Each facet counts over the activities matching every other filter
 * but its own (standard faceted search: with "Physics" ticked, the site still shows how many
 * "Chemistry" activities there are, so a visitor can widen the choice); the total matches all.
 */
export interface FacetGroup {
  fields: readonly string[];
  gradeBands: readonly string[];
  planningRegion: string | null;
  count: number;
}

/*
 * A group's facet values packed in one integer, the database's generated column
 * `activity.facet_key` (migration 1732300003800): grouping 10,000 activities by one integer
 * read from an index costs a tenth of grouping them by two text arrays and a text read from
 * the table. Bit i (0–8) is ACTIVITY_FIELDS[i], bit 9 + j is GRADE_BANDS[j], and bits 14–16
 * hold 1 + the index of the planning region (0: none). The SQL function repeats these lists;
 * a test holds the two together.
 */
const BAND_SHIFT = 9;
const REGION_SHIFT = 14;

/** The facet key of an activity's values, as `catalogue_facet_key` computes it. */
export function encodeFacetKey(fields: readonly string[], gradeBands: readonly string[], planningRegion: string | null): number {
  let key = 0;
  for (const field of fields) key |= 1 << (ACTIVITY_FIELDS as readonly string[]).indexOf(field);
  for (const band of gradeBands) key |= 1 << (BAND_SHIFT + (GRADE_BANDS as readonly string[]).indexOf(band));
  return key | ((planningRegion === null ? 0 : (PLANNING_REGIONS as readonly string[]).indexOf(planningRegion) + 1) << REGION_SHIFT);
}

/** The facet values a key stands for. */
export function decodeFacetKey(key: number): Omit<FacetGroup, 'count'> {
  const region = key >> REGION_SHIFT;
  return {
    fields: ACTIVITY_FIELDS.filter((_field, index) => key & (1 << index)),
    gradeBands: GRADE_BANDS.filter((_band, index) => key & (1 << (BAND_SHIFT + index))),
    planningRegion: region === 0 ? null : PLANNING_REGIONS[region - 1]!,
  };
}

/** The filters that are also facets (empty or absent: not filtered on). */
export interface FacetSelection {
  fields?: readonly string[] | null;
  gradeBands?: readonly string[] | null;
  planningRegion?: string | null;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface CatalogueFacets {
  totalCount: number;
  fields: FacetCount[];
  gradeBands: FacetCount[];
  planningRegions: FacetCount[];
}

const overlaps = (values: readonly string[], wanted: readonly string[] | null | undefined) =>
  !wanted?.length || values.some((value) => wanted.includes(value));

/** Most frequent first, then by value, as the site lists them. */
function sorted(counts: Map<string, number>): FacetCount[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

export function summariseFacets(groups: readonly FacetGroup[], selection: FacetSelection): CatalogueFacets {
  const fields = new Map<string, number>();
  const gradeBands = new Map<string, number>();
  const planningRegions = new Map<string, number>();
  let totalCount = 0;
  const add = (counts: Map<string, number>, value: string, count: number) => counts.set(value, (counts.get(value) ?? 0) + count);
  for (const group of groups) {
    const inFields = overlaps(group.fields, selection.fields);
    const inBands = overlaps(group.gradeBands, selection.gradeBands);
    const inRegion = !selection.planningRegion || group.planningRegion === selection.planningRegion;
    if (inFields && inBands && inRegion) totalCount += group.count;
    if (inBands && inRegion) for (const value of new Set(group.fields)) add(fields, value, group.count);
    if (inFields && inRegion) for (const value of new Set(group.gradeBands)) add(gradeBands, value, group.count);
    if (inFields && inBands && group.planningRegion !== null) add(planningRegions, group.planningRegion, group.count);
  }
  return { totalCount, fields: sorted(fields), gradeBands: sorted(gradeBands), planningRegions: sorted(planningRegions) };
}
