import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { DecisionEntity, type DecisionRecord } from '../entities/decision';
import { ImplementationPlaceEntity, type ImplementationPlaceRecord } from '../entities/implementationPlace';
import { InstitutionEntity, type InstitutionRecord } from '../entities/institution';
import { InstitutionChangeEntity, type InstitutionChangeRecord } from '../entities/institutionChange';
import { InstitutionLinkEntity, type InstitutionLinkRecord } from '../entities/institutionLink';

/** A reorganisation link seen from one side: `otherId` is the institution on the other side. */
export interface LinkView extends InstitutionLinkRecord {
  otherId: string;
}

/** Per-request batch loaders: one SQL statement per kind of row however many institutions a query touches. */
export interface RegistryLoaders {
  institution: DataLoader<string, InstitutionRecord | null>;
  places: DataLoader<string, ImplementationPlaceRecord[]>;
  decisions: DataLoader<string, DecisionRecord[]>;
  decision: DataLoader<string, DecisionRecord | null>;
  history: DataLoader<string, InstitutionChangeRecord[]>;
  predecessors: DataLoader<string, LinkView[]>;
  successors: DataLoader<string, LinkView[]>;
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string, keys: readonly string[]): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => found.get(id) ?? null);
}

export function createRegistryLoaders(db: DataSource): RegistryLoaders {
  const links = db.getRepository(InstitutionLinkEntity);
  return {
    institution: new DataLoader(async (ids) => byId(await db.getRepository(InstitutionEntity).findBy({ id: In([...ids]) }), ids)),
    places: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(ImplementationPlaceEntity)
        .find({ where: { institutionId: In([...ids]), removed: false }, order: { position: 'ASC' } });
      return groupBy(rows, (row) => row.institutionId, ids);
    }),
    decisions: new DataLoader(async (ids) => {
      const rows = await db.getRepository(DecisionEntity).find({ where: { institutionId: In([...ids]) }, order: { recordedAt: 'ASC' } });
      return groupBy(rows, (row) => row.institutionId, ids);
    }),
    decision: new DataLoader(async (ids) => byId(await db.getRepository(DecisionEntity).findBy({ id: In([...ids]) }), ids)),
    history: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(InstitutionChangeEntity)
        .find({ where: { institutionId: In([...ids]) }, order: { effectiveDate: 'ASC', seq: 'ASC' } });
      return groupBy(rows, (row) => row.institutionId, ids);
    }),
    predecessors: new DataLoader(async (ids) => {
      const rows = await links.findBy({ successorId: In([...ids]) });
      return groupBy(
        rows.map((row) => ({ ...row, otherId: row.predecessorId })),
        (row) => row.successorId,
        ids,
      );
    }),
    successors: new DataLoader(async (ids) => {
      const rows = await links.findBy({ predecessorId: In([...ids]) });
      return groupBy(
        rows.map((row) => ({ ...row, otherId: row.successorId })),
        (row) => row.predecessorId,
        ids,
      );
    }),
  };
}
