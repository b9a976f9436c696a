import { DateScalar } from '@eq/shared';
import type { Resolvers } from '../generated/resolvers';
import { Accreditation, Institution, Licence, QualityResult } from './accreditation';
import { AccreditationApplication, AccreditationDecision, AccreditationEvaluation } from './application';
import { HeadEvaluation } from './headEvaluation';
import { AccreditationTask, MonitoringVisit, TaskProgress } from './monitoring';
import { Mutation } from './mutation';
import { Query } from './query';

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query,
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
