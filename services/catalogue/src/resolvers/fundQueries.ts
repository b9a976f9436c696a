import { requireRole, Role } from '@eq/shared';
import { listFundPartners } from '../store/fundPartners';
import { listLearningChoiceReports } from '../store/learningChoiceReports';
import { learningChoiceReportsVisibleTo } from '../domain/learningChoices';
import { assertMeasureSchoolYear } from '../domain/semesterBudgets';
import type { FundPartnerResolvers, LearningChoiceReportResolvers, QueryResolvers } from '../generated/resolvers';

export const fundQueries: Pick<QueryResolvers, 'fundPartners' | 'learningChoiceReports'> = {
  fundPartners: async (_parent, { schoolYear }, { db, caller }) => {
    requireRole(caller, Role.FUND_ADMIN, Role.OFFICER);
    return listFundPartners(db, assertMeasureSchoolYear(schoolYear));
  },

  learningChoiceReports: async (_parent, { schoolYear }, { db, caller }) => {
    const institutionId = learningChoiceReportsVisibleTo(caller);
    return listLearningChoiceReports(db, assertMeasureSchoolYear(schoolYear), institutionId);
  },
};

export const FundPartner: FundPartnerResolvers = {
  institution: (row) => ({ id: row.institutionId }),
};

export const LearningChoiceReport: LearningChoiceReportResolvers = {
  institution: (row) => ({ id: row.institutionId }),
};
