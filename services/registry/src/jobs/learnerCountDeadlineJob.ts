import type { Logger, PeriodicJob } from '@eq/shared';
import type { DataSource } from 'typeorm';
import type { Clock } from '../context';
import { isYearDueForLock } from '../domain/learnerCountDeadline';
import { DEFAULT_LEARNER_COUNT_POLICY, type LearnerCountPolicy } from '../domain/learnerCountPolicy';
import { lockDeadlineOf, parseSchoolYear } from '../domain/learnerCountSchoolYear';
import { holdSchoolYear } from '../resolvers/learnerCountStore';
import { closeSchoolYear, yearWindow } from '../store/learnerCountYears';

export interface LearnerCountDeadlineOptions {
  clock: Clock;
  intervalMs: number;
  policy?: LearnerCountPolicy;
}

/**
 * Years that might be due: some report not locked yet, or reopened and not locked since, and
 * not locked now. A year with neither has nothing to lock (its deadline alone refuses changes).
 */
const CANDIDATE_YEARS = `
  SELECT y.school_year FROM (
    SELECT DISTINCT school_year FROM learner_count_report WHERE status <> 'LOCKED'
    UNION SELECT school_year FROM learner_count_year_lock WHERE locked_at IS NULL
  ) y
  WHERE NOT EXISTS (SELECT 1 FROM learner_count_year_lock l WHERE l.school_year = y.school_year AND l.locked_at IS NOT NULL)
  ORDER BY y.school_year`;

/**
 * The deadline closes a school year by itself (source 002: the ministry closes at 5 September
 * 23:59, Riga time), or a reopening's end does: the year's approved reports are locked with
 * `registry.learner-counts.locked`, as `lockSchoolYear` does, with no one's action. Runs at
 * start (catching up on deadlines passed while no instance ran) and then every `intervalMs`,
 * against the injected clock. Each due year is claimed with its exclusive advisory hold and
 * checked again under it, so a second instance (or an OFFICER's `lockSchoolYear`) finds it
 * locked and does nothing twice.
 */
export function learnerCountDeadlineJob(options: LearnerCountDeadlineOptions): PeriodicJob {
  const policy = options.policy ?? DEFAULT_LEARNER_COUNT_POLICY;
  return {
    name: 'learner-count-deadline',
    intervalMs: options.intervalMs,
    run: async ({ db, logger }: { db: DataSource; logger: Logger }) => {
      const now = options.clock.now();
      const candidates: Array<{ school_year: string }> = await db.query(CANDIDATE_YEARS);
      for (const { school_year: label } of candidates) {
        const year = parseSchoolYear(label, policy);
        const regular = lockDeadlineOf(year, policy);
        // Read first without the hold, so years still open are not held exclusively each minute.
        if (!isYearDueForLock(regular, await yearWindow(db.manager, year), now)) continue;
        const closing = await db.transaction(async (manager) => {
          await holdSchoolYear(manager, year.startYear, 'exclusive');
          if (!isYearDueForLock(regular, await yearWindow(manager, year), now)) return null;
          return closeSchoolYear(manager, year, now, null);
        });
        if (closing)
          logger.info({ schoolYear: year.label, lockedReportCount: closing.lockedReportCount }, 'learner-count deadline locked the year');
      }
    },
  };
}
