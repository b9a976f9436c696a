import { requireRole, Role } from '@eq/shared';
import { assertMayReadMunicipality } from '../domain/learnerCountAccess';
import type { LearnerCountPolicy } from '../domain/learnerCountPolicy';
import { parseSchoolYear } from '../domain/learnerCountSchoolYear';
import { LearnerCountSubmissionEntity } from '../entities/learnerCountSubmission';
import type { LearnerCountSubmissionResolvers, QueryResolvers } from '../generated/resolvers';
import { loadMunicipalityOverview } from '../store/learnerCountOverview';
import { yearWindow } from '../store/learnerCountYears';
import { learnerCountSchoolYearView } from './learnerCountYearView';

/** A school year's window (public: deadlines are no secret) and a founder's overview. */
export function learnerCountOverviewQueries(policy: LearnerCountPolicy): QueryResolvers {
  return {
    learnerCountSchoolYear: async (_parent, { schoolYear }, { db, clock }) => {
      const year = parseSchoolYear(schoolYear, policy);
      return learnerCountSchoolYearView(year, await yearWindow(db.manager, year), clock.now(), policy);
    },

    municipalityLearnerCounts: async (_parent, { municipality: name, schoolYear }, { db, caller, municipalities }) => {
      requireRole(caller, Role.MUNICIPALITY, Role.OFFICER, Role.FUND_ADMIN);
      const municipality = municipalities.canonical(name, 'municipality');
      assertMayReadMunicipality(caller, municipality);
      const year = parseSchoolYear(schoolYear, policy);
      // One read-only snapshot: the lines, their counts and the submission agree with each other.
      return db.transaction('REPEATABLE READ', async (manager) => {
        const overview = await loadMunicipalityOverview(manager, municipality, year.label);
        const submission = await manager.getRepository(LearnerCountSubmissionEntity).findOneBy({ municipality, schoolYear: year.label });
        const { MISSING, DRAFT, CONFIRMED, APPROVED, LOCKED } = overview.countsByStatus;
        return {
          municipality,
          schoolYear: year.label,
          institutions: overview.lines,
          countsByStatus: { missing: MISSING, draft: DRAFT, confirmed: CONFIRMED, approved: APPROVED, locked: LOCKED },
          reportedTotal: overview.reportedTotal,
          approvedTotal: overview.approvedTotal,
          submission,
        };
      });
    },
  };
}

export const learnerCountSubmissionResolvers: LearnerCountSubmissionResolvers = {
  sentAt: (submission) => submission.sentAt.toISOString(),
  decidedAt: (submission) => submission.decidedAt?.toISOString() ?? null,
};
