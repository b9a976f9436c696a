import { assertUuid } from '@eq/shared';
import type { QueryResolvers } from '../generated/resolvers';
import { applicationQueries } from './application';
import { headEvaluationQueries } from './headEvaluation';
import { statisticsQueries } from './statistics';
import { termQueries } from './terms';

export const Query: QueryResolvers = {
  accreditation: (_parent, { id }, { loaders }) => loaders.accreditation.load(assertUuid(id)),
  ...applicationQueries,
  ...termQueries,
  ...headEvaluationQueries,
  ...statisticsQueries,
};
