/**
 * Facet counts of the public catalogue. The database hands over the matching activities grouped
 * by (fields, grade bands, region), a few dozen groups however many activities there are, and
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

const overlaps = (values: readonly string[], wanted: readonly string[] | null | undefined) => !wanted?.length || values.some((value) => wanted.includes(value));

/** Most frequent first, then by value, as the site lists them. */
function sorted(counts: Map<string, number>): FacetCount[] {
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
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
