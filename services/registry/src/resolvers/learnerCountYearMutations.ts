import { randomUUID } from 'node:crypto';
import { requireRole, Role } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { assertMaySendFor } from '../domain/learnerCountAccess';
import { assertReopening } from '../domain/learnerCountDeadline';
import type { LearnerCountPolicy } from '../domain/learnerCountPolicy';
import { assertReadyToSend, assertReturnReason, nextSubmissionStatus, type SubmissionAction } from '../domain/learnerCountSubmission';
import { assertSchoolYearHasBegun, parseSchoolYear, type SchoolYear } from '../domain/learnerCountSchoolYear';
import { LearnerCountSubmissionEntity, type LearnerCountSubmissionRecord } from '../entities/learnerCountSubmission';
import { LearnerCountYearLockEntity } from '../entities/learnerCountYearLock';
import { recordLearnerCountSubmissionEvent, type LearnerCountSubmissionEventType } from '../events/out/learnerCountEvents';
import type { MutationResolvers } from '../generated/resolvers';
import { loadMunicipalityOverview } from '../store/learnerCountOverview';
import { lockApprovedReports, yearWindow } from '../store/learnerCountYears';
import type { Context } from '../context';
import { holdSchoolYear } from './learnerCountStore';
import { learnerCountSchoolYearView } from './learnerCountYearView';

const EVENT_OF: Record<SubmissionAction, LearnerCountSubmissionEventType> = {
  SEND: 'registry.learner-counts.submission-sent',
  ACCEPT: 'registry.learner-counts.submission-accepted',
  RETURN: 'registry.learner-counts.submission-returned',
};

/** What each step changes, for the event's `changedFields` (a first send: it all begins). */
const CHANGED_FIELDS: Record<SubmissionAction, string[]> = {
  SEND: ['status', 'reportCount', 'total', 'sentAt', 'decidedAt', 'returnReason'],
  ACCEPT: ['status', 'decidedAt'],
  RETURN: ['status', 'decidedAt', 'returnReason'],
};

/** The municipality as the register spells it, and the school year: both checked. */
function submissionTarget(input: { municipality: string; schoolYear: string }, context: Context, policy: LearnerCountPolicy) {
  const municipality = context.municipalities.canonical(input.municipality, 'municipality');
  const year = parseSchoolYear(input.schoolYear, policy);
  assertSchoolYearHasBegun(year, context.clock.today());
  return { municipality, year };
}

/**
 * One step of a municipality's submission, in one transaction: its year held in shared mode (a
 * year lock waits for it), the submission row locked, the step checked against its status, the
 * reports checked where the step needs them, then stored and published.
 */
async function changeSubmission(
  manager: EntityManager,
  { municipality, year }: { municipality: string; year: SchoolYear },
  action: SubmissionAction,
  { now, by, reason }: { now: Date; by: string | null; reason?: string },
): Promise<LearnerCountSubmissionRecord> {
  await holdSchoolYear(manager, year.startYear, 'shared');
  const submissions = manager.getRepository(LearnerCountSubmissionEntity);
  const current = await submissions.findOne({ where: { municipality, schoolYear: year.label }, lock: { mode: 'pessimistic_write' } });
  const status = nextSubmissionStatus(current?.status ?? null, action);
  let next: LearnerCountSubmissionRecord;
  if (action === 'RETURN') {
    next = { ...current!, status, decidedAt: now, decidedBy: by, returnReason: reason! };
  } else {
    const overview = await loadMunicipalityOverview(manager, municipality, year.label, { lockReports: action === 'ACCEPT' });
    assertReadyToSend(
      overview.lines.map((line) => ({
        institutionId: line.institution.id,
        institutionName: line.institution.name,
        status: line.report?.status ?? null,
      })),
    );
    const reports = overview.lines.flatMap((line) => (line.report ? [line.report] : []));
    if (action === 'ACCEPT') {
      // Source 002: once the ministry accepts a municipality's data, its reports are locked.
      await lockApprovedReports(
        manager,
        reports.filter((report) => report.status === 'APPROVED'),
        now,
      );
      next = { ...current!, status, decidedAt: now, decidedBy: by, returnReason: null };
    } else {
      next = {
        id: current?.id ?? randomUUID(),
        municipality,
        schoolYear: year.label,
        status,
        reportCount: reports.length,
        total: overview.approvedTotal,
        sentAt: now,
        sentBy: by,
        decidedAt: null,
        decidedBy: null,
        returnReason: null,
      };
    }
  }
  await submissions.save(next);
  const changedFields = current ? CHANGED_FIELDS[action] : ['status', 'reportCount', 'total', 'sentAt'];
  await recordLearnerCountSubmissionEvent(manager, EVENT_OF[action], next, changedFields);
  return next;
}

/** Reopening a school year (OFFICER) and a municipality's submission to the ministry. */
export function learnerCountYearMutations(policy: LearnerCountPolicy): MutationResolvers {
  return {
    reopenSchoolYear: async (_parent, { input }, { db, caller, clock }) => {
      requireRole(caller, Role.OFFICER);
      const year = parseSchoolYear(input.schoolYear, policy);
      const now = clock.now();
      const { until, reason } = assertReopening(input, now);
      const row = await db.transaction(async (manager) => {
        // Exclusive, like a lock: the deadline job cannot lock the year halfway through.
        await holdSchoolYear(manager, year.startYear, 'exclusive');
        const existing = await yearWindow(manager, year);
        await manager.getRepository(LearnerCountYearLockEntity).save({
          schoolYear: year.label,
          lockedAt: null,
          lockedBy: existing?.lockedBy ?? null,
          reportCount: existing?.reportCount ?? 0,
          reopenedUntil: until,
          reopenedAt: now,
          reopenedBy: caller.subject ?? null,
          reopenReason: reason,
        });
        return yearWindow(manager, year);
      });
      return { schoolYear: learnerCountSchoolYearView(year, row, now, policy) };
    },

    sendLearnerCountsToMinistry: async (_parent, { input }, context) => {
      requireRole(context.caller, Role.MUNICIPALITY);
      const target = submissionTarget(input, context, policy);
      assertMaySendFor(context.caller, target.municipality);
      const by = context.caller.subject ?? null;
      const submission = await context.db.transaction((manager) =>
        changeSubmission(manager, target, 'SEND', { now: context.clock.now(), by }),
      );
      return { submission };
    },

    acceptLearnerCountSubmission: async (_parent, { input }, context) => {
      requireRole(context.caller, Role.OFFICER);
      const target = submissionTarget(input, context, policy);
      const by = context.caller.subject ?? null;
      const submission = await context.db.transaction((manager) =>
        changeSubmission(manager, target, 'ACCEPT', { now: context.clock.now(), by }),
      );
      return { submission };
    },

    returnLearnerCountSubmission: async (_parent, { input }, context) => {
      requireRole(context.caller, Role.OFFICER);
      const target = submissionTarget(input, context, policy);
      const reason = assertReturnReason(input.reason);
      const by = context.caller.subject ?? null;
      const submission = await context.db.transaction((manager) =>
        changeSubmission(manager, target, 'RETURN', { now: context.clock.now(), by, reason }),
      );
      return { submission };
    },
  };
}
