import { assertUuid, DateScalar, enumLabelList } from '@eq/shared';
import type { Resolvers } from '../generated/resolvers';
import {
  amendInterestProgramme,
  endInterestProgramme,
  reclassifyInterestProgramme,
  reportInterestProgrammeLearners,
} from './interestProgrammeChanges';
import {
  InterestClassifierEntry,
  InterestProgramme,
  InterestProgrammeVersion,
  interestQueries,
  registerInterestProgramme,
} from './interestProgrammes';
import { issueLicence } from './issueLicence';
import { Institution, Licence, LicenceDecision } from './licence';
import {
  addLicensedPlace,
  amendLicence,
  relicenseLicence,
  removeLicensedPlace,
  restoreLicenceRights,
  revokeLicence,
  suspendLicence,
} from './licenceMutations';
import { LICENSING_ENUM_LABELS } from '../domain/enumLabels';

/** Served as data from one table; computed once. */
const enumLabels = enumLabelList(LICENSING_ENUM_LABELS);

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: {
    licensingEnumLabels: () => enumLabels,
    licence: (_parent, { id }, { licenceById }) => licenceById.load(assertUuid(id, 'id')),
    ...interestQueries,
  },
  Mutation: {
    issueLicence,
    amendLicence,
    addLicensedPlace,
    removeLicensedPlace,
    suspendLicence,
    revokeLicence,
    restoreLicenceRights,
    relicenseLicence,
    registerInterestProgramme,
    amendInterestProgramme,
    reclassifyInterestProgramme,
    endInterestProgramme,
    reportInterestProgrammeLearners,
  },
  Licence,
  LicenceDecision,
  Institution,
  InterestProgramme,
  InterestProgrammeVersion,
  InterestClassifierEntry,
};
