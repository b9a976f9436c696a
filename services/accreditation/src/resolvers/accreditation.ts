import { categoryLabelLv, levelLabelLv, levelRank } from '../domain/qualityScale';
import type { AccreditationResolvers, InstitutionResolvers, QualityResultResolvers } from '../generated/resolvers';
import { assertUuid } from '@eq/shared';

export const Accreditation: AccreditationResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.accreditation.load(assertUuid(reference.id)),
  institution: (accreditation) => ({ id: accreditation.institutionId }),
  results: (accreditation, _args, { loaders }) => loaders.results.load(accreditation.id),
};

/** Published results are public, with the regulation's Latvian names beside the codes. */
export const QualityResult: QualityResultResolvers = {
  categoryLabelLv: (result) => categoryLabelLv(result.category),
  levelLabelLv: (result) => levelLabelLv(result.level),
  levelRank: (result) => levelRank(result.level),
};

/** The registry owns `Institution`; accreditation adds its accreditations by reference. */
export const Institution: InstitutionResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  accreditations: async (institution, { status }, { loaders }) => {
    const accreditations = await loaders.accreditationsByInstitution.load(institution.id);
    return status ? accreditations.filter((accreditation) => accreditation.status === status) : accreditations;
  },
};
