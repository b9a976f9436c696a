import { conflict, validationFailed } from '@eq/shared/errors';
import { certificateValidity, type ValidityPeriod } from './certificateValidity';
import type { ValidDecision } from './decisions';
import { fieldOfPracticeLabelLv, type FieldOfPracticeCode } from './fieldsOfPractice';
import type { CertificateStatusCode } from './certificateDecisions';
import { boundedText } from './registerText';
import { assertNotExcluded } from './statusDecisions';

export type PsychologistStatusCode = 'REGISTERED' | 'CERTIFIED' | 'SUSPENDED' | 'TERMINATED' | 'EXCLUDED' | 'RESTORED';

/**
 * Statuses in which the register takes no certification decision: the professional activity is
 * suspended or terminated, or the person is excluded. Restoration comes first, then certification.
 */
const NO_CERTIFICATION: ReadonlySet<PsychologistStatusCode> = new Set(['SUSPENDED', 'TERMINATED', 'EXCLUDED']);

/** A person's full name as registered: what the public searches and reads. */
export const assertPersonName = (name: string) => boundedText(name, 'name', 2, 200);

/** Education as the registration decision states it (institution, degree, programme). */
export const assertEducation = (education: string) => boundedText(education, 'education', 2, 1000);

/** Certificate numbers are issued by the certification board; kept as given, bounded. */
export const assertCertificateNumber = (number: string) => boundedText(number, 'certificateNumber', 1, 50);

export interface PsychologistView {
  name: string;
  status: PsychologistStatusCode;
  registrationDecisionDate: string;
}

export interface CertificateView extends ValidityPeriod {
  fieldOfPractice: FieldOfPracticeCode;
  status: CertificateStatusCode;
}

export interface CertificationDraft {
  fieldOfPractice: FieldOfPracticeCode;
  decision: ValidDecision;
  /** Defaults to the decision date. */
  validFrom?: string | null;
}

/**
 * Decides whether a certificate may be recorded and returns its validity period:
 * - not for a suspended, cancelled, terminated or excluded psychologist (CONFLICT);
 * - not decided before the psychologist was registered, nor valid before it was decided;
 * - not overlapping a certificate the psychologist already holds in the same field: a renewal
 *   starts the day after the previous certificate ends (CONFLICT). An annulled certificate holds
 *   nothing, so a new certification in its field may follow.
 */
export function assertCanCertify(
  psychologist: PsychologistView,
  held: readonly CertificateView[],
  draft: CertificationDraft,
): ValidityPeriod {
  assertNotExcluded(psychologist);
  if (NO_CERTIFICATION.has(psychologist.status)) {
    throw conflict(`${psychologist.name} is ${psychologist.status.toLowerCase()}: no certification decision can be taken`);
  }
  if (draft.decision.date < psychologist.registrationDecisionDate) {
    throw validationFailed('A certification decision cannot precede the registration decision', 'decision.date');
  }
  const period = certificateValidity(draft.validFrom ?? draft.decision.date);
  if (period.validFrom < draft.decision.date) {
    throw validationFailed('A certificate cannot be valid before the decision that issues it', 'validFrom');
  }
  const overlapping = held.find(
    (c) =>
      c.status !== 'ANNULLED' &&
      c.fieldOfPractice === draft.fieldOfPractice &&
      c.validFrom <= period.validUntil &&
      period.validFrom <= c.validUntil,
  );
  if (overlapping) {
    throw conflict(
      `${psychologist.name} already holds a certificate in ${fieldOfPracticeLabelLv(draft.fieldOfPractice)} valid ${overlapping.validFrom}..${overlapping.validUntil}`,
    );
  }
  return period;
}
