import { assertUuid, decodeCursor, encodeCursor, likePattern, pageSize, validationFailed } from '@eq/shared';
import { HigherEducationInstitutionEntity } from '../entities/higherEducationInstitution';
import type { QueryResolvers } from '../generated/resolvers';

const MAX_SEARCH = 200;

export const higherEducationQuery: QueryResolvers = {
  higherEducationInstitution: async (_parent, { id }, { higherEducation }) => higherEducation.institution.load(assertUuid(id)),

  higherEducationInstitutions: async (_parent, { filter, first, after }, { db }) => {
    const limit = pageSize(first);
    const query = db.getRepository(HigherEducationInstitutionEntity).createQueryBuilder('h');
    if (filter?.search) {
      if (filter.search.length > MAX_SEARCH) throw validationFailed(`Search is limited to ${MAX_SEARCH} characters`, 'filter.search');
      query.andWhere("h.search_name LIKE :search ESCAPE '\\'", { search: likePattern(filter.search) });
    }
    if (filter?.kind) query.andWhere('h.kind = :kind', { kind: filter.kind });
    if (filter?.status) query.andWhere('h.status = :status', { status: filter.status });
    if (filter?.planningRegion) {
      query.andWhere(
        "EXISTS (SELECT 1 FROM higher_education_branch b WHERE b.institution_id = h.id AND b.status = 'OPEN' AND b.planning_region = :region)",
        { region: filter.planningRegion },
      );
    }
    const totalCount = await query.getCount();
    if (after) {
      const [name, id] = decodeCursor(after, 2);
      query.andWhere('(h.name, h.id) > (:name, :id)', { name, id });
    }
    const rows = await query.orderBy('h.name', 'ASC').addOrderBy('h.id', 'ASC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const edges = page.map((node) => ({ cursor: encodeCursor([node.name, node.id]), node }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    };
  },
};
