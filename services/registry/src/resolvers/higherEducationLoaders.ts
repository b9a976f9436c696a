import DataLoader from 'dataloader';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { HigherEducationAmendmentEntity, type HigherEducationAmendmentRecord } from '../entities/higherEducationAmendment';
import { HigherEducationBranchEntity, type HigherEducationBranchRecord } from '../entities/higherEducationBranch';
import { HigherEducationInstitutionEntity, type HigherEducationInstitutionRecord } from '../entities/higherEducationInstitution';

/** Per-request batch loaders of the higher-education register: one statement per kind of row. */
export interface HigherEducationLoaders {
  institution: DataLoader<string, HigherEducationInstitutionRecord | null>;
  branches: DataLoader<string, HigherEducationBranchRecord[]>;
  amendments: DataLoader<string, HigherEducationAmendmentRecord[]>;
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string, keys: readonly string[]): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** Branches of some institutions in the order they were opened (also used inside write transactions). */
export function findBranches(db: DataSource | EntityManager, institutionIds: readonly string[]): Promise<HigherEducationBranchRecord[]> {
  return db
    .getRepository(HigherEducationBranchEntity)
    .find({ where: { institutionId: In([...institutionIds]) }, order: { openedDecisionDate: 'ASC', seq: 'ASC' } });
}

/** The amendment log of some institutions, oldest first. */
export function findAmendments(
  db: DataSource | EntityManager,
  institutionIds: readonly string[],
): Promise<HigherEducationAmendmentRecord[]> {
  return db
    .getRepository(HigherEducationAmendmentEntity)
    .find({ where: { institutionId: In([...institutionIds]) }, order: { seq: 'ASC' } });
}

export function createHigherEducationLoaders(db: DataSource): HigherEducationLoaders {
  return {
    institution: new DataLoader(async (ids) => {
      const rows = await db.getRepository(HigherEducationInstitutionEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    branches: new DataLoader(async (ids) => groupBy(await findBranches(db, ids), (row) => row.institutionId, ids)),
    amendments: new DataLoader(async (ids) => groupBy(await findAmendments(db, ids), (row) => row.institutionId, ids)),
  };
}
