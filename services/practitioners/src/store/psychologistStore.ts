import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ValidDecision } from '../domain/decisions';
import { PsychologistEntity, type PsychologistRecord } from '../entities/psychologist';
import { StatusChangeEntity } from '../entities/statusChange';
import { recordPsychologistEvent, type PsychologistEventType, type PsychologistParts } from '../events/out/psychologistEvents';
import type { PsychologistStatus } from '../generated/resolvers';
import {
  findCertificates,
  findCertificateStatusHistory,
  findForeignQualifications,
  findStatusHistory,
  findSupervisionContracts,
  findSupervisorRights,
} from '../resolvers/loaders';

/** Everything the public state of some psychologist is built from, read in the given transaction. */
export async function loadPsychologistParts(manager: EntityManager, id: string): Promise<PsychologistParts> {
  // One after the other: a transaction has one connection, which runs one statement at a time.
  const certificates = await findCertificates(manager, [id]);
  const statusHistory = await findStatusHistory(manager, [id]);
  const supervisorRights = await findSupervisorRights(manager, [id]);
  const foreignQualifications = await findForeignQualifications(manager, [id]);
  const certificateStatusHistory = await findCertificateStatusHistory(manager, [id]);
  const supervisionContracts = await findSupervisionContracts(manager, [id]);
  return { certificates, certificateStatusHistory, statusHistory, supervisorRights, foreignQualifications, supervisionContracts };
}

/** Appends a status with its decision to the psychologist's history. */
export async function recordStatus(
  manager: EntityManager,
  psychologistId: string,
  status: PsychologistStatus,
  decision: ValidDecision,
  recordedBy: string | undefined,
): Promise<void> {
  await manager.getRepository(StatusChangeEntity).insert({
    id: randomUUID(),
    psychologistId,
    status,
    decisionNumber: decision.number,
    decisionDate: decision.date,
    recordedBy: recordedBy ?? null,
  });
}

/** Reads the psychologist back inside the transaction and writes the event with that state. */
export async function publishPsychologist(
  manager: EntityManager,
  type: PsychologistEventType,
  id: string,
  changedFields: string[],
): Promise<PsychologistRecord> {
  const stored = await manager.getRepository(PsychologistEntity).findOneByOrFail({ id });
  await recordPsychologistEvent(manager, type, stored, await loadPsychologistParts(manager, id), changedFields);
  return stored;
}

/** Locks the psychologist's row for a decision: two decisions on one person at once are taken one after the other. */
export async function lockPsychologist(manager: EntityManager, id: string): Promise<PsychologistRecord | null> {
  return manager.getRepository(PsychologistEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}
