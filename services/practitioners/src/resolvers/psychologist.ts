import { isUuid, mayReadPersonalData } from '@eq/shared';
import { isWithinValidity } from '../domain/certificateValidity';
import { fieldOfPracticeLabelLv } from '../domain/fieldsOfPractice';
import { mayPractise } from '../domain/statusDecisions';
import type {
  CertificateResolvers,
  ForeignQualificationRecognitionResolvers,
  PsychologistResolvers,
  PsychologistStatusChangeResolvers,
  SupervisorRightResolvers,
} from '../generated/resolvers';
import type { Context } from '../context';

const decisionOf = (row: { decisionNumber: string; decisionDate: string }) => ({ number: row.decisionNumber, date: row.decisionDate });

/** A certificate or supervisor right counts today when within its period and the person may practise. */
async function isCurrent(
  row: { psychologistId: string; validFrom: string; validUntil: string },
  { loaders, clock }: Context,
): Promise<boolean> {
  if (!isWithinValidity(row, clock.today())) return false;
  const psychologist = await loaders.psychologist.load(row.psychologistId);
  return psychologist !== null && mayPractise(psychologist.status);
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
  isSupervisor: async (psychologist, _args, { loaders, clock }) => {
    if (!mayPractise(psychologist.status)) return false;
    const today = clock.today();
    return (await loaders.supervisorRights.load(psychologist.id)).some((right) => isWithinValidity(right, today));
  },
  foreignQualifications: (psychologist, _args, { loaders }) => loaders.foreignQualifications.load(psychologist.id),
};

export const Certificate: CertificateResolvers = {
  fieldOfPracticeLabelLv: (certificate) => fieldOfPracticeLabelLv(certificate.fieldOfPractice),
  isCurrent: (certificate, _args, context) => isCurrent(certificate, context),
  expired: (certificate) => certificate.expiredOn !== null,
  decision: decisionOf,
};

export const SupervisorRight: SupervisorRightResolvers = {
  fieldOfPracticeLabelLv: (right) => fieldOfPracticeLabelLv(right.fieldOfPractice),
  isCurrent: (right, _args, context) => isCurrent(right, context),
  decision: decisionOf,
};

export const ForeignQualificationRecognition: ForeignQualificationRecognitionResolvers = {
  decision: decisionOf,
};

export const PsychologistStatusChange: PsychologistStatusChangeResolvers = {
  decision: decisionOf,
};
