import { decodeCursor, encodeCursor, pageSize } from './cursor';
import { validationFailed } from './errors';
import { likePattern } from './searchText';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** `column LIKE %fragment%` over a folded search column; the fragment is bounded so a query stays cheap. */
export function whereFolded<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  fragment: string,
  field: string,
  parameter: string,
): void {
  if (fragment.length > 200) throw validationFailed('search is limited to 200 characters', field);
  query.andWhere(`${column} LIKE :${parameter} ESCAPE '\\'`, { [parameter]: likePattern(fragment) });
}

/**
 * One page of a list ordered by (name column, id), with keyset paging: the cursor carries the
 * last row's name and id, so pages stay stable while rows are added. The list a cursor belongs
 * to is the table and column it is sorted by, so every caller gets cursors of its own without
 * naming them.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  nameColumn: string,
  nameOf: (row: T) => string,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const limit = pageSize(first);
  const totalCount = await query.getCount();
  if (after) {
    const [name, id] = decodeCursor(after, listOf(query, nameColumn), ['text', 'uuid']);
    query.andWhere(`(${alias}.${nameColumn}, ${alias}.id) > (:cursorName, :cursorId)`, { cursorName: name, cursorId: id });
  }
  const rows = await query
    .orderBy(`${alias}.${nameColumn}`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .take(limit + 1)
    .getMany();
  const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeCursor(listOf(query, nameColumn), [nameOf(node), node.id]), node }));
  return { edges, totalCount, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
}

const listOf = (query: SelectQueryBuilder<ObjectLiteral>, nameColumn: string) =>
  `${query.expressionMap.mainAlias!.metadata.tableName}.${nameColumn}`;
