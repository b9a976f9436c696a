import type { InstitutionResolvers } from '../generated/resolvers';

export const Institution: InstitutionResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  activitiesOffered: (institution, _args, { loaders }) => loaders.activitiesOffered.load(institution.id),
};
