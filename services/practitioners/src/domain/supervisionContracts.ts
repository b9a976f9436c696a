import { conflict, validationFailed } from '@eq/shared/errors';
import type { ValidityPeriod } from './certificateValidity';
import { certificateInForce, type CertificateStanding, type ContractPeriod } from './practiceRights';
import type { PsychologistStatusCode } from './psychologistRules';
import { activityInForce, assertNotExcluded } from './statusDecisions';

export interface ContractParty {
  id: string;
  name: string;
  status: PsychologistStatusCode;
  certificates: ReadonlyArray<CertificateStanding & { id: string }>;
}

export interface SupervisorParty extends ContractParty {
  supervisorRights: ReadonlyArray<ValidityPeriod & { certificateId: string }>;
}

/**
 * A supervision contract lets a registered psychologist without a certificate practise under a
 * supervisor (psihologs-pārraugs):
 * - ends on or after it starts (VALIDATION_FAILED on endsOn), and the supervisor is someone else;
 * - the supervised person is not excluded, the activity is in force, and holds no certificate in
 *   force on the start date: a certified psychologist needs no contract (CONFLICT);
 * - the supervisor's activity is in force and holds supervisor rights in force on the start date,
 *   i.e. within their period and resting on a certificate that is neither suspended nor annulled
 *   (VALIDATION_FAILED on supervisorId).
 */
export function assertCanRecordSupervisionContract(
  supervisee: ContractParty,
  supervisor: SupervisorParty,
  contract: ContractPeriod,
): ContractPeriod {
  if (contract.endsOn < contract.startsOn) throw validationFailed('endsOn cannot precede startsOn', 'endsOn');
  if (supervisee.id === supervisor.id) throw validationFailed('A psychologist cannot supervise themselves', 'supervisorId');
  assertNotExcluded(supervisee);
  if (!activityInForce(supervisee.status)) {
    throw conflict(`${supervisee.name} is ${supervisee.status.toLowerCase()}: no supervision contract is recorded`);
  }
  if (supervisee.certificates.some((c) => certificateInForce(c, contract.startsOn))) {
    throw conflict(`${supervisee.name} holds a certificate in force on ${contract.startsOn}: no supervision contract is needed`);
  }
  const supervising =
    activityInForce(supervisor.status) &&
    supervisor.supervisorRights.some((right) => {
      const certificate = supervisor.certificates.find((c) => c.id === right.certificateId);
      return (
        right.validFrom <= contract.startsOn &&
        contract.startsOn <= right.validUntil &&
        certificate !== undefined &&
        certificateInForce(certificate, contract.startsOn)
      );
    });
  if (!supervising) {
    throw validationFailed(`${supervisor.name} holds no supervisor rights in force on ${contract.startsOn}`, 'supervisorId');
  }
  return contract;
}
