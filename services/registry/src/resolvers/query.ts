import { assertUuid, decodeCursor, encodeCursor, isIsoDate, keysetPage, pageSize, validationFailed, whereFolded } from '@eq/shared';
import { InstitutionEntity } from '../entities/institution';
import type { QueryResolvers } from '../generated/resolvers';
import { institutionAsOf } from '../store/institutionAsOf';

/** Changes are paged by (updated_at, id): their cursors must never pass for the name-sorted list's. */
const CHANGES_LIST = 'institution.updated_at';

export const Query: QueryResolvers = {
  institution: async (_parent, { id, asOf }, { db, loaders }) => {
    const institutionId = assertUuid(id);
    if (!asOf) return loaders.institution.load(institutionId);
    if (!isIsoDate(asOf)) throw validationFailed('asOf must be YYYY-MM-DD', 'asOf');
    const current = await loaders.institution.load(institutionId);
    return current ? institutionAsOf(db.manager, current, asOf) : null;
  },

  institutions: async (_parent, { filter, first, after }, { db }) => {
    const query = db.getRepository(InstitutionEntity).createQueryBuilder('i');
    if (filter?.search) whereFolded(query, 'i.search_name', filter.search, 'filter.search', 'search');
    if (filter?.type) query.andWhere('i.type = :type', { type: filter.type });
    if (filter?.status) query.andWhere('i.status = :status', { status: filter.status });
    if (filter?.planningRegion) query.andWhere('i.planning_region = :region', { region: filter.planningRegion });
    if (filter?.founderKind) query.andWhere('i.founder_kind = :founderKind', { founderKind: filter.founderKind });
    if (filter?.stateSignificance != null)
      query.andWhere('i.state_significance = :significance', { significance: filter.stateSignificance });
    if (filter?.municipality) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM implementation_place p WHERE p.institution_id = i.id AND NOT p.removed AND p.municipality = :municipality)',
        { municipality: filter.municipality },
      );
    }
    return keysetPage(query, 'i', 'name', (node) => node.name, first, after);
  },

  institutionsChangedSince: async (_parent, { since, first, after }, { db, loaders }) => {
    const limit = pageSize(first, 1000);
    // The cursor keeps the timestamp as PostgreSQL prints it: microseconds, which a JS Date would lose.
    const [fromTs, fromId] = after
      ? decodeCursor(after, CHANGES_LIST, ['instant', 'uuid'])
      : [since, '00000000-0000-0000-0000-000000000000'];
    const [{ total }] = await db.query('SELECT count(*)::int AS total FROM institution WHERE updated_at > $1', [since]);
    const rows: Array<{ id: string; ts: string }> = await db.query(
      `SELECT id, updated_at::text AS ts FROM institution
        WHERE updated_at > $1 AND (updated_at, id) > ($2::timestamptz, $3::uuid)
        ORDER BY updated_at, id LIMIT $4`,
      [since, fromTs, fromId, limit + 1],
    );
    const nodes = await Promise.all(rows.slice(0, limit).map(async (row) => ({ row, node: (await loaders.institution.load(row.id))! })));
    const edges = nodes.map(({ row, node }) => ({ cursor: encodeCursor(CHANGES_LIST, [row.ts, row.id]), node }));
    return { edges, totalCount: total, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  },
};
