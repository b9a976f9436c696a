import { DateScalar, DateTimeScalar, enumLabelList } from '@eq/shared';
import type { Resolvers } from '../generated/resolvers';
import { Decision, HistoryEntry, Institution, InstitutionLink } from './institution';
import { Mutation } from './mutation';
import { Query } from './query';
import { HigherEducationAmendment, HigherEducationBranch, HigherEducationInstitution } from './higherEducationInstitution';
import { higherEducationMutation } from './higherEducationMutation';
import { higherEducationQuery } from './higherEducationQuery';
import { createLearnerCountResolvers } from './learnerCounts';
import { REGISTRY_ENUM_LABELS } from '../domain/enumLabels';

const learnerCounts = createLearnerCountResolvers();

/** Served as data from one table; computed once. */
const enumLabels = enumLabelList(REGISTRY_ENUM_LABELS);

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: { ...Query, ...higherEducationQuery, ...learnerCounts.Query, registryEnumLabels: () => enumLabels },
  Mutation: { ...Mutation, ...higherEducationMutation, ...learnerCounts.Mutation },
  Institution: { ...Institution, ...learnerCounts.Institution },
  HistoryEntry,
  Decision,
  InstitutionLink,
  HigherEducationInstitution,
  HigherEducationBranch,
  HigherEducationAmendment,
  LearnerCountReport: learnerCounts.LearnerCountReport,
  LearnerCountSubmission: learnerCounts.LearnerCountSubmission,
};
