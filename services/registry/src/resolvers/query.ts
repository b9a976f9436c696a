import { assertUuid, decodeCursor, encodeCursor, isIsoDate, likePattern, pageSize, validationFailed } from '@eq/shared';
import { InstitutionEntity, type InstitutionRecord } from '../entities/institution';
import type { QueryResolvers } from '../generated/resolvers';
import { institutionAsOf } from '../store/institutionAsOf';

export const Query: QueryResolvers = {
  institution: async (_parent, { id, asOf }, { db, loaders }) => {
    const institutionId = assertUuid(id);
    if (!asOf) return loaders.institution.load(institutionId);
    if (!isIsoDate(asOf)) throw validationFailed('asOf must be YYYY-MM-DD', 'asOf');
    const current = await loaders.institution.load(institutionId);
    return current ? institutionAsOf(db.manager, current, asOf) : null;
  },

  institutions: async (_parent, { filter, first, after }, { db }) => {
    const limit = pageSize(first);
    const query = db.getRepository(InstitutionEntity).createQueryBuilder('i');
    if (filter?.search) query.andWhere("i.search_name LIKE :search ESCAPE '\\'", { search: likePattern(filter.search) });
    if (filter?.type) query.andWhere('i.type = :type', { type: filter.type });
    if (filter?.status) query.andWhere('i.status = :status', { status: filter.status });
    if (filter?.planningRegion) query.andWhere('i.planning_region = :region', { region: filter.planningRegion });
    if (filter?.founderKind) query.andWhere('i.founder_kind = :founderKind', { founderKind: filter.founderKind });
    if (filter?.stateSignificance != null) query.andWhere('i.state_significance = :significance', { significance: filter.stateSignificance });
    if (filter?.municipality) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM implementation_place p WHERE p.institution_id = i.id AND NOT p.removed AND p.municipality = :municipality)',
        { municipality: filter.municipality },
      );
    }
    const totalCount = await query.getCount();
    if (after) {
      const [name, id] = decodeCursor(after, 2);
      query.andWhere('(i.name, i.id) > (:name, :id)', { name, id });
    }
    const rows = await query.orderBy('i.name', 'ASC').addOrderBy('i.id', 'ASC').take(limit + 1).getMany();
    return page(rows, limit, totalCount, (node) => [node.name, node.id]);
  },

  institutionsChangedSince: async (_parent, { since, first, after }, { db, loaders }) => {
    const limit = pageSize(first, 1000);
    // The cursor keeps the timestamp as PostgreSQL prints it: microseconds, which a JS Date would lose.
    const [fromTs, fromId] = after ? decodeCursor(after, 2) : [since, '00000000-0000-0000-0000-000000000000'];
    const [{ total }] = await db.query('SELECT count(*)::int AS total FROM institution WHERE updated_at > $1', [since]);
    const rows: Array<{ id: string; ts: string }> = await db.query(
      `SELECT id, updated_at::text AS ts FROM institution
        WHERE updated_at > $1 AND (updated_at, id) > ($2::timestamptz, $3::uuid)
        ORDER BY updated_at, id LIMIT $4`,
      [since, fromTs, fromId, limit + 1],
    );
    const nodes = await Promise.all(rows.slice(0, limit).map(async (row) => ({ row, node: (await loaders.institution.load(row.id))! })));
    const edges = nodes.map(({ row, node }) => ({ cursor: encodeCursor([row.ts, row.id]), node }));
    return { edges, totalCount: total, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  },
};

function page(rows: InstitutionRecord[], limit: number, totalCount: number, key: (node: InstitutionRecord) => (string | number)[]) {
  const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeCursor(key(node)), node }));
  return { edges, totalCount, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
}
