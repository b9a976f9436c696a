import { conflict, validationFailed } from '@eq/shared/errors';
import { isIsoDate } from '@eq/shared/scalars';
import type { ValidityPeriod } from './certificateValidity';
import type { ValidDecision } from './decisions';

export type PrivatePracticeStatusCode = 'ISSUED' | 'REVOKED';

/**
 * A private-practice certificate's period is decided, not computed (the reference data gives no
 * term): it starts on the decision date or later and must not end before it starts.
 */
export function assertPrivatePracticePeriod(
  decision: ValidDecision,
  validFrom: string | null | undefined,
  validUntil: string,
): ValidityPeriod {
  const from = validFrom ?? decision.date;
  if (!isIsoDate(from)) throw validationFailed('validFrom must be a calendar date YYYY-MM-DD', 'validFrom');
  if (!isIsoDate(validUntil)) throw validationFailed('validUntil must be a calendar date YYYY-MM-DD', 'validUntil');
  if (from < decision.date) throw validationFailed('A certificate cannot be valid before the decision that issues it', 'validFrom');
  if (validUntil < from) throw validationFailed('A certificate cannot end before it starts', 'validUntil');
  return { validFrom: from, validUntil };
}

interface CertificateView extends ValidityPeriod {
  number: string;
  status: PrivatePracticeStatusCode;
  decisionDate: string;
}

/** Only an issued certificate can be extended or revoked, by a decision not dated before its issue. */
function assertDecisionOnIssued(certificate: CertificateView, decision: ValidDecision, what: string): void {
  if (certificate.status !== 'ISSUED')
    throw conflict(`Certificate ${certificate.number} is ${certificate.status.toLowerCase()}: it cannot be ${what}`);
  if (decision.date < certificate.decisionDate) throw validationFailed('The decision cannot precede the issue decision', 'decision.date');
}

/** An extension moves the end later (never earlier: shortening is a revocation) and may close a gap after expiry. */
export function assertCanExtend(certificate: CertificateView, decision: ValidDecision, validUntil: string): string {
  assertDecisionOnIssued(certificate, decision, 'extended');
  if (!isIsoDate(validUntil)) throw validationFailed('validUntil must be a calendar date YYYY-MM-DD', 'validUntil');
  if (validUntil <= certificate.validUntil) {
    throw validationFailed(`An extension must end after the current end (${certificate.validUntil})`, 'validUntil');
  }
  return validUntil;
}

export function assertCanRevoke(certificate: CertificateView, decision: ValidDecision): void {
  assertDecisionOnIssued(certificate, decision, 'revoked');
}

/** Current when issued (not revoked) and today lies within the period. */
export function isPrivatePracticeCurrent(certificate: ValidityPeriod & { status: PrivatePracticeStatusCode }, today: string): boolean {
  return certificate.status === 'ISSUED' && certificate.validFrom <= today && today <= certificate.validUntil;
}
