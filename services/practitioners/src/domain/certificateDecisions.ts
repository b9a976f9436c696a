import { conflict, DomainError, ErrorCode, validationFailed } from '@eq/shared/errors';
import type { ValidityPeriod } from './certificateValidity';
import type { ValidDecision } from './decisions';
import { fieldOfPracticeLabelLv, type FieldOfPracticeCode } from './fieldsOfPractice';
import type { PsychologistStatusCode } from './psychologistRules';
import { assertNotExcluded } from './statusDecisions';

export type CertificateStatusCode = 'ACTIVE' | 'SUSPENDED' | 'ANNULLED';

/**
 * Decisions on one certificate, i.e. one field of practice: the public register of psychologists
 * suspends, annuls and restores a certificate apart from the person's professional activity, so a
 * psychologist certified in two fields can lose one certificate and keep practising in the other.
 */
export type CertificateDecisionKind = 'SUSPEND' | 'ANNUL' | 'RESTORE';

export const CERTIFICATE_STATUS_AFTER: Readonly<Record<CertificateDecisionKind, CertificateStatusCode>> = Object.freeze({
  SUSPEND: 'SUSPENDED',
  ANNUL: 'ANNULLED',
  RESTORE: 'ACTIVE',
});

/** Policy: annulment is final for the certificate (a new certification may follow); only a suspension is restored. */
const ALLOWED_FROM: Readonly<Record<CertificateDecisionKind, ReadonlySet<CertificateStatusCode>>> = {
  SUSPEND: new Set(['ACTIVE']),
  ANNUL: new Set(['ACTIVE', 'SUSPENDED']),
  RESTORE: new Set(['SUSPENDED']),
};

export interface CertificateDecisionSubject extends ValidityPeriod {
  number: string;
  fieldOfPractice: FieldOfPracticeCode;
  status: CertificateStatusCode;
  /** Date of the latest decision on the certificate (its certification, or a later status decision). */
  latestDecisionDate: string;
}

/**
 * Decides whether a decision on a certificate may be taken and returns the certificate's new status:
 * - none on an excluded person (CONFLICT, reason PERSON_EXCLUDED);
 * - from a status the decision does not apply to, e.g. restoring an active certificate (CONFLICT,
 *   reason CERTIFICATE_STATUS_DOES_NOT_ALLOW);
 * - none on a certificate whose validity ended before the decision date (CONFLICT): it has lapsed by itself;
 * - dated before the latest decision on the certificate: VALIDATION_FAILED, so its history stays in order.
 */
export function assertCertificateDecision(
  person: { name: string; status: PsychologistStatusCode },
  certificate: CertificateDecisionSubject,
  kind: CertificateDecisionKind,
  decision: ValidDecision,
): CertificateStatusCode {
  assertNotExcluded(person);
  const what = `The certificate ${certificate.number} (${fieldOfPracticeLabelLv(certificate.fieldOfPractice)})`;
  if (!ALLOWED_FROM[kind].has(certificate.status)) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      `${what} is ${certificate.status.toLowerCase()}: a ${kind.toLowerCase()} decision does not apply`,
      {
        reason: 'CERTIFICATE_STATUS_DOES_NOT_ALLOW',
      },
    );
  }
  if (decision.date < certificate.latestDecisionDate) {
    throw validationFailed(
      `The decision cannot precede the latest decision on the certificate (${certificate.latestDecisionDate})`,
      'decision.date',
    );
  }
  if (certificate.validUntil < decision.date) throw conflict(`${what} ended on ${certificate.validUntil}: no decision is taken on it`);
  return CERTIFICATE_STATUS_AFTER[kind];
}
