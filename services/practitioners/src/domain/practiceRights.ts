import { isWithinValidity, type ValidityPeriod } from './certificateValidity';
import type { CertificateStatusCode } from './certificateDecisions';
import type { PsychologistStatusCode } from './psychologistRules';
import { activityInForce } from './statusDecisions';

export interface CertificateStanding extends ValidityPeriod {
  status: CertificateStatusCode;
}

export interface ContractPeriod {
  startsOn: string;
  /** Inclusive. */
  endsOn: string;
}

/** A certificate is in force on `day` when within its validity and neither suspended nor annulled. */
export function certificateInForce(certificate: CertificateStanding, day: string): boolean {
  return certificate.status === 'ACTIVE' && isWithinValidity(certificate, day);
}

/** True when `day` lies within the contract, both ends included. */
export function contractCurrent(contract: ContractPeriod, day: string): boolean {
  return contract.startsOn <= day && day <= contract.endsOn;
}

export interface PractiseSubject {
  status: PsychologistStatusCode;
  certificates: readonly CertificateStanding[];
  supervisionContracts: readonly ContractPeriod[];
}

/**
 * May the psychologist practise on `day`? Only while the professional activity is in force, and then
 * either with a certificate in force in some field, or, for a registered psychologist without one,
 * under a supervision contract with a supervisor current on that day (the register notes the
 * contract; a registration alone is not a right to practise). Policy: a contract counts for its
 * dates; the supervisor's rights are checked when it is recorded, not again on each day.
 */
export function mayPractise(subject: PractiseSubject, day: string): boolean {
  if (!activityInForce(subject.status)) return false;
  return subject.certificates.some((c) => certificateInForce(c, day)) || subject.supervisionContracts.some((c) => contractCurrent(c, day));
}
