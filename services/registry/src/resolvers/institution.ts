import { Role } from '@eq/shared';
import type { DecisionResolvers, HistoryEntryResolvers, InstitutionLinkResolvers, InstitutionResolvers } from '../generated/resolvers';

const isOfficer = (role: Role) => role === Role.OFFICER;

export const Institution: InstitutionResolvers = {
  __resolveReference: async (reference, { loaders }) => loaders.institution.load(reference.id),
  founder: (institution, _args, { caller }) => ({
    kind: institution.founderKind,
    name: institution.founderName,
    municipality: institution.founderMunicipality,
    // A natural person's personal code is theirs: officers only.
    personalCode: isOfficer(caller.role) ? institution.founderPersonalCode : null,
  }),
  contacts: (institution) => ({ email: institution.contactEmail, phone: institution.contactPhone }),
  implementationPlaces: (institution, _args, { loaders }) => institution.asOfPlaces ?? loaders.places.load(institution.id),
  decisions: (institution, _args, { loaders }) => loaders.decisions.load(institution.id),
  history: (institution, _args, { loaders }) => loaders.history.load(institution.id),
  predecessors: (institution, _args, { loaders }) => loaders.predecessors.load(institution.id),
  successors: (institution, _args, { loaders }) => loaders.successors.load(institution.id),
  internalNotes: (institution, _args, { caller }) => (isOfficer(caller.role) ? institution.internalNotes : null),
  updatedAt: (institution) => institution.updatedAt.toISOString(),
};

export const HistoryEntry: HistoryEntryResolvers = {
  oldValue: (change) => (change.oldValue === null ? null : JSON.stringify(change.oldValue)),
  newValue: (change) => (change.newValue === null ? null : JSON.stringify(change.newValue)),
  recordedAt: (change) => change.recordedAt.toISOString(),
  pending: (change) => change.appliedAt === null && change.cancelledAt === null,
  cancelled: (change) => change.cancelledAt !== null,
  decision: async (change, _args, { loaders }) => (await loaders.decision.load(change.decisionId))!,
  recordedBy: async (change, _args, { caller, loaders }) =>
    isOfficer(caller.role) ? ((await loaders.decision.load(change.decisionId))?.recordedBy ?? null) : null,
};

export const InstitutionLink: InstitutionLinkResolvers = {
  institution: async (link, _args, { loaders }) => (await loaders.institution.load(link.otherId))!,
  decision: async (link, _args, { loaders }) => (await loaders.decision.load(link.decisionId))!,
};

export const Decision: DecisionResolvers = {
  revokedBy: (decision, _args, { loaders }) => (decision.revokedBy ? loaders.decision.load(decision.revokedBy) : null),
};
