import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { CertificateRecord, CertificateStatusChangeRecord } from '../../entities/certificate';
import type { ForeignQualificationRecord } from '../../entities/foreignQualification';
import type { PsychologistRecord } from '../../entities/psychologist';
import type { StatusChangeRecord } from '../../entities/statusChange';
import type { SupervisionContractRecord } from '../../entities/supervisionContract';
import type { SupervisorRightRecord } from '../../entities/supervisorRight';

type Decision = { number: string; date: string };

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
  practiceMunicipality: string | null;
  registrationDecision: Decision;
  status: string;
  certificates: Array<{
    number: string;
    fieldOfPractice: string;
    validFrom: string;
    validUntil: string;
    expired: boolean;
    decision: Decision;
    status: string;
    statusHistory: Array<{ status: string; decision: Decision }>;
  }>;
  statusHistory: Array<{ status: string; decision: Decision }>;
  supervisorRights: Array<{ fieldOfPractice: string; validFrom: string; validUntil: string; expired: boolean; decision: Decision }>;
  foreignQualifications: Array<{
    country: string;
    qualification: string;
    decision: Decision;
    recognitionCertificate: { number: string; date: string } | null;
  }>;
  supervisionContracts: Array<{ supervisorId: string; startsOn: string; endsOn: string }>;
}

export type PsychologistEventType =
  | 'practitioners.psychologist.registered'
  | 'practitioners.psychologist.certified'
  | 'practitioners.psychologist.suspended'
  | 'practitioners.psychologist.terminated'
  | 'practitioners.psychologist.excluded'
  | 'practitioners.psychologist.restored'
  | 'practitioners.psychologist.supervisor-rights-granted'
  | 'practitioners.psychologist.foreign-qualification-recognised'
  | 'practitioners.psychologist.certificate-suspended'
  | 'practitioners.psychologist.certificate-annulled'
  | 'practitioners.psychologist.certificate-restored'
  | 'practitioners.psychologist.supervision-contract-recorded'
  /** A certificate (and the supervisor rights resting on it) reached the end of its validity. */
  | 'practitioners.psychologist.certificate-expired';

export interface PsychologistParts {
  certificates: readonly CertificateRecord[];
  certificateStatusHistory: readonly CertificateStatusChangeRecord[];
  supervisionContracts: readonly SupervisionContractRecord[];
  statusHistory: readonly StatusChangeRecord[];
  supervisorRights: readonly SupervisorRightRecord[];
  foreignQualifications: readonly ForeignQualificationRecord[];
}

const decisionOf = (row: { decisionNumber: string; decisionDate: string }): Decision => ({
  number: row.decisionNumber,
  date: row.decisionDate,
});

export function psychologistState(psychologist: PsychologistRecord, parts: PsychologistParts): PsychologistState {
  return {
    id: psychologist.id,
    registrationNumber: psychologist.registrationNumber,
    name: psychologist.name,
    education: psychologist.education,
    practiceMunicipality: psychologist.practiceMunicipality,
    registrationDecision: { number: psychologist.registrationDecisionNumber, date: psychologist.registrationDecisionDate },
    status: psychologist.status,
    certificates: parts.certificates.map((c) => ({
      number: c.number,
      fieldOfPractice: c.fieldOfPractice,
      validFrom: c.validFrom,
      validUntil: c.validUntil,
      expired: c.expiredOn !== null,
      decision: decisionOf(c),
      status: c.status,
      statusHistory: parts.certificateStatusHistory
        .filter((s) => s.certificateId === c.id)
        .map((s) => ({ status: s.status, decision: decisionOf(s) })),
    })),
    statusHistory: parts.statusHistory.map((s) => ({ status: s.status, decision: decisionOf(s) })),
    supervisorRights: parts.supervisorRights.map((r) => ({
      fieldOfPractice: r.fieldOfPractice,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      expired: r.expiredOn !== null,
      decision: decisionOf(r),
    })),
    foreignQualifications: parts.foreignQualifications.map((f) => ({
      country: f.country,
      qualification: f.qualification,
      decision: decisionOf(f),
      recognitionCertificate:
        f.certificateNumber !== null && f.certificateDate !== null ? { number: f.certificateNumber, date: f.certificateDate } : null,
    })),
    supervisionContracts: parts.supervisionContracts.map((c) => ({ supervisorId: c.supervisorId, startsOn: c.startsOn, endsOn: c.endsOn })),
  };
}

/** Writes the event to the outbox in the caller's transaction, with the state read back from it. */
export async function recordPsychologistEvent(
  manager: EntityManager,
  type: PsychologistEventType,
  psychologist: PsychologistRecord,
  parts: PsychologistParts,
  changedFields: string[],
): Promise<void> {
  const data: StateChange<PsychologistState> = { state: psychologistState(psychologist, parts), changedFields };
  await enqueueEvent(
    manager,
    Topics.practitionersPsychologist,
    makeCloudEvent({ source: '/practitioners', type, subject: psychologist.id, data }),
  );
}
