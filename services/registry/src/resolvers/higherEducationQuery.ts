import { assertUuid, keysetPage, whereFolded } from '@eq/shared';
import { HigherEducationInstitutionEntity } from '../entities/higherEducationInstitution';
import type { QueryResolvers } from '../generated/resolvers';

export const higherEducationQuery: QueryResolvers = {
  higherEducationInstitution: async (_parent, { id }, { higherEducation }) => higherEducation.institution.load(assertUuid(id)),

  higherEducationInstitutions: async (_parent, { filter, first, after }, { db }) => {
    const query = db.getRepository(HigherEducationInstitutionEntity).createQueryBuilder('h');
    if (filter?.search) whereFolded(query, 'h.search_name', filter.search, 'filter.search', 'search');
    if (filter?.kind) query.andWhere('h.kind = :kind', { kind: filter.kind });
    if (filter?.status) query.andWhere('h.status = :status', { status: filter.status });
    if (filter?.planningRegion) {
      query.andWhere(
        "EXISTS (SELECT 1 FROM higher_education_branch b WHERE b.institution_id = h.id AND b.status = 'OPEN' AND b.planning_region = :region)",
        { region: filter.planningRegion },
      );
    }
    return keysetPage(query, 'h', 'name', (node) => node.name, first, after);
  },
};
