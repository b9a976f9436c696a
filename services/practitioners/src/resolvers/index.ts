import { DateScalar, DateTimeScalar } from '@eq/shared';
import type { Resolvers } from '../generated/resolvers';
import { ChildcareProvider, childcareQueries } from './childcareQueries';
import { childcareMutations } from './childcareMutations';
import { PrivatePracticeCertificate, PrivatePracticeExtension, privatePracticeQueries } from './privatePracticeQueries';
import { privatePracticeMutations } from './privatePracticeMutations';
import { Certificate, ForeignQualificationRecognition, Psychologist, PsychologistStatusChange, SupervisorRight } from './psychologist';
import { psychologistDecisionMutations } from './psychologistDecisions';
import { psychologistMutations } from './psychologistMutations';
import { psychologistQueries } from './psychologistQueries';
import { reportQueries } from './reportQueries';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: { ...psychologistQueries, ...childcareQueries, ...privatePracticeQueries, ...reportQueries },
  Mutation: { ...psychologistMutations, ...psychologistDecisionMutations, ...childcareMutations, ...privatePracticeMutations },
  Psychologist,
  Certificate,
  SupervisorRight,
  ForeignQualificationRecognition,
  PsychologistStatusChange,
  ChildcareProvider,
  PrivatePracticeCertificate,
  PrivatePracticeExtension,
};
