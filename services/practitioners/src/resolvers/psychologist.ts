import { isUuid, mayReadPersonalData } from '@eq/shared';
import { isWithinValidity } from '../domain/certificateValidity';
import { fieldOfPracticeLabelLv } from '../domain/fieldsOfPractice';
import { certificateInForce, contractCurrent, mayPractise } from '../domain/practiceRights';
import { activityInForce } from '../domain/statusDecisions';
import type {
  CertificateResolvers,
  CertificateStatusChangeResolvers,
  ForeignQualificationRecognitionResolvers,
  PsychologistResolvers,
  PsychologistStatusChangeResolvers,
  SupervisionContractResolvers,
  SupervisorRightResolvers,
} from '../generated/resolvers';
import type { Context } from '../context';
import type { CertificateRecord } from '../entities/certificate';
import type { SupervisorRightRecord } from '../entities/supervisorRight';

const decisionOf = (row: { decisionNumber: string; decisionDate: string }) => ({ number: row.decisionNumber, date: row.decisionDate });

async function activityOf(psychologistId: string, { loaders }: Context): Promise<boolean> {
  const psychologist = await loaders.psychologist.load(psychologistId);
  return psychologist !== null && activityInForce(psychologist.status);
}

/** A certificate counts today when in force (within validity, ACTIVE) and the person's activity is in force. */
async function certificateCurrent(certificate: CertificateRecord, context: Context): Promise<boolean> {
  return certificateInForce(certificate, context.clock.today()) && activityOf(certificate.psychologistId, context);
}

/** Supervisor rights count today when within their period, resting on a certificate that counts today. */
async function rightCurrent(right: SupervisorRightRecord, context: Context): Promise<boolean> {
  if (!isWithinValidity(right, context.clock.today())) return false;
  const certificate = (await context.loaders.certificates.load(right.psychologistId)).find((c) => c.id === right.certificateId);
  return certificate !== undefined && certificateCurrent(certificate, context);
}

export const Psychologist: PsychologistResolvers = {
  // References come from other subgraphs' data via the gateway; a malformed id is simply unknown.
  __resolveReference: async (reference, { loaders }) =>
    isUuid(reference.id) ? loaders.psychologist.load(reference.id.toLowerCase()) : null,
  personalCode: (psychologist, _args, { caller }) => (mayReadPersonalData(caller) ? psychologist.personalCode : null),
  registrationDecision: (psychologist) => ({
    number: psychologist.registrationDecisionNumber,
    date: psychologist.registrationDecisionDate,
  }),
  certificates: (psychologist, _args, { loaders }) => loaders.certificates.load(psychologist.id),
  statusHistory: (psychologist, _args, { loaders }) => loaders.statusHistory.load(psychologist.id),
  supervisorRights: (psychologist, _args, { loaders }) => loaders.supervisorRights.load(psychologist.id),
  isSupervisor: async (psychologist, _args, context) => {
    const rights = await context.loaders.supervisorRights.load(psychologist.id);
    for (const right of rights) if (await rightCurrent(right, context)) return true;
    return false;
  },
  mayPractise: async (psychologist, _args, { loaders, clock }) =>
    mayPractise(
      {
        status: psychologist.status,
        certificates: await loaders.certificates.load(psychologist.id),
        supervisionContracts: await loaders.supervisionContracts.load(psychologist.id),
      },
      clock.today(),
    ),
  supervisionContracts: (psychologist, _args, { loaders }) => loaders.supervisionContracts.load(psychologist.id),
  foreignQualifications: (psychologist, _args, { loaders }) => loaders.foreignQualifications.load(psychologist.id),
};

export const Certificate: CertificateResolvers = {
  fieldOfPracticeLabelLv: (certificate) => fieldOfPracticeLabelLv(certificate.fieldOfPractice),
  isCurrent: (certificate, _args, context) => certificateCurrent(certificate, context),
  expired: (certificate) => certificate.expiredOn !== null,
  decision: decisionOf,
  statusHistory: (certificate, _args, { loaders }) => loaders.certificateStatusHistory.load(certificate.id),
};

export const CertificateStatusChange: CertificateStatusChangeResolvers = {
  decision: decisionOf,
};

export const SupervisorRight: SupervisorRightResolvers = {
  fieldOfPracticeLabelLv: (right) => fieldOfPracticeLabelLv(right.fieldOfPractice),
  isCurrent: (right, _args, context) => rightCurrent(right, context),
  decision: decisionOf,
};

export const SupervisionContract: SupervisionContractResolvers = {
  supervisor: async (contract, _args, { loaders }) => (await loaders.psychologist.load(contract.supervisorId))!,
  isCurrent: (contract, _args, { clock }) => contractCurrent(contract, clock.today()),
};

export const ForeignQualificationRecognition: ForeignQualificationRecognitionResolvers = {
  decision: decisionOf,
  recognitionCertificate: (row) =>
    row.certificateNumber !== null && row.certificateDate !== null ? { number: row.certificateNumber, date: row.certificateDate } : null,
};

export const PsychologistStatusChange: PsychologistStatusChangeResolvers = {
  decision: decisionOf,
};
