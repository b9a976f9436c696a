import type { EntityManager, EntitySchema } from 'typeorm';

/**
 * A raw row (column names as in the table, values as the pg driver parses them) as the entity's
 * record. The booking path writes with `RETURNING *` and locks with joins in hand-written SQL to
 * save round trips; this turns its rows into the same records the repositories give.
 */
export function recordFromRow<T>(manager: EntityManager, entity: EntitySchema<T>, row: Record<string, unknown>): T {
  const record: Record<string, unknown> = {};
  for (const column of manager.connection.getMetadata(entity).columns) record[column.propertyName] = row[column.databaseName];
  return record as T;
}
