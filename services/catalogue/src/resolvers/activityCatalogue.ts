import { decodeCursor, encodeCursor, foldForSearch, likePattern, pageSize, validationFailed } from '@eq/shared';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { ActivityEntity, type ActivityRecord } from '../entities/activity';
import type { ActivityConnectionResolvers, ActivityFilter, ActivitySort, QueryResolvers } from '../generated/resolvers';

const SEARCH_MAX_LENGTH = 200;

/** A page of the catalogue, with the filtered query kept for the facets (counted only when asked for). */
export interface ActivityPage {
  edges: Array<{ cursor: string; node: ActivityRecord }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  filtered: SelectQueryBuilder<ActivityRecord>;
}

/** Published activities matching the filter; every filter narrows (AND), list filters match any value (OR). */
function filteredActivities(db: DataSource, filter: ActivityFilter | null | undefined, now: Date): SelectQueryBuilder<ActivityRecord> {
  const query = db.getRepository(ActivityEntity).createQueryBuilder('a').where("a.status = 'PUBLISHED'");
  if (filter?.fields?.length) query.andWhere('a.fields && CAST(:fields AS text[])', { fields: filter.fields });
  if (filter?.gradeBands?.length) query.andWhere('a.grade_bands && CAST(:gradeBands AS text[])', { gradeBands: filter.gradeBands });
  if (filter?.planningRegion) query.andWhere('a.planning_region = :region', { region: filter.planningRegion });
  if (filter?.format) query.andWhere('a.format = :format', { format: filter.format });
  if (filter?.municipality?.trim()) query.andWhere('a.municipality_key = :municipality', { municipality: foldForSearch(filter.municipality) });
  if (filter?.search?.trim()) {
    if (filter.search.length > SEARCH_MAX_LENGTH) throw validationFailed(`search is limited to ${SEARCH_MAX_LENGTH} characters`, 'filter.search');
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

/** Keyset paging per sort: the cursor holds the sort key and the id. */
const SORTS: Record<ActivitySort, { apply: (query: SelectQueryBuilder<ActivityRecord>, after: string | null) => void; cursor: (row: ActivityRecord) => string }> = {
  TITLE: {
    apply: (query, after) => {
      if (after) {
        const [title, id] = decodeCursor(after, 2);
        query.andWhere('(a.title, a.id) > (:title, :id)', { title, id });
      }
      query.orderBy('a.title', 'ASC').addOrderBy('a.id', 'ASC');
    },
    cursor: (row) => encodeCursor([row.title, row.id]),
  },
  NEWEST: {
    apply: (query, after) => {
      if (after) {
        const [publishedAt, id] = decodeCursor(after, 2);
        const at = new Date(publishedAt!);
        if (Number.isNaN(at.getTime())) throw validationFailed('The cursor is not one of this sort', 'after');
        query.andWhere('(a.published_at, a.id) < (:publishedAt, :id)', { publishedAt: at, id });
      }
      query.orderBy('a.published_at', 'DESC').addOrderBy('a.id', 'DESC');
    },
    cursor: (row) => encodeCursor([row.publishedAt!.toISOString(), row.id]),
  },
};

export const activities: QueryResolvers['activities'] = async (_parent, { filter, sort, first, after }, { db, options }) => {
  const limit = pageSize(first);
  const filtered = filteredActivities(db, filter, options.clock());
  const totalCount = await filtered.clone().getCount();
  const order = SORTS[sort ?? 'TITLE'];
  const page = filtered.clone();
  order.apply(page, after ?? null);
  const rows = await page.take(limit + 1).getMany();
  const edges = rows.slice(0, limit).map((node) => ({ cursor: order.cursor(node), node }));
  return { edges, totalCount, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null }, filtered };
};

export const ActivityConnection: ActivityConnectionResolvers = {
  // One statement over the filtered set: each activity counts once per field, band and region it has.
  facets: async ({ filtered }, _args, { db }) => {
    const [sql, parameters] = filtered.clone().select('a.fields', 'fields').addSelect('a.grade_bands', 'grade_bands').addSelect('a.planning_region', 'planning_region').getQueryAndParameters();
    const rows: Array<{ facet: string; value: string; count: number }> = await db.query(
      `WITH m AS (${sql})
       SELECT 'FIELD' AS facet, value, COUNT(*)::int AS count FROM m, unnest(m.fields) AS value GROUP BY value
       UNION ALL SELECT 'BAND', value, COUNT(*)::int FROM m, unnest(m.grade_bands) AS value GROUP BY value
       UNION ALL SELECT 'REGION', planning_region, COUNT(*)::int FROM m WHERE planning_region IS NOT NULL GROUP BY planning_region
       ORDER BY 1, 3 DESC, 2`,
      parameters,
    );
    const of = (facet: string) => rows.filter((row) => row.facet === facet).map(({ value, count }) => ({ value, count })) as any[];
    return { fields: of('FIELD'), gradeBands: of('BAND'), planningRegions: of('REGION') };
  },
};
