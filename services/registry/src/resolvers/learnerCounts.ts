import { assertUuid, notFound } from '@eq/shared';
import { assertLearnerCountPolicy, DEFAULT_LEARNER_COUNT_POLICY, type LearnerCountPolicy } from '../domain/learnerCountPolicy';
import { totalLearners } from '../domain/learnerCounts';
import { parseSchoolYear, schoolYearAsOf } from '../domain/learnerCountSchoolYear';
import { countsOf } from '../events/out/learnerCountEvents';
import type {
  InstitutionResolvers,
  LearnerCountReportResolvers,
  LearnerCountSubmissionResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../generated/resolvers';
import { learnerCountLoader } from './learnerCountLoaders';
import { learnerCountMutations } from './learnerCountMutations';
import { learnerCountOverviewQueries, learnerCountSubmissionResolvers } from './learnerCountOverview';

export interface LearnerCountResolvers {
  Query: QueryResolvers;
  Mutation: MutationResolvers;
  Institution: InstitutionResolvers;
  LearnerCountReport: LearnerCountReportResolvers;
  LearnerCountSubmission: LearnerCountSubmissionResolvers;
}

/**
 * The learner-count module's resolvers, under a policy (deadline, bounds) checked here, once.
 * Counts are aggregate numbers: every caller, PUBLIC included, may read them.
 */
export function createLearnerCountResolvers(policy: LearnerCountPolicy = DEFAULT_LEARNER_COUNT_POLICY): LearnerCountResolvers {
  assertLearnerCountPolicy(policy);
  return {
    Query: {
      learnerCountReport: (_parent, { institutionId, schoolYear }, context) =>
        learnerCountLoader(context).load({
          institutionId: assertUuid(institutionId, 'institutionId'),
          schoolYear: parseSchoolYear(schoolYear, policy).label,
        }),
      ...learnerCountOverviewQueries(policy),
    },
    Mutation: learnerCountMutations(policy),
    Institution: {
      learnerCounts: (institution, { schoolYear }, context) =>
        learnerCountLoader(context).load({ institutionId: institution.id, schoolYear: parseSchoolYear(schoolYear, policy).label }),
    },
    LearnerCountReport: {
      institution: async (report, _args, { loaders }) => {
        const institution = await loaders.institution.load(report.institutionId);
        if (!institution) throw notFound('Institution', report.institutionId);
        return institution;
      },
      asOf: (report) => schoolYearAsOf(report.schoolYear),
      counts: (report) => countsOf(report),
      total: (report) => totalLearners(report),
      confirmedAt: (report) => report.confirmedAt?.toISOString() ?? null,
      approvedAt: (report) => report.approvedAt?.toISOString() ?? null,
      lockedAt: (report) => report.lockedAt?.toISOString() ?? null,
      updatedAt: (report) => report.updatedAt.toISOString(),
    },
    LearnerCountSubmission: learnerCountSubmissionResolvers,
  };
}
