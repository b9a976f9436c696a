import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { LEARNER_GROUPS, totalLearners, type LearnerCounts } from '../../domain/learnerCounts';
import { schoolYearAsOf } from '../../domain/learnerCountSchoolYear';
import type { LearnerCountReportRecord } from '../../entities/learnerCountReport';
import type { LearnerCountSubmissionRecord } from '../../entities/learnerCountSubmission';

/** The public state of a learner-count report as carried on `registry.learner-counts.v1`. */
export interface LearnerCountState {
  id: string;
  institutionId: string;
  schoolYear: string;
  /** 1 September of the school year's first year. */
  asOf: string;
  status: string;
  counts: LearnerCounts;
  total: number;
  /** Null on a `locked` event means the year was locked before the founder approved it. */
  approvedAt: string | null;
  lockedAt: string | null;
}

/**
 * `approved` and `locked` are what the catalogue computes budgets from; `reopened` withdraws an
 * approval (the founder cancelled it to correct the counts), so a subscriber never keeps
 * budgets on numbers that are being corrected.
 */
export type LearnerCountEventType =
  'registry.learner-counts.approved' | 'registry.learner-counts.reopened' | 'registry.learner-counts.locked';

export function countsOf(report: LearnerCounts): LearnerCounts {
  return Object.fromEntries(LEARNER_GROUPS.map((group) => [group, report[group]])) as LearnerCounts;
}

export function learnerCountState(report: LearnerCountReportRecord): LearnerCountState {
  const counts = countsOf(report);
  return {
    id: report.id,
    institutionId: report.institutionId,
    schoolYear: report.schoolYear,
    asOf: schoolYearAsOf(report.schoolYear),
    status: report.status,
    counts,
    total: totalLearners(counts),
    approvedAt: report.approvedAt?.toISOString() ?? null,
    lockedAt: report.lockedAt?.toISOString() ?? null,
  };
}

/** Writes the event to the outbox in the caller's transaction; subject (and key) = report id. */
export async function recordLearnerCountEvent(
  manager: EntityManager,
  type: LearnerCountEventType,
  report: LearnerCountReportRecord,
  changedFields: string[],
): Promise<void> {
  const data: StateChange<LearnerCountState> = { state: learnerCountState(report), changedFields };
  await enqueueEvent(manager, Topics.registryLearnerCounts, makeCloudEvent({ source: '/registry', type, subject: report.id, data }));
}

/** A municipality's submission to the ministry as carried on `registry.learner-counts.v1`. */
export interface LearnerCountSubmissionState {
  id: string;
  municipality: string;
  schoolYear: string;
  status: string;
  reportCount: number;
  total: number;
  sentAt: string;
  decidedAt: string | null;
  returnReason: string | null;
}

/** Sent, accepted (its reports are locked by the same transaction) or returned with a reason. */
export type LearnerCountSubmissionEventType =
  'registry.learner-counts.submission-sent' | 'registry.learner-counts.submission-accepted' | 'registry.learner-counts.submission-returned';

export function learnerCountSubmissionState(submission: LearnerCountSubmissionRecord): LearnerCountSubmissionState {
  return {
    id: submission.id,
    municipality: submission.municipality,
    schoolYear: submission.schoolYear,
    status: submission.status,
    reportCount: submission.reportCount,
    total: submission.total,
    sentAt: submission.sentAt.toISOString(),
    decidedAt: submission.decidedAt?.toISOString() ?? null,
    returnReason: submission.returnReason,
  };
}

/** Writes the event to the outbox in the caller's transaction; subject (and key) = submission id. Who acted stays internal. */
export async function recordLearnerCountSubmissionEvent(
  manager: EntityManager,
  type: LearnerCountSubmissionEventType,
  submission: LearnerCountSubmissionRecord,
  changedFields: string[],
): Promise<void> {
  const data: StateChange<LearnerCountSubmissionState> = { state: learnerCountSubmissionState(submission), changedFields };
  await enqueueEvent(manager, Topics.registryLearnerCounts, makeCloudEvent({ source: '/registry', type, subject: submission.id, data }));
}
