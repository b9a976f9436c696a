import { conflict, DomainError, ErrorCode, validationFailed } from '@eq/shared/errors';
import type { ValidityPeriod } from './certificateValidity';
import type { ValidDecision } from './decisions';
import { fieldOfPracticeLabelLv, type FieldOfPracticeCode } from './fieldsOfPractice';
import type { PsychologistStatusCode } from './psychologistRules';
import { certificateInForce, type CertificateStanding } from './practiceRights';
import { PSYCHOLOGIST_FACTS } from './registerFacts';
import { activityInForce, assertNotExcluded } from './statusDecisions';

export interface HeldCertificate extends CertificateStanding {
  id: string;
  fieldOfPractice: FieldOfPracticeCode;
}

export interface HeldSupervisorRight extends ValidityPeriod {
  fieldOfPractice: FieldOfPracticeCode;
}

export interface SupervisorGrant extends ValidityPeriod {
  certificateId: string;
}

/**
 * Supervisor rights (reference/rules.json: at most 2 fields, valid as long as the certificate):
 * - only for a psychologist whose activity is in force, in a field with a certificate in force
 *   (within its validity, neither suspended nor annulled) on the decision date;
 * - they start on the decision date and end on that certificate's last day;
 * - not twice in one field at once (CONFLICT), and not in a third field while two are current
 *   on the decision date (QUOTA_EXCEEDED).
 */
export function assertCanGrantSupervisorRights(
  psychologist: { name: string; status: PsychologistStatusCode },
  certificates: readonly HeldCertificate[],
  rights: readonly HeldSupervisorRight[],
  field: FieldOfPracticeCode,
  decision: ValidDecision,
): SupervisorGrant {
  assertNotExcluded(psychologist);
  if (!activityInForce(psychologist.status)) {
    throw conflict(`${psychologist.name} is ${psychologist.status.toLowerCase()}: supervisor rights cannot be granted`);
  }
  const day = decision.date;
  const certificate = certificates.find((c) => c.fieldOfPractice === field && certificateInForce(c, day));
  if (!certificate) {
    throw validationFailed(
      `${psychologist.name} holds no certificate in ${fieldOfPracticeLabelLv(field)} in force on ${day}`,
      'fieldOfPractice',
    );
  }
  const current = rights.filter((r) => r.validFrom <= day && day <= r.validUntil);
  if (current.some((r) => r.fieldOfPractice === field)) {
    throw conflict(`${psychologist.name} already holds supervisor rights in ${fieldOfPracticeLabelLv(field)}`);
  }
  const fields = new Set(current.map((r) => r.fieldOfPractice));
  if (fields.size >= PSYCHOLOGIST_FACTS.supervisorRightsMaxFields) {
    throw new DomainError(
      ErrorCode.QUOTA_EXCEEDED,
      `Supervisor rights are held in at most ${PSYCHOLOGIST_FACTS.supervisorRightsMaxFields} fields; ${psychologist.name} already holds them in ${[...fields].map(fieldOfPracticeLabelLv).join(' and ')}`,
      { field: 'fieldOfPractice', limit: PSYCHOLOGIST_FACTS.supervisorRightsMaxFields },
    );
  }
  return { certificateId: certificate.id, validFrom: day, validUntil: certificate.validUntil };
}
