import { assertUuid, decodeCursor, encodeCursor, likePattern, pageSize } from '@eq/shared';
import { InstitutionEntity } from '../entities/institution';
import type { QueryResolvers } from '../generated/resolvers';


export const Query: QueryResolvers = {
  institution: async (_parent, { id }, { loaders }) => loaders.institution.load(assertUuid(id)),

  institutions: async (_parent, { filter, first, after }, { db }) => {
    const limit = pageSize(first);
    const query = db.getRepository(InstitutionEntity).createQueryBuilder('i');
    if (filter?.search) query.andWhere("i.search_name LIKE :search ESCAPE '\\'", { search: likePattern(filter.search) });
    if (filter?.type) query.andWhere('i.type = :type', { type: filter.type });
    if (filter?.status) query.andWhere('i.status = :status', { status: filter.status });
    if (filter?.planningRegion) query.andWhere('i.planning_region = :region', { region: filter.planningRegion });
    if (filter?.municipality) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM implementation_place p WHERE p.institution_id = i.id AND p.municipality = :municipality)',
        { municipality: filter.municipality },
      );
    }
    const totalCount = await query.getCount();
    if (after) {
      const [name, id] = decodeCursor(after, 2);
      query.andWhere('(i.name, i.id) > (:name, :id)', { name, id });
    }
    const rows = await query.orderBy('i.name', 'ASC').addOrderBy('i.id', 'ASC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const edges = page.map((node) => ({ cursor: encodeCursor([node.name, node.id]), node }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    };
  },
};
