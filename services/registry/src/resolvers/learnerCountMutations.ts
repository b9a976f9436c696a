import { randomUUID } from 'node:crypto';
import { assertUuid, conflict, requireRole, Role } from '@eq/shared';
import { In, type EntityManager } from 'typeorm';
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
import { InstitutionEntity, type InstitutionRecord } from '../entities/institution';
import { LearnerCountReportEntity, type LearnerCountReportRecord } from '../entities/learnerCountReport';
import { LearnerCountYearLockEntity } from '../entities/learnerCountYearLock';
import { recordLearnerCountEvent } from '../events/learnerCountEvents';
import type { MutationResolvers } from '../generated/resolvers';
import { assertYearNotLocked, holdSchoolYear, institutionForReport, reportForChange } from './learnerCountStore';

type StatusAction = Exclude<LearnerCountAction, 'EDIT' | 'LOCK'>;

/**
 * Confirm, approve or reopen one report: a locked report refuses first (whoever asks), then the
 * caller's right to act, the institution's status and the transition itself. Approval and a
 * cancelled approval are published in the same transaction.
 */
async function changeStatus(
  manager: EntityManager,
  id: string,
  action: StatusAction,
  caller: LearnerCountActor & { subject?: string },
  authorise: (institution: InstitutionRecord, report: LearnerCountReportRecord) => void,
): Promise<LearnerCountReportRecord> {
  const reports = manager.getRepository(LearnerCountReportEntity);
  const current = await reportForChange(manager, id);
  assertReportOpen(current.status);
  // A report left unapproved at the lock is not LOCKED itself, but its year is: it stays as it was.
  await assertYearNotLocked(manager, { label: current.schoolYear });
  const institution = await institutionForReport(manager, current.institutionId);
  authorise(institution, current);
  assertInstitutionAcceptsReports(institution);
  const { next, changedFields } = changeLearnerCountStatus(current, action, new Date());
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
        await assertYearNotLocked(manager, year);
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

    confirmLearnerCountReport: async (_parent, { id }, { db, caller }) => {
      requireRole(caller, Role.SCHOOL);
      const reportId = assertUuid(id);
      const report = await db.transaction((manager) =>
        changeStatus(manager, reportId, 'CONFIRM', caller, (institution) => assertMayPrepare(caller, institution.id)),
      );
      return { report };
    },

    approveLearnerCountReport: async (_parent, { id }, { db, caller }) => {
      requireRole(caller, Role.MUNICIPALITY, Role.OFFICER);
      const reportId = assertUuid(id);
      const report = await db.transaction((manager) =>
        changeStatus(manager, reportId, 'APPROVE', caller, (institution) => assertMayApprove(caller, institution)),
      );
      return { report };
    },

    reopenLearnerCountReport: async (_parent, { id }, { db, caller }) => {
      requireRole(caller, Role.SCHOOL, Role.MUNICIPALITY, Role.OFFICER);
      const reportId = assertUuid(id);
      const report = await db.transaction((manager) =>
        changeStatus(manager, reportId, 'REOPEN', caller, (institution, current) => assertMayReopen(caller, institution, current.status)),
      );
      return { report };
    },

    lockSchoolYear: async (_parent, { schoolYear }, { db, caller }) => {
      requireRole(caller, Role.OFFICER);
      const year = parseSchoolYear(schoolYear, policy);
      const now = new Date();
      const deadline = assertLockDeadlinePassed(year, now, policy);

      const { lockedReportCount, unapproved } = await db.transaction(async (manager) => {
        await holdSchoolYear(manager, year.startYear, 'exclusive');
        const locks = manager.getRepository(LearnerCountYearLockEntity);
        const existing = await locks.findOneBy({ schoolYear: year.label });
        if (existing) throw conflict(`School year ${year.label} is already locked (since ${existing.lockedAt.toISOString()})`);
        const reports = manager.getRepository(LearnerCountReportEntity);
        // The exclusive hold keeps every report of the year still, so no row locks are needed.
        const yearReports = await reports.find({ where: { schoolYear: year.label }, order: { id: 'ASC' } });
        const approved = yearReports.filter((report) => report.status === 'APPROVED');
        const locked = approved.map((report) => {
          const { next, changedFields } = changeLearnerCountStatus(report, 'LOCK', now);
          return { report: { ...report, ...next }, changedFields };
        });
        await reports.update({ schoolYear: year.label, status: 'APPROVED' }, { status: 'LOCKED', lockedAt: now });
        for (const { report, changedFields } of locked) {
          await recordLearnerCountEvent(manager, 'registry.learner-counts.locked', report, changedFields);
        }
        await locks.insert({ schoolYear: year.label, lockedAt: now, lockedBy: caller.subject ?? null, reportCount: locked.length });
        const left = yearReports.filter((report) => report.status !== 'APPROVED');
        const institutions = left.length
          ? await manager.getRepository(InstitutionEntity).findBy({ id: In(left.map((report) => report.institutionId)) })
          : [];
        return { lockedReportCount: locked.length, unapproved: unapprovedByApprover(left, institutions) };
      });
      return { schoolYear: year.label, lockedAt: now.toISOString(), deadline: deadline.toISOString(), lockedReportCount, unapproved };
    },
  };
}

/**
 * Reports left out of a lock, per approver: the founding municipality, or null where the
 * ministry approves (founders that are the state, a legal or a natural person).
 */
function unapprovedByApprover(reports: LearnerCountReportRecord[], institutions: InstitutionRecord[]) {
  const byId = new Map(institutions.map((institution) => [institution.id, institution]));
  const groups = new Map<string | null, LearnerCountReportRecord[]>();
  for (const report of reports) {
    const institution = byId.get(report.institutionId);
    const municipality = institution?.founderKind === 'MUNICIPALITY' ? institution.founderMunicipality : null;
    groups.set(municipality, [...(groups.get(municipality) ?? []), report]);
  }
  return [...groups]
    .sort(([a], [b]) => (a ?? '').localeCompare(b ?? '', 'lv'))
    .map(([municipality, grouped]) => ({ municipality, reports: grouped }));
}
