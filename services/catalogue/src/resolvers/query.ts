import { assertUuid, decodeCursor, encodeCursor, foldForSearch, likePattern, pageSize, validationFailed } from '@eq/shared';
import { mayViewActivity } from '../domain/activityAccess';
import { ActivityEntity } from '../entities/activity';
import type { QueryResolvers } from '../generated/resolvers';

const SEARCH_MAX_LENGTH = 200;

export const Query: QueryResolvers = {
  activity: async (_parent, { id }, { loaders, caller }) => {
    const activity = await loaders.activity.load(assertUuid(id));
    // Not visible reads as not there: a draft's existence is not public.
    return activity && mayViewActivity(caller, activity) ? activity : null;
  },

  activityProvider: async (_parent, { id }, { loaders }) => loaders.provider.load(assertUuid(id)),

  activities: async (_parent, { filter, first, after }, { db }) => {
    const limit = pageSize(first);
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
    const totalCount = await query.getCount();
    if (after) {
      const [title, id] = decodeCursor(after, 2);
      query.andWhere('(a.title, a.id) > (:title, :id)', { title, id });
    }
    const rows = await query.orderBy('a.title', 'ASC').addOrderBy('a.id', 'ASC').take(limit + 1).getMany();
    const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeCursor([node.title, node.id]), node }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    };
  },
};
