import type { DataSource, EntitySchema } from 'typeorm';

// Columns the pg driver hands back as Date (a `date` column stays a YYYY-MM-DD string).
const DATE_TYPES = new Set(['timestamptz', 'timestamp', 'timestamp with time zone']);

/**
 * A row as `to_jsonb` gives it (column names as in the table, timestamps as ISO strings) as the
 * entity's record, the same the repositories give: what a PL/pgSQL function that locks and
 * reads in one round trip (the booking path) hands back.
 */
export function recordFromJson<T>(db: DataSource, entity: EntitySchema<T>, row: Record<string, unknown>): T {
  const record: Record<string, unknown> = {};
  for (const column of db.getMetadata(entity).columns) {
    const value = row[column.databaseName];
    record[column.propertyName] =
      value !== null && value !== undefined && DATE_TYPES.has(String(column.type)) ? new Date(value as string) : value;
  }
  return record as T;
}
