import type { InstitutionResolvers, LicenceDecisionResolvers, LicenceResolvers } from '../generated/resolvers';

export const Licence: LicenceResolvers = {
  __resolveReference: (reference, { licenceById }) => licenceById.load(reference.id),
  institution: (licence) => ({ id: licence.institutionId }),
  implementationPlace: (licence) => ({ id: licence.implementationPlaceId, address: licence.implementationPlaceAddress }),
  implementationPlaces: async (licence, _args, { placesByLicence }) =>
    (await placesByLicence.load(licence.id)).map((place) => ({ id: place.placeId, address: place.address })),
  derivedFrom: (licence, _args, { licenceById }) => (licence.derivedFromId ? licenceById.load(licence.derivedFromId) : null),
  continues: (licence, _args, { licenceById }) => (licence.continuesId ? licenceById.load(licence.continuesId) : null),
  continuedBy: (licence, _args, { licenceById }) => (licence.continuedById ? licenceById.load(licence.continuedById) : null),
  decisions: (licence, _args, { decisionsByLicence }) => decisionsByLicence.load(licence.id),
};

export const LicenceDecision: LicenceDecisionResolvers = {
  changedFields: (decision) => decision.changedFields,
};

export const Institution: InstitutionResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  licences: async (institution, { status }, { licencesByInstitution }) => {
    const licences = await licencesByInstitution.load(institution.id);
    return status ? licences.filter((licence) => licence.status === status) : licences;
  },
  interestProgrammes: async (institution, { asOf }, { interestProgrammesByInstitution }) => {
    const programmes = await interestProgrammesByInstitution.load(institution.id);
    return asOf
      ? programmes.filter((programme) => programme.startsOn <= asOf && (programme.endsOn === null || programme.endsOn >= asOf))
      : programmes;
  },
};
