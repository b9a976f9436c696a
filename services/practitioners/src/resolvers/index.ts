import { DateScalar, DateTimeScalar, enumLabelList } from '@eq/shared';
import type { Resolvers } from '../generated/resolvers';
import { ChildcareProvider, childcareQueries } from './childcareQueries';
import { certificateDecisionMutations } from './certificateDecisions';
import { childcareMutations } from './childcareMutations';
import { PrivatePracticeCertificate, PrivatePracticeExtension, privatePracticeQueries } from './privatePracticeQueries';
import { privatePracticeMutations } from './privatePracticeMutations';
import {
  Certificate,
  CertificateStatusChange,
  ForeignQualificationRecognition,
  Psychologist,
  PsychologistStatusChange,
  SupervisionContract,
  SupervisorRight,
} from './psychologist';
import { psychologistDecisionMutations } from './psychologistDecisions';
import { psychologistMutations } from './psychologistMutations';
import { psychologistQueries } from './psychologistQueries';
import { supervisionContractMutations } from './supervisionContractMutations';
import { reportQueries } from './reportQueries';
import { PRACTITIONERS_ENUM_LABELS } from '../domain/enumLabels';

/** Served as data from one table; computed once. */
const enumLabels = enumLabelList(PRACTITIONERS_ENUM_LABELS);

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: {
    ...psychologistQueries,
    ...childcareQueries,
    ...privatePracticeQueries,
    ...reportQueries,
    practitionersEnumLabels: () => enumLabels,
  },
  Mutation: {
    ...psychologistMutations,
    ...psychologistDecisionMutations,
    ...certificateDecisionMutations,
    ...supervisionContractMutations,
    ...childcareMutations,
    ...privatePracticeMutations,
  },
  Psychologist,
  Certificate,
  SupervisorRight,
  ForeignQualificationRecognition,
  PsychologistStatusChange,
  CertificateStatusChange,
  SupervisionContract,
  ChildcareProvider,
  PrivatePracticeCertificate,
  PrivatePracticeExtension,
};
