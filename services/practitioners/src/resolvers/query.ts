import { decodeCursor, encodeCursor, likePattern, pageSize, validationFailed } from '@eq/shared';
import { FIELDS_OF_PRACTICE, type FieldOfPracticeCode } from '../domain/fieldsOfPractice';
import { assertRegistrationNumber } from '../domain/registrationNumber';
import { PsychologistEntity } from '../entities/psychologist';
import type { QueryResolvers } from '../generated/resolvers';

export const Query: QueryResolvers = {
  psychologist: (_parent, { registrationNumber }, { db }) =>
    db.getRepository(PsychologistEntity).findOneBy({ registrationNumber: assertRegistrationNumber(registrationNumber) }),

  psychologists: async (_parent, { filter, first, after }, { db }) => {
    const limit = pageSize(first);
    const query = db.getRepository(PsychologistEntity).createQueryBuilder('p');
    if (filter?.search) {
      if (filter.search.length > 200) throw validationFailed('search is limited to 200 characters', 'filter.search');
      query.andWhere("p.search_name LIKE :search ESCAPE '\\'", { search: likePattern(filter.search) });
    }
    if (filter?.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter?.fieldOfPractice) {
      query.andWhere('EXISTS (SELECT 1 FROM certificate c WHERE c.psychologist_id = p.id AND c.field_of_practice = :field)', {
        field: filter.fieldOfPractice,
      });
    }
    const totalCount = await query.getCount();
    if (after) {
      const [name, id] = decodeCursor(after, 2);
      query.andWhere('(p.name, p.id) > (:name, :id)', { name, id });
    }
    const rows = await query.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const edges = page.map((node) => ({ cursor: encodeCursor([node.name, node.id]), node }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    };
  },

  fieldsOfPractice: () =>
    (Object.entries(FIELDS_OF_PRACTICE) as Array<[FieldOfPracticeCode, string]>).map(([code, labelLv]) => ({ code, labelLv })),
};
