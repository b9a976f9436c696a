import type { InstitutionResolvers } from '../generated/resolvers';

export const Institution: InstitutionResolvers = {
  __resolveReference: async (reference, { loaders }) => loaders.institution.load(reference.id),
  founder: (institution) => ({
    kind: institution.founderKind,
    name: institution.founderName,
    municipality: institution.founderMunicipality,
  }),
  implementationPlaces: (institution, _args, { loaders }) => loaders.places.load(institution.id),
  decisions: (institution, _args, { loaders }) => loaders.decisions.load(institution.id),
};
