import { randomUUID } from 'node:crypto';
import { assertUuid, requireRole, Role } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { assertMayApprove, assertMayPrepare, assertMayReopen, type LearnerCountActor } from '../domain/learnerCountAccess';
import type { LearnerCountPolicy } from '../domain/learnerCountPolicy';
import {
  assertInstitutionAcceptsReports,
  assertLearnerCounts,
  assertReportOpen,
  changeLearnerCountStatus,
  nextLearnerCountStatus,
  type LearnerCountAction,
} from '../domain/learnerCounts';
import { assertLockDeadlinePassed, assertSchoolYearHasBegun, parseSchoolYear } from '../domain/learnerCountSchoolYear';
import type { InstitutionRecord } from '../entities/institution';
import { LearnerCountReportEntity, type LearnerCountReportRecord } from '../entities/learnerCountReport';
import { recordLearnerCountEvent } from '../events/out/learnerCountEvents';
import type { MutationResolvers } from '../generated/resolvers';
import { assertYearOpen, closeSchoolYear } from '../store/learnerCountYears';
import { holdSchoolYear, institutionForReport, reportForChange } from './learnerCountStore';
import { learnerCountYearMutations } from './learnerCountYearMutations';

type StatusAction = Exclude<LearnerCountAction, 'EDIT' | 'LOCK'>;

/**
 * Confirm, approve or reopen one report: a locked report refuses first (whoever asks), then a
 * year past its deadline or locked, the caller's right to act, the institution's status and the
 * transition itself. Approval and a cancelled approval are published in the same transaction.
 */
async function changeStatus(
  manager: EntityManager,
  id: string,
  action: StatusAction,
  { caller, now, policy }: { caller: LearnerCountActor & { subject?: string }; now: Date; policy: LearnerCountPolicy },
  authorise: (institution: InstitutionRecord, report: LearnerCountReportRecord) => void,
): Promise<LearnerCountReportRecord> {
  const reports = manager.getRepository(LearnerCountReportEntity);
  const current = await reportForChange(manager, id);
  assertReportOpen(current.status);
  // A report left unapproved at the lock is not LOCKED itself, but its year is: it stays as it was.
  await assertYearOpen(manager, parseSchoolYear(current.schoolYear, policy), now, policy);
  const institution = await institutionForReport(manager, current.institutionId);
  authorise(institution, current);
  assertInstitutionAcceptsReports(institution);
  const { next, changedFields } = changeLearnerCountStatus(current, action, now);
  const who = caller.subject ?? null;
  await reports.update(
    { id },
    {
      ...next,
      ...(action === 'CONFIRM' ? { confirmedBy: who } : {}),
      ...(action === 'APPROVE' ? { approvedBy: who } : {}),
      ...(action === 'REOPEN' ? { confirmedBy: null, approvedBy: null } : {}),
    },
  );
  const stored = await reports.findOneByOrFail({ id });
  if (action === 'APPROVE') await recordLearnerCountEvent(manager, 'registry.learner-counts.approved', stored, changedFields);
  if (action === 'REOPEN' && current.status === 'APPROVED') {
    await recordLearnerCountEvent(manager, 'registry.learner-counts.reopened', stored, changedFields);
  }
  return stored;
}

export function learnerCountMutations(policy: LearnerCountPolicy): MutationResolvers {
  return {
    saveLearnerCountReport: async (_parent, { input }, { db, caller, clock }) => {
      requireRole(caller, Role.SCHOOL);
      const institutionId = assertUuid(input.institutionId, 'institutionId');
      assertMayPrepare(caller, institutionId);
      const year = parseSchoolYear(input.schoolYear, policy);
      assertSchoolYearHasBegun(year, clock.today());
      const counts = assertLearnerCounts(input.counts, policy);

      const report = await db.transaction(async (manager) => {
        await holdSchoolYear(manager, year.startYear, 'shared');
        await assertYearOpen(manager, year, clock.now(), policy);
        assertInstitutionAcceptsReports(await institutionForReport(manager, institutionId));
        const reports = manager.getRepository(LearnerCountReportEntity);
        // Insert-or-ignore, then lock whichever row is there: two first saves at once end as
        // one report (the second edits it) instead of a unique-key error.
        const id = randomUUID();
        await reports
          .createQueryBuilder()
          .insert()
          .values({ id, institutionId, schoolYear: year.label, status: 'DRAFT', ...counts, preparedBy: caller.subject ?? null })
          .orIgnore()
          .execute();
        const current = await reports.findOneOrFail({
          where: { institutionId, schoolYear: year.label },
          lock: { mode: 'pessimistic_write' },
        });
        if (current.id === id) return current;
        nextLearnerCountStatus(current.status, 'EDIT');
        await reports.update({ id: current.id }, { ...counts, preparedBy: caller.subject ?? null });
        return reports.findOneByOrFail({ id: current.id });
      });
      return { report };
    },

    confirmLearnerCountReport: async (_parent, { id }, { db, caller, clock }) => {
      requireRole(caller, Role.SCHOOL);
      const reportId = assertUuid(id);
      const report = await db.transaction((manager) =>
        changeStatus(manager, reportId, 'CONFIRM', { caller, now: clock.now(), policy }, (institution) =>
          assertMayPrepare(caller, institution.id),
        ),
      );
      return { report };
    },

    approveLearnerCountReport: async (_parent, { id }, { db, caller, clock }) => {
      requireRole(caller, Role.MUNICIPALITY, Role.OFFICER);
      const reportId = assertUuid(id);
      const report = await db.transaction((manager) =>
        changeStatus(manager, reportId, 'APPROVE', { caller, now: clock.now(), policy }, (institution) =>
          assertMayApprove(caller, institution),
        ),
      );
      return { report };
    },

    reopenLearnerCountReport: async (_parent, { id }, { db, caller, clock }) => {
      requireRole(caller, Role.SCHOOL, Role.MUNICIPALITY, Role.OFFICER);
      const reportId = assertUuid(id);
      const report = await db.transaction((manager) =>
        changeStatus(manager, reportId, 'REOPEN', { caller, now: clock.now(), policy }, (institution, current) =>
          assertMayReopen(caller, institution, current.status),
        ),
      );
      return { report };
    },

    lockSchoolYear: async (_parent, { schoolYear }, { db, caller, clock }) => {
      requireRole(caller, Role.OFFICER);
      const year = parseSchoolYear(schoolYear, policy);
      const now = clock.now();
      const deadline = assertLockDeadlinePassed(year, now, policy);
      // Exclusive: changes in flight finish first, and none starts until the lock commits.
      const closing = await db.transaction(async (manager) => {
        await holdSchoolYear(manager, year.startYear, 'exclusive');
        return closeSchoolYear(manager, year, now, caller.subject ?? null);
      });
      return {
        schoolYear: year.label,
        lockedAt: closing.lockedAt.toISOString(),
        deadline: deadline.toISOString(),
        lockedReportCount: closing.lockedReportCount,
        unapproved: closing.unapproved,
      };
    },

    ...learnerCountYearMutations(policy),
  };
}
