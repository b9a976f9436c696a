import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { DecisionEntity, type DecisionRecord } from '../entities/decision';
import { ImplementationPlaceEntity, type ImplementationPlaceRecord } from '../entities/implementationPlace';
import { InstitutionEntity, type InstitutionRecord } from '../entities/institution';

/** Per-request batch loaders: one SQL statement per kind of row however many institutions a query touches. */
export interface RegistryLoaders {
  institution: DataLoader<string, InstitutionRecord | null>;
  places: DataLoader<string, ImplementationPlaceRecord[]>;
  decisions: DataLoader<string, DecisionRecord[]>;
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string, keys: readonly string[]): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

export function createRegistryLoaders(db: DataSource): RegistryLoaders {
  return {
    institution: new DataLoader(async (ids) => {
      const rows = await db.getRepository(InstitutionEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    places: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(ImplementationPlaceEntity)
        .find({ where: { institutionId: In([...ids]) }, order: { position: 'ASC' } });
      return groupBy(rows, (row) => row.institutionId, ids);
    }),
    decisions: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(DecisionEntity)
        .find({ where: { institutionId: In([...ids]) }, order: { recordedAt: 'ASC' } });
      return groupBy(rows, (row) => row.institutionId, ids);
    }),
  };
}
