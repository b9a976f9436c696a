import { In, type EntityManager } from 'typeorm';
import { assertYearAcceptsChanges, type SchoolYearWindow } from '../domain/learnerCountDeadline';
import type { LearnerCountPolicy } from '../domain/learnerCountPolicy';
import { changeLearnerCountStatus } from '../domain/learnerCounts';
import { lockDeadlineOf, type SchoolYear } from '../domain/learnerCountSchoolYear';
import { InstitutionEntity, type InstitutionRecord } from '../entities/institution';
import { LearnerCountReportEntity, type LearnerCountReportRecord } from '../entities/learnerCountReport';
import { LearnerCountYearLockEntity, type LearnerCountYearLockRecord } from '../entities/learnerCountYearLock';
import { recordLearnerCountEvent } from '../events/out/learnerCountEvents';

/** The year's row (lock, reopening), or null for a year that was never locked nor reopened. */
export function yearWindow(manager: EntityManager, year: Pick<SchoolYear, 'label'>): Promise<LearnerCountYearLockRecord | null> {
  return manager.getRepository(LearnerCountYearLockEntity).findOneBy({ schoolYear: year.label });
}

/**
 * CONFLICT (DEADLINE_PASSED or YEAR_LOCKED) once the year no longer takes changes. Called with
 * the year held in shared mode, so the answer stands until the transaction commits.
 */
export async function assertYearOpen(manager: EntityManager, year: SchoolYear, now: Date, policy: LearnerCountPolicy): Promise<void> {
  const window: SchoolYearWindow | null = await yearWindow(manager, year);
  assertYearAcceptsChanges(year, lockDeadlineOf(year, policy), window, now);
}

/**
 * Locks approved reports (the caller holds their year and has them still): each becomes LOCKED
 * and `registry.learner-counts.locked` is published for it, in the caller's transaction.
 */
export async function lockApprovedReports(manager: EntityManager, approved: LearnerCountReportRecord[], now: Date): Promise<number> {
  if (approved.length === 0) return 0;
  await manager
    .getRepository(LearnerCountReportEntity)
    .update({ id: In(approved.map((report) => report.id)), status: 'APPROVED' }, { status: 'LOCKED', lockedAt: now });
  for (const report of approved) {
    const { next, changedFields } = changeLearnerCountStatus(report, 'LOCK', now);
    await recordLearnerCountEvent(manager, 'registry.learner-counts.locked', { ...report, ...next }, changedFields);
  }
  return approved.length;
}

export interface YearClosing {
  lockedAt: Date;
  lockedReportCount: number;
  /** Reports left unlocked (not approved), per approver. */
  unapproved: Array<{ municipality: string | null; reports: LearnerCountReportRecord[] }>;
}

/**
 * Locks the school year: its approved reports become LOCKED (with their events) and the year
 * takes no more changes until an OFFICER reopens it. The caller holds the year exclusively, so
 * no report changes meanwhile. Idempotent: a year already locked (by the deadline job or an
 * OFFICER) answers with that lock and locks nothing again.
 */
export async function closeSchoolYear(manager: EntityManager, year: SchoolYear, now: Date, lockedBy: string | null): Promise<YearClosing> {
  const locks = manager.getRepository(LearnerCountYearLockEntity);
  const existing = await locks.findOneBy({ schoolYear: year.label });
  const yearReports = await manager
    .getRepository(LearnerCountReportEntity)
    .find({ where: { schoolYear: year.label }, order: { id: 'ASC' } });
  const left = yearReports.filter((report) => report.status !== 'APPROVED' && report.status !== 'LOCKED');
  const unapproved = unapprovedByApprover(left, await institutionsOf(manager, left));
  if (existing?.lockedAt) return { lockedAt: existing.lockedAt, lockedReportCount: existing.reportCount, unapproved };

  const lockedReportCount = await lockApprovedReports(
    manager,
    yearReports.filter((report) => report.status === 'APPROVED'),
    now,
  );
  await locks.upsert({ schoolYear: year.label, lockedAt: now, lockedBy, reportCount: lockedReportCount }, ['schoolYear']);
  return { lockedAt: now, lockedReportCount, unapproved };
}

async function institutionsOf(manager: EntityManager, reports: LearnerCountReportRecord[]): Promise<InstitutionRecord[]> {
  if (reports.length === 0) return [];
  return manager.getRepository(InstitutionEntity).findBy({ id: In(reports.map((report) => report.institutionId)) });
}

/**
 * Reports left out of a lock, per approver: the founding municipality, or null where the
 * ministry approves (founders that are the state, a legal or a natural person).
 */
function unapprovedByApprover(reports: LearnerCountReportRecord[], institutions: InstitutionRecord[]): YearClosing['unapproved'] {
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
