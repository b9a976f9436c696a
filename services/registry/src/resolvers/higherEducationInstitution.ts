import { isUuid } from '@eq/shared';
import { higherEducationKindLabelLv } from '../domain/higherEducationKinds';
import type {
  HigherEducationAmendmentResolvers,
  HigherEducationBranchResolvers,
  HigherEducationInstitutionResolvers,
} from '../generated/resolvers';

export const HigherEducationInstitution: HigherEducationInstitutionResolvers = {
  // A reference from another subgraph is not validated by our arguments: a malformed id is "none".
  __resolveReference: async (reference, { higherEducation }) =>
    isUuid(reference.id) ? higherEducation.institution.load(reference.id.toLowerCase()) : null,
  kindLabelLv: (institution) => higherEducationKindLabelLv(institution.kind),
  founder: (institution) => ({ kind: institution.founderKind, name: institution.founderName }),
  registrationDecision: (institution) => ({
    number: institution.registrationDecisionNumber,
    date: institution.registrationDecisionDate,
    reason: null,
  }),
  branches: (institution, _args, { higherEducation }) => higherEducation.branches.load(institution.id),
  amendments: (institution, _args, { higherEducation }) => higherEducation.amendments.load(institution.id),
};

export const HigherEducationBranch: HigherEducationBranchResolvers = {
  openedDecision: (branch) => ({ number: branch.openedDecisionNumber, date: branch.openedDecisionDate, reason: null }),
  excludedDecision: (branch) =>
    branch.excludedDecisionNumber && branch.excludedDecisionDate
      ? { number: branch.excludedDecisionNumber, date: branch.excludedDecisionDate, reason: branch.excludedReason }
      : null,
};

export const HigherEducationAmendment: HigherEducationAmendmentResolvers = {
  decision: (amendment) => ({ number: amendment.decisionNumber, date: amendment.decisionDate, reason: null }),
  recordedAt: (amendment) => amendment.recordedAt.toISOString(),
};
