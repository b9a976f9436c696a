import { isUuid, mayReadPersonalData, todayInLatvia } from '@eq/shared';
import { isWithinValidity } from '../domain/certificateValidity';
import { fieldOfPracticeLabelLv } from '../domain/fieldsOfPractice';
import type { CertificateResolvers, PsychologistResolvers, PsychologistStatusChangeResolvers } from '../generated/resolvers';

export const Psychologist: PsychologistResolvers = {
  // References come from other subgraphs' data via the gateway; a malformed id is simply unknown.
  __resolveReference: async (reference, { loaders }) => (isUuid(reference.id) ? loaders.psychologist.load(reference.id.toLowerCase()) : null),
  personalCode: (psychologist, _args, { caller }) => (mayReadPersonalData(caller) ? psychologist.personalCode : null),
  registrationDecision: (psychologist) => ({ number: psychologist.registrationDecisionNumber, date: psychologist.registrationDecisionDate }),
  certificates: (psychologist, _args, { loaders }) => loaders.certificates.load(psychologist.id),
  statusHistory: (psychologist, _args, { loaders }) => loaders.statusHistory.load(psychologist.id),
};

export const Certificate: CertificateResolvers = {
  fieldOfPracticeLabelLv: (certificate) => fieldOfPracticeLabelLv(certificate.fieldOfPractice),
  isCurrent: (certificate) => isWithinValidity(certificate, todayInLatvia()),
  decision: (certificate) => ({ number: certificate.decisionNumber, date: certificate.decisionDate }),
};

export const PsychologistStatusChange: PsychologistStatusChangeResolvers = {
  decision: (change) => ({ number: change.decisionNumber, date: change.decisionDate }),
};
