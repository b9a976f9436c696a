import DataLoader from 'dataloader';
import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  CertificateEntity,
  CertificateStatusChangeEntity,
  type CertificateRecord,
  type CertificateStatusChangeRecord,
} from '../entities/certificate';
import { ChildcareAmendmentEntity, type ChildcareAmendmentRecord } from '../entities/childcareProvider';
import { ForeignQualificationEntity, type ForeignQualificationRecord } from '../entities/foreignQualification';
import { PrivatePracticeExtensionEntity, type PrivatePracticeExtensionRecord } from '../entities/privatePracticeCertificate';
import { PsychologistEntity, type PsychologistRecord } from '../entities/psychologist';
import { StatusChangeEntity, type StatusChangeRecord } from '../entities/statusChange';
import { SupervisionContractEntity, type SupervisionContractRecord } from '../entities/supervisionContract';
import { SupervisorRightEntity, type SupervisorRightRecord } from '../entities/supervisorRight';

/** Per-request batch loaders: one SQL statement per kind of row however many entries a query touches. */
export interface PractitionerLoaders {
  psychologist: DataLoader<string, PsychologistRecord | null>;
  certificates: DataLoader<string, CertificateRecord[]>;
  /** Keyed by certificate id. */
  certificateStatusHistory: DataLoader<string, CertificateStatusChangeRecord[]>;
  supervisionContracts: DataLoader<string, SupervisionContractRecord[]>;
  statusHistory: DataLoader<string, StatusChangeRecord[]>;
  supervisorRights: DataLoader<string, SupervisorRightRecord[]>;
  foreignQualifications: DataLoader<string, ForeignQualificationRecord[]>;
  childcareAmendments: DataLoader<string, ChildcareAmendmentRecord[]>;
  privatePracticeExtensions: DataLoader<string, PrivatePracticeExtensionRecord[]>;
}

type Db = DataSource | EntityManager;

function groupBy<T>(rows: T[], keyOf: (row: T) => string, keys: readonly string[]): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** Certificates of some psychologists, newest first (also used inside write transactions). */
export function findCertificates(db: Db, psychologistIds: readonly string[]): Promise<CertificateRecord[]> {
  return db
    .getRepository(CertificateEntity)
    .find({ where: { psychologistId: In([...psychologistIds]) }, order: { validFrom: 'DESC', createdAt: 'DESC' } });
}

/** Decisions on the certificates of some psychologists, oldest first. */
export function findCertificateStatusHistory(db: Db, psychologistIds: readonly string[]): Promise<CertificateStatusChangeRecord[]> {
  return db
    .getRepository(CertificateStatusChangeEntity)
    .find({ where: { psychologistId: In([...psychologistIds]) }, order: { decisionDate: 'ASC', seq: 'ASC' } });
}

/** Supervision contracts of some supervised psychologists, newest first. */
export function findSupervisionContracts(db: Db, psychologistIds: readonly string[]): Promise<SupervisionContractRecord[]> {
  return db
    .getRepository(SupervisionContractEntity)
    .find({ where: { psychologistId: In([...psychologistIds]) }, order: { startsOn: 'DESC', createdAt: 'DESC' } });
}

/** Status changes of some psychologists, oldest first. */
export function findStatusHistory(db: Db, psychologistIds: readonly string[]): Promise<StatusChangeRecord[]> {
  return db
    .getRepository(StatusChangeEntity)
    .find({ where: { psychologistId: In([...psychologistIds]) }, order: { decisionDate: 'ASC', seq: 'ASC' } });
}

/** Supervisor rights of some psychologists, newest first. */
export function findSupervisorRights(db: Db, psychologistIds: readonly string[]): Promise<SupervisorRightRecord[]> {
  return db
    .getRepository(SupervisorRightEntity)
    .find({ where: { psychologistId: In([...psychologistIds]) }, order: { validFrom: 'DESC', createdAt: 'DESC' } });
}

/** Foreign-qualification recognitions of some psychologists, oldest first. */
export function findForeignQualifications(db: Db, psychologistIds: readonly string[]): Promise<ForeignQualificationRecord[]> {
  return db.getRepository(ForeignQualificationEntity).find({ where: { psychologistId: In([...psychologistIds]) }, order: { seq: 'ASC' } });
}

export function findChildcareAmendments(db: Db, providerIds: readonly string[]): Promise<ChildcareAmendmentRecord[]> {
  return db.getRepository(ChildcareAmendmentEntity).find({ where: { providerId: In([...providerIds]) }, order: { seq: 'ASC' } });
}

export function findPrivatePracticeExtensions(db: Db, certificateIds: readonly string[]): Promise<PrivatePracticeExtensionRecord[]> {
  return db
    .getRepository(PrivatePracticeExtensionEntity)
    .find({ where: { certificateId: In([...certificateIds]) }, order: { seq: 'ASC' } });
}

export function createPractitionerLoaders(db: DataSource): PractitionerLoaders {
  return {
    psychologist: new DataLoader(async (ids) => {
      const rows = await db.getRepository(PsychologistEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    certificates: new DataLoader(async (ids) => groupBy(await findCertificates(db, ids), (row) => row.psychologistId, ids)),
    certificateStatusHistory: new DataLoader(async (ids) =>
      groupBy(
        await db
          .getRepository(CertificateStatusChangeEntity)
          .find({ where: { certificateId: In([...ids]) }, order: { decisionDate: 'ASC', seq: 'ASC' } }),
        (row) => row.certificateId,
        ids,
      ),
    ),
    supervisionContracts: new DataLoader(async (ids) => groupBy(await findSupervisionContracts(db, ids), (row) => row.psychologistId, ids)),
    statusHistory: new DataLoader(async (ids) => groupBy(await findStatusHistory(db, ids), (row) => row.psychologistId, ids)),
    supervisorRights: new DataLoader(async (ids) => groupBy(await findSupervisorRights(db, ids), (row) => row.psychologistId, ids)),
    foreignQualifications: new DataLoader(async (ids) =>
      groupBy(await findForeignQualifications(db, ids), (row) => row.psychologistId, ids),
    ),
    childcareAmendments: new DataLoader(async (ids) => groupBy(await findChildcareAmendments(db, ids), (row) => row.providerId, ids)),
    privatePracticeExtensions: new DataLoader(async (ids) =>
      groupBy(await findPrivatePracticeExtensions(db, ids), (row) => row.certificateId, ids),
    ),
  };
}
