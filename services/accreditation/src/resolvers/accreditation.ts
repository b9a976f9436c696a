import { assertUuid, Role } from '@eq/shared';
import { isApplicationOverdue } from '../domain/expiry';
import { categoryLabelLv, levelLabelLv, levelRank } from '../domain/qualityScale';
import type { AccreditationResolvers, InstitutionResolvers, LicenceResolvers, QualityResultResolvers } from '../generated/resolvers';
import { mayReadApplication } from './applicationAccess';
import { accreditationMonitoringFields } from './monitoring';

export const Accreditation: AccreditationResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.accreditation.load(assertUuid(reference.id)),
  institution: (accreditation) => ({ id: accreditation.institutionId }),
  results: (accreditation, _args, { loaders }) => loaders.results.load(accreditation.id),
  licence: (accreditation) => (accreditation.licenceId ? { id: accreditation.licenceId } : null),
  application: async (accreditation, _args, { loaders, caller }) => {
    if (!accreditation.applicationId) return null;
    const application = await loaders.application.load(accreditation.applicationId);
    return application && mayReadApplication(caller, application) ? application : null;
  },
  extensions: (accreditation, _args, { loaders }) => loaders.extensions.load(accreditation.id),
  ...accreditationMonitoringFields,
  applicationOverdue: async (accreditation, _args, { loaders, caller, clock }) => {
    if (caller.role !== Role.OFFICER) return null;
    if (accreditation.status !== 'ACTIVE') return false;
    return isApplicationOverdue(accreditation.applicationDueBy, clock.today(), await loaders.nextApplicationLodged.load(accreditation.id));
  },
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
  currentAccreditation: async (institution, _args, { loaders, clock }) => {
    const today = clock.today();
    const accreditations = await loaders.accreditationsByInstitution.load(institution.id);
    return (
      accreditations.find((a) => a.kind === 'INSTITUTION' && a.status === 'ACTIVE' && a.termStart <= today && today <= a.termEnd) ?? null
    );
  },
  headEvaluations: (institution, _args, { loaders }) => loaders.headEvaluationsByInstitution.load(institution.id),
};

/** Licensing owns `Licence`; a programme is accredited by its licence. */
export const Licence: LicenceResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  accreditation: async (licence, _args, { loaders }) => {
    const accreditations = await loaders.accreditationsByLicence.load(licence.id);
    return accreditations.find((a) => a.status === 'ACTIVE') ?? accreditations[0] ?? null;
  },
};
