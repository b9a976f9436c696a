import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { AccreditationEntity, type AccreditationRecord } from '../entities/accreditation';
import { AccreditationResultEntity, type AccreditationResultRecord } from '../entities/accreditationResult';

/** Per-request batch loaders: one SQL statement per kind of row however many institutions a query touches. */
export interface AccreditationLoaders {
  accreditation: DataLoader<string, AccreditationRecord | null>;
  /** Accreditations by institution id, latest term first. */
  accreditationsByInstitution: DataLoader<string, AccreditationRecord[]>;
  /** Results by accreditation id, in the regulation's order of categories. */
  results: DataLoader<string, AccreditationResultRecord[]>;
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string, keys: readonly string[]): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

export function createAccreditationLoaders(db: DataSource): AccreditationLoaders {
  return {
    accreditation: new DataLoader(async (ids) => {
      const rows = await db.getRepository(AccreditationEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    accreditationsByInstitution: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(AccreditationEntity)
        .find({ where: { institutionId: In([...ids]) }, order: { termStart: 'DESC', createdAt: 'DESC' } });
      return groupBy(rows, (row) => row.institutionId, ids);
    }),
    results: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(AccreditationResultEntity)
        .find({ where: { accreditationId: In([...ids]) }, order: { position: 'ASC' } });
      return groupBy(rows, (row) => row.accreditationId, ids);
    }),
  };
}
