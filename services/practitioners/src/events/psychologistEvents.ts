import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { CertificateRecord } from '../entities/certificate';
import type { PsychologistRecord } from '../entities/psychologist';
import type { StatusChangeRecord } from '../entities/statusChange';

/**
 * The public state of a psychologist as carried on `practitioners.psychologist.v1`: what the
 * public register shows (reference/rules.json, psychologists.publicFields). Built field by field,
 * never by spreading the record, so the personal code cannot ride along.
 */
export interface PsychologistState {
  id: string;
  registrationNumber: string;
  name: string;
  education: string;
  registrationDecision: { number: string; date: string };
  status: string;
  certificates: Array<{
    number: string;
    fieldOfPractice: string;
    validFrom: string;
    validUntil: string;
    decision: { number: string; date: string };
  }>;
  statusHistory: Array<{ status: string; decision: { number: string; date: string } }>;
}

export type PsychologistEventType = 'practitioners.psychologist.registered' | 'practitioners.psychologist.certified';

export function psychologistState(
  psychologist: PsychologistRecord,
  certificates: readonly CertificateRecord[],
  statusHistory: readonly StatusChangeRecord[],
): PsychologistState {
  return {
    id: psychologist.id,
    registrationNumber: psychologist.registrationNumber,
    name: psychologist.name,
    education: psychologist.education,
    registrationDecision: { number: psychologist.registrationDecisionNumber, date: psychologist.registrationDecisionDate },
    status: psychologist.status,
    certificates: certificates.map((c) => ({
      number: c.number,
      fieldOfPractice: c.fieldOfPractice,
      validFrom: c.validFrom,
      validUntil: c.validUntil,
      decision: { number: c.decisionNumber, date: c.decisionDate },
    })),
    statusHistory: statusHistory.map((s) => ({ status: s.status, decision: { number: s.decisionNumber, date: s.decisionDate } })),
  };
}

/** Writes the event to the outbox in the caller's transaction, with the state read back from it. */
export async function recordPsychologistEvent(
  manager: EntityManager,
  type: PsychologistEventType,
  psychologist: PsychologistRecord,
  certificates: readonly CertificateRecord[],
  statusHistory: readonly StatusChangeRecord[],
  changedFields: string[],
): Promise<void> {
  const data: StateChange<PsychologistState> = { state: psychologistState(psychologist, certificates, statusHistory), changedFields };
  await enqueueEvent(
    manager,
    Topics.practitionersPsychologist,
    makeCloudEvent({ source: '/practitioners', type, subject: psychologist.id, data }),
  );
}
