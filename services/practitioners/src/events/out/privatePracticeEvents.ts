import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { PrivatePracticeCertificateRecord, PrivatePracticeExtensionRecord } from '../../entities/privatePracticeCertificate';

type Decision = { number: string; date: string };

/** The public state of a private-practice certificate on `practitioners.private-practice.v1`; never the personal code. */
export interface PrivatePracticeCertificateState {
  id: string;
  number: string;
  teacherName: string;
  programmeKind: string;
  programmeName: string;
  municipality: string;
  validFrom: string;
  validUntil: string;
  status: string;
  decision: Decision;
  extensions: Array<{ validUntil: string; decision: Decision }>;
  revocationDecision: Decision | null;
  revocationReason: string | null;
}

export type PrivatePracticeEventType =
  'practitioners.private-practice.issued' | 'practitioners.private-practice.extended' | 'practitioners.private-practice.revoked';

export function privatePracticeState(
  certificate: PrivatePracticeCertificateRecord,
  extensions: readonly PrivatePracticeExtensionRecord[],
): PrivatePracticeCertificateState {
  return {
    id: certificate.id,
    number: certificate.number,
    teacherName: certificate.teacherName,
    programmeKind: certificate.programmeKind,
    programmeName: certificate.programmeName,
    municipality: certificate.municipality,
    validFrom: certificate.validFrom,
    validUntil: certificate.validUntil,
    status: certificate.status,
    decision: { number: certificate.decisionNumber, date: certificate.decisionDate },
    extensions: extensions.map((e) => ({ validUntil: e.validUntil, decision: { number: e.decisionNumber, date: e.decisionDate } })),
    revocationDecision:
      certificate.revocationDecisionNumber && certificate.revocationDecisionDate
        ? { number: certificate.revocationDecisionNumber, date: certificate.revocationDecisionDate }
        : null,
    revocationReason: certificate.revocationReason,
  };
}

export async function recordPrivatePracticeEvent(
  manager: EntityManager,
  type: PrivatePracticeEventType,
  certificate: PrivatePracticeCertificateRecord,
  extensions: readonly PrivatePracticeExtensionRecord[],
  changedFields: string[],
): Promise<void> {
  const data: StateChange<PrivatePracticeCertificateState> = { state: privatePracticeState(certificate, extensions), changedFields };
  await enqueueEvent(
    manager,
    Topics.practitionersPrivatePractice,
    makeCloudEvent({ source: '/practitioners', type, subject: certificate.id, data }),
  );
}
