import { notFound } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { InstitutionEntity, type InstitutionRecord } from '../entities/institution';
import { LearnerCountReportEntity, type LearnerCountReportRecord } from '../entities/learnerCountReport';

/** Advisory-lock namespace of learner-count school years (the second key is the year's first year). */
const SCHOOL_YEAR_LOCK_SPACE = 1_732_300_011;

/**
 * Every change of a report holds its school year in shared mode and `lockSchoolYear` holds it
 * exclusively: locking waits for changes in flight and changes wait for the lock to commit, so
 * no report is started or changed in a year while it is being locked. Taken before any row
 * lock, always in this order, so the two never deadlock.
 */
export async function holdSchoolYear(manager: EntityManager, startYear: number, mode: 'shared' | 'exclusive'): Promise<void> {
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await manager.query(`SELECT ${fn}($1, $2)`, [SCHOOL_YEAR_LOCK_SPACE, startYear]);
}

/**
 * The institution a report belongs to, read FOR SHARE: it cannot be liquidated while a report
 * of it is being prepared or approved (liquidation takes the row FOR UPDATE).
 */
export async function institutionForReport(manager: EntityManager, id: string): Promise<InstitutionRecord> {
  const institution = await manager.getRepository(InstitutionEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_read' } });
  if (!institution) throw notFound('Institution', id);
  return institution;
}

/** The report, its school year held (shared) and its row locked for the change. */
export async function reportForChange(manager: EntityManager, id: string): Promise<LearnerCountReportRecord> {
  const reports = manager.getRepository(LearnerCountReportEntity);
  const found = await reports.findOneBy({ id });
  if (!found) throw notFound('Learner-count report', id);
  // A report's school year never changes, so the year read before the row lock is the right one.
  await holdSchoolYear(manager, Number(found.schoolYear.slice(0, 4)), 'shared');
  return reports.findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
}
