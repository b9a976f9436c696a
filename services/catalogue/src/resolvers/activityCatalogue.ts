import { decodeCursor, encodeCursor, foldForSearch, likePattern, pageSize, validationFailed } from '@eq/shared';
import { Kind, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { ActivityEntity, type ActivityRecord } from '../entities/activity';
import { decodeFacetKey, summariseFacets, type CatalogueFacets } from '../domain/catalogueFacets';
import type { ActivityConnectionResolvers, ActivityFilter, ActivitySort, QueryResolvers, ResolversTypes } from '../generated/resolvers';

const SEARCH_MAX_LENGTH = 200;

/** A page of the catalogue; its total and facets come from one statement, run when asked for. */
export interface ActivityPage {
  edges: Array<{ cursor: string; node: ActivityRecord }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  summary: () => Promise<CatalogueFacets>;
}

/** The filters that are also facets: the page applies them, the facet counts look past their own (catalogueFacets.ts). */
function facetConditions(filter: ActivityFilter | null | undefined): Array<{ sql: string; parameters: Record<string, unknown> }> {
  const conditions: Array<{ sql: string; parameters: Record<string, unknown> }> = [];
  if (filter?.fields?.length) conditions.push({ sql: 'a.fields && CAST(:fields AS text[])', parameters: { fields: filter.fields } });
  if (filter?.gradeBands?.length)
    conditions.push({ sql: 'a.grade_bands && CAST(:gradeBands AS text[])', parameters: { gradeBands: filter.gradeBands } });
  if (filter?.planningRegion) conditions.push({ sql: 'a.planning_region = :region', parameters: { region: filter.planningRegion } });
  return conditions;
}

/** Published activities matching every filter that is not a facet; every filter narrows (AND), list filters match any value (OR). */
function baseActivities(db: DataSource, filter: ActivityFilter | null | undefined, now: Date): SelectQueryBuilder<ActivityRecord> {
  const query = db.getRepository(ActivityEntity).createQueryBuilder('a').where("a.status = 'PUBLISHED'");
  if (filter?.format) query.andWhere('a.format = :format', { format: filter.format });
  if (filter?.municipality?.trim())
    query.andWhere('a.municipality_key = :municipality', { municipality: foldForSearch(filter.municipality) });
  if (filter?.search?.trim()) {
    if (filter.search.length > SEARCH_MAX_LENGTH)
      throw validationFailed(`search is limited to ${SEARCH_MAX_LENGTH} characters`, 'filter.search');
    query.andWhere("a.search_text LIKE :search ESCAPE '\\'", { search: likePattern(filter.search) });
  }
  const minFree = filter?.minFreePlaces;
  if (minFree !== null && minFree !== undefined && (!Number.isSafeInteger(minFree) || minFree < 1)) {
    throw validationFailed('minFreePlaces must be a whole number above zero', 'filter.minFreePlaces');
  }
  if (filter?.sessionsFrom || filter?.sessionsTo || minFree) {
    // A date or free-places filter asks for a bookable session: scheduled, still to come, in range.
    const from = new Date(Math.max(now.getTime(), filter?.sessionsFrom ? new Date(filter.sessionsFrom).getTime() : 0));
    const to = filter?.sessionsTo ? new Date(filter.sessionsTo) : null;
    if (to && to < from) throw validationFailed('sessionsTo is before sessionsFrom', 'filter.sessionsTo');
    query.andWhere(
      `EXISTS (SELECT 1 FROM activity_session s WHERE s.activity_id = a.id AND s.status = 'SCHEDULED' AND s.starts_at >= :sessionsFrom
        ${to ? 'AND s.starts_at <= :sessionsTo' : ''} ${minFree ? 'AND s.capacity - s.booked_pupils >= :minFree' : ''})`,
      { sessionsFrom: from, sessionsTo: to, minFree: minFree ?? null },
    );
  }
  return query;
}

/** The start of an activity's next scheduled session (null: none to come). */
const NEXT_START = `(SELECT MIN(s.starts_at) FROM activity_session s WHERE s.activity_id = a.id AND s.status = 'SCHEDULED' AND s.starts_at > :nextFrom)`;

interface Sort {
  apply: (query: SelectQueryBuilder<ActivityRecord>, after: string | null, now: Date) => void;
  cursor: (row: ActivityRecord, raw: Record<string, unknown>) => string;
}

/** Keyset paging per sort: the cursor holds the sort key and the id. */
const SORTS: Record<ActivitySort, Sort> = {
  TITLE: {
    apply: (query, after) => {
      if (after) {
        const [title, id] = decodeCursor(after, 'activities.TITLE', ['text', 'uuid']);
        query.andWhere('(a.title, a.id) > (:title, :id)', { title, id });
      }
      query.orderBy('a.title', 'ASC').addOrderBy('a.id', 'ASC');
    },
    cursor: (row) => encodeCursor('activities.TITLE', [row.title, row.id]),
  },
  NEWEST: {
    apply: (query, after) => {
      if (after) {
        const [publishedAt, id] = decodeCursor(after, 'activities.NEWEST', ['instant', 'uuid']);
        query.andWhere('(a.published_at, a.id) < (:publishedAt, :id)', { publishedAt: new Date(publishedAt!), id });
      }
      query.orderBy('a.published_at', 'DESC').addOrderBy('a.id', 'DESC');
    },
    cursor: (row) => encodeCursor('activities.NEWEST', [row.publishedAt!.toISOString(), row.id]),
  },
  NEXT_SESSION: {
    // Activities with nothing scheduled come last (NULLS LAST); the cursor's empty start marks that tail.
    apply: (query, after, now) => {
      query.addSelect(NEXT_START, 'next_start').setParameter('nextFrom', now);
      if (after) {
        const [start, id] = decodeCursor(after, 'activities.NEXT_SESSION', ['instantOrEmpty', 'uuid']);
        if (start === '') query.andWhere(`${NEXT_START} IS NULL AND a.id > :id`, { id });
        else
          query.andWhere(`(${NEXT_START} > :start OR (${NEXT_START} = :start AND a.id > :id) OR ${NEXT_START} IS NULL)`, {
            start: new Date(start!),
            id,
          });
      }
      query.orderBy('next_start', 'ASC', 'NULLS LAST').addOrderBy('a.id', 'ASC');
    },
    cursor: (row, raw) =>
      encodeCursor('activities.NEXT_SESSION', [raw.next_start ? new Date(raw.next_start as string).toISOString() : '', row.id]),
  },
};

export const activities: QueryResolvers['activities'] = async (_parent, { filter, sort, first, after }, { db, options }, info) => {
  const limit = pageSize(first);
  const base = baseActivities(db, filter, options.clock.now());
  const conditions = facetConditions(filter);
  const page = base.clone();
  for (const condition of conditions) page.andWhere(condition.sql, condition.parameters);
  const order = SORTS[sort ?? 'TITLE'];
  order.apply(page, after ?? null, options.clock.now());
  let summary: Promise<CatalogueFacets> | null = null;
  const summarised = () => (summary ??= summarise(base, filter));
  // Asked for, the total and facets run beside the page (another pooled connection), not after it.
  if (selectsAny(info, ['totalCount', 'facets'])) summarised().catch(() => {});
  const { entities: rows, raw } = await page.take(limit + 1).getRawAndEntities();
  const edges = rows.slice(0, limit).map((node, index) => ({ cursor: order.cursor(node, raw[index]), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null }, summary: summarised };
};

/** Whether the field's selection (through fragments too) names any of `names` directly. */
function selectsAny(info: GraphQLResolveInfo, names: string[]): boolean {
  const visit = (selections: readonly SelectionNode[]): boolean =>
    selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return names.includes(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet.selections);
      const fragment = info.fragments[selection.name.value];
      return fragment ? visit(fragment.selectionSet.selections) : false;
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet?.selections ?? []));
}

/**
 * The total and the facet counts from one statement and one pass over the activities matching
 * the filters that are not facets, grouped by their facet key (a few dozen rows).
 */
async function summarise(base: SelectQueryBuilder<ActivityRecord>, filter: ActivityFilter | null | undefined): Promise<CatalogueFacets> {
  const rows: Array<{ facet_key: number; count: number }> = await base
    .clone()
    .select('a.facet_key', 'facet_key')
    .addSelect('COUNT(*)::int', 'count')
    .groupBy('a.facet_key')
    .getRawMany();
  const groups = rows.map((row) => ({ ...decodeFacetKey(row.facet_key), count: row.count }));
  return summariseFacets(groups, { fields: filter?.fields, gradeBands: filter?.gradeBands, planningRegion: filter?.planningRegion });
}

export const ActivityConnection: ActivityConnectionResolvers = {
  totalCount: async ({ summary }) => (await summary()).totalCount,
  facets: async ({ summary }) => {
    const { fields, gradeBands, planningRegions } = await summary();
    // The values are the schema's enums: they come from activities the schema validated.
    return { fields, gradeBands, planningRegions } as ResolversTypes['ActivityFacets'];
  },
};
