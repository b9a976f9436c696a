import { DateScalar, enumLabelList } from '@eq/shared';
import type { Resolvers } from '../generated/resolvers';
import { Accreditation, Institution, Licence, QualityResult } from './accreditation';
import { AccreditationApplication, AccreditationDecision, AccreditationEvaluation } from './application';
import { HeadEvaluation } from './headEvaluation';
import { AccreditationTask, MonitoringVisit, TaskProgress } from './monitoring';
import { Mutation } from './mutation';
import { Query } from './query';
import { ACCREDITATION_ENUM_LABELS } from '../domain/enumLabels';

/** Served as data from one table; computed once. */
const enumLabels = enumLabelList(ACCREDITATION_ENUM_LABELS);

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: { ...Query, accreditationEnumLabels: () => enumLabels },
  Mutation,
  Accreditation,
  QualityResult,
  Institution,
  Licence,
  AccreditationApplication,
  AccreditationEvaluation,
  AccreditationDecision,
  HeadEvaluation,
  AccreditationTask,
  MonitoringVisit,
  TaskProgress,
};
