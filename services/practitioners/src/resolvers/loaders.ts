import DataLoader from 'dataloader';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { CertificateEntity, type CertificateRecord } from '../entities/certificate';
import { PsychologistEntity, type PsychologistRecord } from '../entities/psychologist';
import { StatusChangeEntity, type StatusChangeRecord } from '../entities/statusChange';

/** Per-request batch loaders: one SQL statement per kind of row however many psychologists a query touches. */
export interface PractitionerLoaders {
  psychologist: DataLoader<string, PsychologistRecord | null>;
  certificates: DataLoader<string, CertificateRecord[]>;
  statusHistory: DataLoader<string, StatusChangeRecord[]>;
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string, keys: readonly string[]): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** Certificates of some psychologists, newest first (also used inside write transactions). */
export function findCertificates(db: DataSource | EntityManager, psychologistIds: readonly string[]): Promise<CertificateRecord[]> {
  return db
    .getRepository(CertificateEntity)
    .find({ where: { psychologistId: In([...psychologistIds]) }, order: { validFrom: 'DESC', createdAt: 'DESC' } });
}

/** Status changes of some psychologists, oldest first. */
export function findStatusHistory(db: DataSource | EntityManager, psychologistIds: readonly string[]): Promise<StatusChangeRecord[]> {
  return db
    .getRepository(StatusChangeEntity)
    .find({ where: { psychologistId: In([...psychologistIds]) }, order: { decisionDate: 'ASC', seq: 'ASC' } });
}

export function createPractitionerLoaders(db: DataSource): PractitionerLoaders {
  return {
    psychologist: new DataLoader(async (ids) => {
      const rows = await db.getRepository(PsychologistEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    certificates: new DataLoader(async (ids) => groupBy(await findCertificates(db, ids), (row) => row.psychologistId, ids)),
    statusHistory: new DataLoader(async (ids) => groupBy(await findStatusHistory(db, ids), (row) => row.psychologistId, ids)),
  };
}
